package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * The Jiangxi demo schools as tenants/…/jiangxi/tenant.json lists them, and the two cities'
 * settings: each carries only its own usual off-work time (南昌 17:30, 赣州 18:00).
 */
final class JiangxiFixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    static final LocalDate SATURDAY = LocalDate.of(2026, 9, 12);

    static final Map<String, String> NANCHANG = Map.of(JiangxiConfig.OFF_WORK_TIME, "17:30");
    static final Map<String, String> GANZHOU = Map.of(JiangxiConfig.OFF_WORK_TIME, "18:00");
    /** A fee standard a city might set; 003 §八 leaves the amount to each locality, so it is the test's own. */
    static final String CITY_FEE_STANDARD = "300.00";

    static List<ExtensionPoint> extensions() {
        return List.of(new JiangxiRegion(), new JiangxiServiceWindow(), new JiangxiFees(), new JiangxiFundsFlow(),
                new JiangxiHolidayCare(), new JiangxiEnrollment(), new JiangxiCompliance(), new JiangxiReports());
    }

    static SchoolProfile donghuPrimary() {
        return new SchoolProfile("nanchang-donghu-no3-primary", "南昌市东湖区第三小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(16, 20));
    }

    static SchoolProfile binjiangJunior() {
        return new SchoolProfile("ganzhou-zhanggong-binjiang-junior", "赣州市章贡区滨江初级中学", SchoolLevel.JUNIOR, true, null,
                false, false, false, null, true, LocalTime.of(16, 50));
    }

    static SchoolProfile tangjiangCentralPrimary() {
        return new SchoolProfile("ganzhou-tangjiang-central-primary", "赣州市南康区唐江镇中心小学", SchoolLevel.PRIMARY, false,
                "唐江镇", false, false, false, null, true, LocalTime.of(16, 10));
    }

    static SchoolProfile xinchengVillagePrimary() {
        return new SchoolProfile("ganzhou-tangjiang-xincheng-village-primary", "赣州市南康区唐江镇新城村小学", SchoolLevel.PRIMARY,
                false, "唐江镇", false, true, false, "ganzhou-tangjiang-central-primary", true, LocalTime.of(15, 50));
    }

    static SchoolProfile luwuTeachingPoint() {
        return new SchoolProfile("ganzhou-tangjiang-luwu-teaching-point", "赣州市南康区唐江镇卢屋教学点", SchoolLevel.PRIMARY,
                false, "唐江镇", false, false, true, "ganzhou-tangjiang-central-primary", true, LocalTime.of(15, 40));
    }

    static SchoolProfile tangjiangBoardingJunior() {
        return new SchoolProfile("ganzhou-nankang-tangjiang-boarding-junior", "赣州市南康区唐江中学", SchoolLevel.JUNIOR, false,
                "唐江镇", true, false, false, null, true, LocalTime.of(17, 0));
    }

    static List<SchoolProfile> demoSchools() {
        return List.of(donghuPrimary(), binjiangJunior(), tangjiangCentralPrimary(), xinchengVillagePrimary(),
                luwuTeachingPoint(), tangjiangBoardingJunior());
    }

    static PolicyContext ctx(LocalDate date, SchoolProfile school, Map<String, String> tenantConfig) {
        return new PolicyContext("jiangxi", school, date, JiangxiConfig.SCHEMA.effective(tenantConfig));
    }

    /** {@code city}'s settings plus {@code more}. */
    static Map<String, String> with(Map<String, String> city, String key, String value) {
        var merged = new HashMap<>(city);
        merged.put(key, value);
        return merged;
    }

    private JiangxiFixtures() {
    }
}
