package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.plugins.ScheduleCheck;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a service must pass before it is saved, the region's plugin first so that its code
 * and citation reach the user: content (checkContent), holiday and weekend care (HolidayCarePolicy),
 * the window on every service day with the policy of that day (ScheduleCheck), and the fee
 * (FeeSchedule.price, with the provider's off-campus price for a provider course). The shared
 * national rules follow as a safety net that holds whatever a plugin answers.
 */
@ApplicationScoped
class ServiceCompliance {

    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    @Inject
    RegionRules rules;
    @Inject
    RegionPolicies policies;
    @Inject
    ScheduleCheck scheduleCheck;
    @Inject
    ProviderStanding standing;

    /** Refuses {@code s} with the first broken rule; {@code course} is null unless a provider runs it. */
    void check(School school, SchoolTerm term, OfferedService s, Provider provider, ProviderCourse course) {
        // The term's dismissal time is the one the window rules measure from.
        School inTerm = CatalogSchools.asInTerm(school, term);
        Set<ContentTag> tags = s.tagSet();
        RegionRules.refuseUnless(rules.content(inTerm, s.validFrom,
                new CourseContent(s.kind, s.titleZh, tags, s.gradeFrom, s.gradeTo, provider != null)));
        Set<ContentTag> forbidden = NationalRules.forbidden(tags, provider != null);
        if (!forbidden.isEmpty()) {
            throw new ProblemException(422, "CONTENT_NOT_ALLOWED", forbidden);
        }
        if (s.kind == ServiceKind.HOLIDAY_CARE || s.daySet().stream().anyMatch(WEEKEND::contains)) {
            holidayAndWeekend(inTerm, s);
        }
        if (provider != null) {
            standing.requireUsable(CatalogSchools.tenantOf(school), provider, s.kind, s.validFrom, s.validTo);
            if (s.gradeFrom < course.gradeFrom || s.gradeTo > course.gradeTo) {
                throw new ProblemException(422, "PROVIDER_COURSE_GRADES", course.gradeFrom, course.gradeTo);
            }
        }
        ScheduleCheck.Verdict verdict = scheduleCheck.check(policies.timeline(CatalogSchools.tenantOf(school), null),
                inTerm, new ServiceSession(s.kind, s.start, s.end), s.daySet(), s.validFrom, s.validTo);
        if (!verdict.allowed()) {
            throw verdict.asProblem();
        }
        if (verdict.daysChecked() == 0) {
            throw new ProblemException(422, "SERVICE_HAS_NO_DAYS");
        }
        fee(inTerm, s, course, s.feeFen);
    }

    /** Asks the plugin whether {@code feeFen} per term may be charged for {@code s}; refuses with its reason. */
    FeeDecision fee(School inTerm, OfferedService s, ProviderCourse course, long feeFen) {
        FeeDecision d = rules.price(inTerm, s.validFrom, new FeeRequest(s.kind, feeFen, s.dailyMinutes(), Set.of(),
                course != null, course == null ? null : course.offCampusFen, s.feeCostedOn));
        RegionRules.refuseUnless(d.decision());
        return d;
    }

    private void holidayAndWeekend(School school, OfferedService s) {
        HolidayCareRules care = rules.holidayCare(school, s.validFrom);
        if (s.kind == ServiceKind.HOLIDAY_CARE && !care.holidays()) {
            throw ProblemException.withText(422, "HOLIDAY_CARE_NOT_OFFERED", "本地区不开展假期托管：" + care.contentZh(),
                    "this region runs no holiday care: " + care.contentZh(), care.citation());
        }
        if (s.daySet().stream().anyMatch(WEEKEND::contains) && !care.weekends()) {
            throw ProblemException.withText(422, "WEEKEND_CARE_NOT_OFFERED", "本地区不开展周末托管：" + care.contentZh(),
                    "this region runs no weekend care: " + care.contentZh(), care.citation());
        }
    }

    /** Whether the service's dates sit inside its term; holiday care runs in the holidays around it. */
    static void requireDatesFit(SchoolTerm term, OfferedService s) {
        if (s.validTo.isBefore(s.validFrom)) {
            throw new ProblemException(400, "DATES_REVERSED");
        }
        if (s.kind != ServiceKind.HOLIDAY_CARE && !term.covers(s.validFrom, s.validTo)) {
            throw new ProblemException(422, "SERVICE_OUTSIDE_TERM", term.name, term.startsOn, term.endsOn);
        }
        if (s.signupTo != null && (s.signupTo.isBefore(s.signupFrom) || s.signupTo.isAfter(s.validFrom))) {
            throw new ProblemException(422, "SIGNUP_WINDOW_INVALID", s.validFrom);
        }
        if (s.kind == ServiceKind.HOLIDAY_CARE && s.signupFrom == null) {
            throw new ProblemException(400, "SIGNUP_WINDOW_REQUIRED");
        }
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
