package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiRule.COVERAGE;
import static cn.kehou.plugins.jiangxi.JiangxiRule.PRIORITY_GROUPS;
import static cn.kehou.plugins.jiangxi.JiangxiRule.VILLAGE_SCHOOLS_JOIN_CENTRAL;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.StudentProfile;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * 003 §二: every student who needs the service is served — urban schools and township central
 * schools run it, village schools and teaching points may join their central school's; §六: the
 * family applies freely, and the named groups come first.
 */
@Extension
public class JiangxiEnrollment implements EnrollmentRules {

    // 003 §六: 自主决定、自愿报名; §二: 由乡镇中心学校统筹安排. 003 names no review step, no
    // agreement and no binding period (API 1.0 has no "unspecified" period: ROLLING is the reading
    // that binds the family least).
    private static final EnrollmentTerms TERMS = new EnrollmentTerms(
            List.of(EnrollmentStep.APPLY, EnrollmentStep.ARRANGE),
            EnrollmentPeriod.ROLLING,
            List.of(),
            // 003 §六: 优先保障留守儿童、进城务工人员随迁子女、家庭经济困难儿童少年等群体
            List.of(PriorityGroup.LEFT_BEHIND, PriorityGroup.MIGRANT, PriorityGroup.ECONOMIC_HARDSHIP,
                    PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE),
            true,
            List.of(PRIORITY_GROUPS.citation, COVERAGE.citation));

    @Override
    public EnrollmentTerms terms(PolicyContext ctx) {
        return TERMS;
    }

    @Override
    public Decision eligible(PolicyContext ctx, StudentProfile student) {
        // 003 §二: 有需求的学生全覆盖 — no student is turned away; the notes tell the host where a
        // village pupil is served and that a boarding school's form is local
        SchoolProfile school = ctx.requireSchool();
        var notes = new ArrayList<Reason>();
        if (school.villageSchool() || school.teachingPoint()) {
            notes.add(joinCentralSchool(school));
        }
        if (JiangxiServiceWindow.windowSetLocally(ctx, school)) {
            notes.add(JiangxiServiceWindow.boardingWindowSetLocally(school));
        }
        return new Decision(true, notes);
    }

    /** 003 §二: 村小、教学点有条件的地方可自行组织课后服务或自愿参加中心校的课后服务，由乡镇中心学校统筹安排. */
    static Reason joinCentralSchool(SchoolProfile school) {
        String kindZh = school.teachingPoint() ? "教学点" : "村小";
        String central = school.centralSchoolCode();
        return VILLAGE_SCHOOLS_JOIN_CENTRAL.reason("MAY_JOIN_CENTRAL_SCHOOL_SERVICE",
                school.name() + "是" + kindZh + "：有条件的可自行组织课后服务，或自愿参加"
                        + (central == null ? "所属乡镇中心校（未登记）" : "中心校 " + central) + " 的课后服务，由乡镇中心学校统筹安排",
                school.name() + " is a " + (school.teachingPoint() ? "teaching point" : "village school")
                        + ": it may run its own service where it can, or its pupils may join the service of "
                        + (central == null ? "their township central school (not recorded)" : "central school " + central)
                        + ", arranged by the central school");
    }
}
