package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 000 §五(二): the platform recommends vetted provider courses that match what a school does not
 * cover yet — grades without a quality course, weekdays without one. Only providers usable here
 * (approved for quality courses by this bureau or one above, not suspended or blacklisted) and
 * only courses the region's plugin accepts as content are recommended.
 */
@Path("/api/t/{tenant}/schools/{school}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Inject
    Caller caller;
    @Inject
    CatalogSchools schools;
    @Inject
    ProviderStanding standing;
    @Inject
    RegionRules rules;
    @Inject
    Clock clock;

    public record Recommendation(String provider, String providerNameZh, UUID course, String titleZh,
                                 Set<ContentTag> tags, int gradeFrom, int gradeTo, Set<DayOfWeek> days,
                                 long offCampusFen, Set<Integer> coversGrades, Set<DayOfWeek> coversDays) {
        int score() {
            return coversGrades.size() + coversDays.size();
        }
    }

    public record Recommendations(UUID term, Set<Integer> gradesUncovered, Set<DayOfWeek> daysUncovered,
                                  List<Recommendation> courses) {
    }

    /** For {@code term} (default: the school's services still running today). */
    @GET
    @Transactional
    public Recommendations recommend(@PathParam("school") String schoolCode, @QueryParam("term") UUID termId) {
        School school = schools.visible(schoolCode);
        caller.requireAtSchool("catalog.read", school.id);
        LocalDate today = LocalDate.now(clock);
        SchoolTerm term = termId == null ? null : TermResource.term(school, termId);
        List<OfferedService> courses = term != null
                ? OfferedService.list("schoolId = ?1 and termId = ?2 and kind = ?3", school.id, term.id, ServiceKind.QUALITY_COURSE)
                : OfferedService.list("schoolId = ?1 and validTo >= ?2 and kind = ?3", school.id, today, ServiceKind.QUALITY_COURSE);
        int first = CatalogSchools.firstGrade(school);
        int last = CatalogSchools.lastGrade(school);
        Set<Integer> grades = new TreeSet<>();
        for (int g = first; g <= last; g++) {
            grades.add(g);
        }
        Set<DayOfWeek> days = EnumSet.copyOf(WEEKDAYS);
        for (OfferedService s : courses) {
            for (int g = s.gradeFrom; g <= s.gradeTo; g++) {
                grades.remove(g);
            }
            days.removeAll(s.daySet());
        }
        LocalDate day = term == null || today.isAfter(term.startsOn) ? today : term.startsOn;
        Tenant tenant = CatalogSchools.tenantOf(school);
        School inTerm = CatalogSchools.asInTerm(school, term);
        List<Recommendation> found = new ArrayList<>();
        for (Provider p : Provider.<Provider>list("order by code")) {
            if (!standing.usable(tenant, p, ServiceKind.QUALITY_COURSE, day)) {
                continue;
            }
            for (ProviderCourse c : ProviderCourse.<ProviderCourse>list("providerId", p.id)) {
                int from = Math.max(c.gradeFrom, first);
                int to = Math.min(c.gradeTo, last);
                if (from > to || !NationalRules.forbidden(c.tagSet(), true).isEmpty()) {
                    continue;
                }
                Set<Integer> coversGrades = new TreeSet<>();
                for (int g = from; g <= to; g++) {
                    if (grades.contains(g)) {
                        coversGrades.add(g);
                    }
                }
                Set<DayOfWeek> coversDays = EnumSet.noneOf(DayOfWeek.class);
                coversDays.addAll(c.daySet());
                coversDays.retainAll(days);
                if (coversGrades.isEmpty() && coversDays.isEmpty()) {
                    continue;
                }
                var content = new CourseContent(ServiceKind.QUALITY_COURSE, c.titleZh, c.tagSet(), from, to, true);
                if (rules.content(inTerm, day, content).refused()) {
                    continue;
                }
                found.add(new Recommendation(p.code, p.nameZh, c.id, c.titleZh, c.tagSet(), c.gradeFrom, c.gradeTo,
                        c.daySet(), c.offCampusFen, coversGrades, coversDays));
            }
        }
        found.sort(Comparator.comparingInt(Recommendation::score).reversed()
                .thenComparingLong(Recommendation::offCampusFen)
                .thenComparing(Recommendation::provider)
                .thenComparing(Recommendation::titleZh)
                .thenComparing(Recommendation::course));
        return new Recommendations(term == null ? null : term.id, grades, days, found);
    }
}
