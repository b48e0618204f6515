package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/** Urumqi schools keep Beijing time, so afternoon dismissal is late: 17:30 here. */
final class UrumqiFixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    static final LocalDate SATURDAY = LocalDate.of(2026, 9, 12);

    static List<ExtensionPoint> extensions() {
        return List.of(new UrumqiRegion(), new UrumqiServiceWindow(), new UrumqiFees(), new UrumqiFundsFlow(),
                new UrumqiHolidayCare(), new UrumqiEnrollment(), new UrumqiCompliance(), new UrumqiReports());
    }

    static SchoolProfile publicPrimary() {
        return new SchoolProfile("URC-001", "乌鲁木齐市第一小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, true, LocalTime.of(17, 30));
    }

    static SchoolProfile privatePrimary() {
        return new SchoolProfile("URC-900", "民办育才小学", SchoolLevel.PRIMARY, true, null,
                false, false, false, null, false, LocalTime.of(17, 30));
    }

    static SchoolProfile ruralPrimary() {
        return new SchoolProfile("URC-R01", "乡中心小学", SchoolLevel.PRIMARY, false, "托里乡",
                true, false, false, null, true, LocalTime.of(17, 0));
    }

    static PolicyContext ctx(LocalDate date) {
        return ctx(date, publicPrimary(), Map.of());
    }

    static PolicyContext ctx(LocalDate date, SchoolProfile school, Map<String, String> tenantConfig) {
        return new PolicyContext("xinjiang-urumqi", school, date, UrumqiConfig.SCHEMA.effective(tenantConfig));
    }

    private UrumqiFixtures() {
    }
}
