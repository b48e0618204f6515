package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

final class YangjiangFixtures {

    static final LocalDate JUNE_DAY = LocalDate.of(2026, 6, 10);
    static final LocalDate NOVEMBER_DAY = LocalDate.of(2026, 11, 10);
    /** A county's original basic-care rate, as a tenant would set it. */
    static final String LOCAL_RATE = "300.00";

    static List<ExtensionPoint> extensions() {
        return List.of(new YangjiangRegion(), new YangjiangServiceWindow(), new YangjiangFees(), new YangjiangFundsFlow(),
                new YangjiangMealsAndNaps(), new YangjiangHolidayCare(), new YangjiangEnrollment(),
                new YangjiangCompliance(), new YangjiangReports());
    }

    static SchoolProfile primary() {
        return new SchoolProfile("YJ-JC-001", "阳江市江城区第一小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(16, 30));
    }

    static PolicyContext ctx(LocalDate date) {
        return ctx(date, Map.of());
    }

    /** The tenant sets the local rate; {@code overrides} adds or replaces settings. */
    static PolicyContext ctx(LocalDate date, Map<String, String> overrides) {
        var config = new HashMap<String, String>();
        config.put(YangjiangConfig.BASIC_CARE_LOCAL_RATE, LOCAL_RATE);
        config.putAll(overrides);
        return new PolicyContext("guangdong-yangjiang", primary(), date, YangjiangConfig.SCHEMA.effective(config));
    }

    static PolicyContext ctxWithSeedDefaultsOnly(LocalDate date) {
        return new PolicyContext("guangdong-yangjiang", primary(), date, YangjiangConfig.SCHEMA.defaults());
    }

    private YangjiangFixtures() {
    }
}
