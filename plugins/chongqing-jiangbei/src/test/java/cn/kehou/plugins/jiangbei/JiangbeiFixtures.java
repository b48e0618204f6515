package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/** The demo schools of tenants/…/chongqing-jiangbei/tenant.json, and variants that differ in one fact. */
final class JiangbeiFixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    static final LocalDate SATURDAY = LocalDate.of(2026, 9, 12);
    /** Autumn term 2026 starts on Tuesday 1 September. */
    static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
    /** A rate per student per term per daily period, as a district would set it (001 names none). */
    static final String RATE = "150.00";

    /** What the district sets besides the seed's defaults: the period lengths of tenant.json, and a rate. */
    static final Map<String, String> DISTRICT_SETTINGS = Map.of(
            JiangbeiConfig.PRIMARY_PERIOD_MINUTES, "40",
            JiangbeiConfig.JUNIOR_PERIOD_MINUTES, "45",
            JiangbeiConfig.CAP_PER_DAILY_PERIOD, RATE);

    static List<ExtensionPoint> extensions() {
        return List.of(new JiangbeiRegion(), new JiangbeiServiceWindow(), new JiangbeiFees(), new JiangbeiFundsFlow(),
                new JiangbeiHolidayCare(), new JiangbeiEnrollment(), new JiangbeiCompliance(), new JiangbeiReports());
    }

    static SchoolProfile beibinPrimary() {
        return new SchoolProfile("jiangbei-beibin-primary", "重庆市江北区北滨路小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(15, 30));
    }

    static SchoolProfile jiangbeichengJunior() {
        return new SchoolProfile("jiangbei-jiangbeicheng-junior", "重庆市江北区江北城初级中学", SchoolLevel.JUNIOR, true, null,
                false, false, false, null, true, LocalTime.of(16, 30));
    }

    static SchoolProfile yuzuiPrimary() {
        return new SchoolProfile("jiangbei-yuzui-central-primary", "重庆市江北区鱼嘴镇中心小学", SchoolLevel.PRIMARY, false, "鱼嘴",
                false, false, false, null, true, LocalTime.of(15, 20));
    }

    static SchoolProfile guojiatuoPrimary() {
        return new SchoolProfile("jiangbei-guojiatuo-primary", "重庆市江北区郭家沱小学", SchoolLevel.PRIMARY, false, "郭家沱",
                false, false, false, null, true, LocalTime.of(15, 30));
    }

    /** The 鱼嘴 school as if it stood in the city: same level and dismissal, urban. */
    static SchoolProfile urbanTwinOfYuzui() {
        return new SchoolProfile("jiangbei-urban-twin", "城区小学（放学时间同鱼嘴）", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(15, 20));
    }

    /** A primary school outside the city in a town that 001 does not list. */
    static SchoolProfile primaryIn(String ruralTown) {
        return new SchoolProfile("jiangbei-town-primary", ruralTown + "小学", SchoolLevel.PRIMARY, false, ruralTown,
                false, false, false, null, true, LocalTime.of(15, 20));
    }

    static SchoolProfile juniorDismissedAt(LocalTime dismissal) {
        return new SchoolProfile("jiangbei-junior-" + dismissal, "城区初级中学", SchoolLevel.JUNIOR, true, null,
                false, false, false, null, true, dismissal);
    }

    static SchoolProfile urbanNineYear() {
        return new SchoolProfile("jiangbei-nine-year", "城区九年一贯制学校", SchoolLevel.NINE_YEAR, true, null,
                false, false, false, null, true, LocalTime.of(15, 20));
    }

    /** At {@code school} with the district's settings plus {@code overrides}. */
    static PolicyContext ctx(LocalDate date, SchoolProfile school, Map<String, String> overrides) {
        var config = new HashMap<>(DISTRICT_SETTINGS);
        config.putAll(overrides);
        return new PolicyContext("chongqing-jiangbei", school, date, JiangbeiConfig.SCHEMA.effective(config));
    }

    static PolicyContext ctx(LocalDate date, SchoolProfile school) {
        return ctx(date, school, Map.of());
    }

    static PolicyContext ctx(LocalDate date) {
        return ctx(date, beibinPrimary());
    }

    static PolicyContext ctxWithSeedDefaultsOnly(LocalDate date, SchoolProfile school) {
        return new PolicyContext("chongqing-jiangbei", school, date, JiangbeiConfig.SCHEMA.defaults());
    }

    private JiangbeiFixtures() {
    }
}
