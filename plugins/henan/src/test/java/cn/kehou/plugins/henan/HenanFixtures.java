package cn.kehou.plugins.henan;

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
 * 许昌市 and two of its counties as tenants/…/henan/tenant.json sets them: the city sets the price
 * authority's guidance range, each county its own seasons and services (鄢陵县 adds noon service
 * and lunch; 襄城县 keeps a later, shorter summer).
 */
final class HenanFixtures {

    static final LocalDate JANUARY_DAY = LocalDate.of(2026, 1, 14);
    static final LocalDate JUNE_DAY = LocalDate.of(2026, 6, 10);
    static final LocalDate EARLY_MAY_DAY = LocalDate.of(2026, 5, 6);
    static final LocalDate JUNE_SATURDAY = LocalDate.of(2026, 6, 13);

    /** henan-xuchang: 100.00–300.00 CNY per student per term (demo values for the city's guidance). */
    static final Map<String, String> XUCHANG = Map.of(
            HenanConfig.GUIDANCE_MIN, "100.00",
            HenanConfig.GUIDANCE_MAX, "300.00");

    /** henan-xuchang-yanling: summer 1 May–30 Sep, ends 18:00–18:40; winter 17:30–18:10; noon service and lunch. */
    static final Map<String, String> YANLING = Map.of(
            HenanConfig.SERVICES_OFFERED, "BASIC_CARE,QUALITY_COURSE,FREE_TUTORING,HOLIDAY_CARE,NOON_CARE",
            HenanConfig.LUNCH_OFFERED, "true",
            HenanConfig.SUMMER_FROM, "05-01",
            HenanConfig.SUMMER_TO, "09-30",
            HenanConfig.SUMMER_EARLIEST_END, "18:00",
            HenanConfig.SUMMER_LATEST_END, "18:40",
            HenanConfig.WINTER_EARLIEST_END, "17:30",
            HenanConfig.WINTER_LATEST_END, "18:10");

    /** henan-xuchang-xiangcheng: summer 15 May–15 Sep, ends 17:50–18:30; winter 17:20–18:00. */
    static final Map<String, String> XIANGCHENG = Map.of(
            HenanConfig.SUMMER_FROM, "05-15",
            HenanConfig.SUMMER_TO, "09-15",
            HenanConfig.SUMMER_EARLIEST_END, "17:50",
            HenanConfig.SUMMER_LATEST_END, "18:30",
            HenanConfig.WINTER_EARLIEST_END, "17:20",
            HenanConfig.WINTER_LATEST_END, "18:00");

    static List<ExtensionPoint> extensions() {
        return List.of(new HenanRegion(), new HenanServiceWindow(), new HenanFees(), new HenanFundsFlow(),
                new HenanMealsAndNaps(), new HenanHolidayCare(), new HenanEnrollment(), new HenanCompliance());
    }

    static SchoolProfile yanlingPrimary() {
        return new SchoolProfile("xuchang-yanling-experimental-primary", "鄢陵县实验小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(16, 30));
    }

    static SchoolProfile xiangchengPrimary() {
        return new SchoolProfile("xuchang-xiangcheng-ziyun-central-primary", "襄城县紫云镇中心小学", SchoolLevel.PRIMARY,
                false, "紫云镇", false, false, false, null, true, LocalTime.of(16, 20));
    }

    /** The city's settings overlaid with the county's, as the server merges them down the tree. */
    static Map<String, String> merged(Map<String, String> county) {
        var config = new HashMap<>(XUCHANG);
        config.putAll(county);
        return config;
    }

    static PolicyContext yanling(LocalDate date) {
        return yanling(date, Map.of());
    }

    /** 鄢陵县实验小学 under 许昌市 and 鄢陵县's settings; {@code overrides} adds or replaces settings. */
    static PolicyContext yanling(LocalDate date, Map<String, String> overrides) {
        var config = merged(YANLING);
        config.putAll(overrides);
        return new PolicyContext("henan-xuchang-yanling", yanlingPrimary(), date, HenanConfig.SCHEMA.effective(config));
    }

    static PolicyContext xiangcheng(LocalDate date) {
        return new PolicyContext("henan-xuchang-xiangcheng", xiangchengPrimary(), date,
                HenanConfig.SCHEMA.effective(merged(XIANGCHENG)));
    }

    /** Nothing set: the seed's defaults only (no seasons, no guidance range). */
    static PolicyContext seedDefaultsOnly(LocalDate date) {
        return new PolicyContext("henan", yanlingPrimary(), date, HenanConfig.SCHEMA.defaults());
    }

    private HenanFixtures() {
    }
}
