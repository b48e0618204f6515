package cn.kehou.plugin.api;

import java.time.LocalTime;

/**
 * The facts about one school that regional rules depend on. {@code ruralTown} names the
 * township of a non-urban school (e.g. "鱼嘴镇"; null when urban); {@code centralSchoolCode} is
 * the township central school (中心校) a village school or teaching point belongs to;
 * {@code normalDismissal} is the normal afternoon dismissal (放学) time.
 */
public record SchoolProfile(
        String code,
        String name,
        SchoolLevel level,
        boolean urban,
        String ruralTown,
        boolean boarding,
        boolean villageSchool,
        boolean teachingPoint,
        String centralSchoolCode,
        boolean publicSchool,
        LocalTime normalDismissal) {

    public SchoolProfile {
        Require.text(code, "code");
        Require.text(name, "name");
        Require.present(level, "level");
        Require.present(normalDismissal, "normalDismissal");
        if (urban && ruralTown != null) {
            throw new IllegalArgumentException("an urban school has no rural town: " + ruralTown);
        }
    }
}
