package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;

import java.util.EnumSet;
import java.util.Set;

/**
 * Rules every region shares, so they live in the core and hold whatever a plugin answers:
 * no new lessons or collective academic teaching in service time (不得讲新课/集体补课), third
 * parties only non-academic (非学科类), no commercial promotion or selling of materials.
 */
final class NationalRules {

    /** Content no service may have, whoever runs it. */
    static final Set<ContentTag> NEVER_IN_SERVICE = EnumSet.of(ContentTag.NEW_LESSON, ContentTag.COLLECTIVE_TEACHING,
            ContentTag.COMMERCIAL_PROMOTION);

    /** Content no third party may offer: the above plus academic-subject training and material sales. */
    static final Set<ContentTag> NEVER_BY_PROVIDERS = EnumSet.of(ContentTag.NEW_LESSON, ContentTag.COLLECTIVE_TEACHING,
            ContentTag.ACADEMIC_SUBJECT, ContentTag.COMMERCIAL_PROMOTION, ContentTag.MATERIAL_SALE);

    private NationalRules() {
    }

    static Set<ContentTag> forbidden(Set<ContentTag> tags, boolean providerCourse) {
        Set<ContentTag> bad = EnumSet.noneOf(ContentTag.class);
        bad.addAll(tags);
        bad.retainAll(providerCourse ? NEVER_BY_PROVIDERS : NEVER_IN_SERVICE);
        return bad;
    }
}
