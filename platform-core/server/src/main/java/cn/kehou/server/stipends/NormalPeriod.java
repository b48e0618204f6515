package cn.kehou.server.stipends;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.tenancy.School;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The normal class-period length a session's periods are counted in (001 §五(二)4: 课后服务计费时间
 * 必须以实行课后服务之前的正常课时为基础计算，不得随意调整课时). Where the region's plugin config sets
 * the period length ({@code fee.primaryPeriodMinutes} / {@code fee.juniorPeriodMinutes}, Jiangbei's
 * fee keys, read from the resolved config so the plugin API stays as it is), that length counts; else
 * the school term's own normal period. A nine-year school counts in the longer of the two and
 * evening self-study in the junior one — never more periods, as Jiangbei's fee rule does.
 */
record NormalPeriod(int minutes) {

    static final String PRIMARY = "fee.primaryPeriodMinutes";
    static final String JUNIOR = "fee.juniorPeriodMinutes";

    static NormalPeriod of(RegionPolicies.Resolution policy, School school, SchoolTerm term, OfferedService service) {
        Map<String, RegionPolicies.ConfigValue> config = policy.config();
        OptionalInt primary = positive(config, PRIMARY);
        OptionalInt junior = positive(config, JUNIOR);
        OptionalInt regional;
        if (school.level == School.SchoolLevel.JUNIOR || service.kind == cn.kehou.plugin.api.ServiceKind.EVENING_SELF_STUDY) {
            regional = junior;
        } else if (school.level == School.SchoolLevel.PRIMARY) {
            regional = primary;
        } else {
            regional = primary.isPresent() && junior.isPresent()
                    ? OptionalInt.of(Math.max(primary.getAsInt(), junior.getAsInt())) : OptionalInt.empty();
        }
        return new NormalPeriod(regional.orElse(term.periodMinutes));
    }

    /**
     * Whole normal periods in one session: 80 minutes of 40-minute periods are 2 periods; 60 minutes
     * are 1 — a part period is not rounded up, and minutes are never turned into clock hours.
     */
    int periodsIn(OfferedService service) {
        return service.dailyMinutes() / minutes;
    }

    private static OptionalInt positive(Map<String, RegionPolicies.ConfigValue> config, String key) {
        RegionPolicies.ConfigValue v = config.get(key);
        if (v == null || v.value() == null) {
            return OptionalInt.empty();
        }
        try {
            int m = Integer.parseInt(v.value().strip());
            return m >= 20 && m <= 60 ? OptionalInt.of(m) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
