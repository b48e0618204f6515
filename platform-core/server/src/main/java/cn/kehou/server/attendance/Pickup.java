package cn.kehou.server.attendance;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Who may take a child home, and when. A guardian registers the people they authorise (standing,
 * or a delegate for one date) and may agree a departure time (弹性离校); the school hands a child only
 * to an authorised person, and sends no child away alone before the session ends unless its
 * guardian agreed so (003 §三: 不得强制有需求在校自主学习的学生在课后服务时间结束前离开学校).
 */
@ApplicationScoped
public class Pickup {

    @Inject
    EntityManager em;
    @Inject
    RegionPolicies policies;

    public record Person(UUID id, UUID child, String name, String relation, String phone, LocalDate validOn, boolean revoked) {
    }

    public record Arrangement(UUID id, UUID service, LocalDate date, LocalTime leaveAt, boolean goesAlone) {
    }

    /** The person a child leaves with (null name: alone, as agreed). */
    public record Release(UUID personId, String name) {
    }

    @SuppressWarnings("unchecked")
    public List<Person> persons(UUID child) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, child_id, name, relation, phone, valid_on, revoked_at IS NOT NULL FROM pickup_person
                        WHERE child_id = ?1 ORDER BY valid_on NULLS FIRST, registered_at, id""")
                .setParameter(1, child).getResultList();
        return rows.stream().map(r -> new Person((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                date(r[5]), (Boolean) r[6])).toList();
    }

    /** The people who may pick {@code child} up on {@code date}: standing ones and that date's delegates. */
    public List<Person> authorisedOn(UUID child, LocalDate date) {
        return persons(child).stream().filter(p -> !p.revoked() && (p.validOn() == null || p.validOn().equals(date))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<Arrangement> arrangements(UUID child, UUID service, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, service_id, on_date, leave_at, goes_alone FROM departure_arrangement
                        WHERE child_id = ?1 AND service_id = ?2 AND (on_date IS NULL OR on_date = ?3)
                        ORDER BY on_date NULLS LAST, registered_at DESC""")
                .setParameter(1, child).setParameter(2, service).setParameter(3, date).getResultList();
        return rows.stream().map(r -> new Arrangement((UUID) r[0], (UUID) r[1], date(r[2]), time(r[3]), (Boolean) r[4])).toList();
    }

    /**
     * Decides a departure at {@code now} on {@code date}: with {@code personId} or a matching phone,
     * an authorised person takes the child at any time (the guardian's choice); without one, the
     * child leaves alone only as its guardian agreed and never before the agreed time or, without
     * an agreement, before the end of the session.
     */
    public Release decide(OfferedService s, UUID child, LocalDate date, LocalTime now, UUID personId, String name, String phone) {
        boolean someone = personId != null || (phone != null && !phone.isBlank()) || (name != null && !name.isBlank());
        if (someone) {
            String wanted = phone == null ? null : digits(phone);
            return authorisedOn(child, date).stream()
                    .filter(p -> personId != null ? p.id().equals(personId)
                            : wanted != null && !wanted.isEmpty() && digits(p.phone()).equals(wanted))
                    .findFirst().map(p -> new Release(p.id(), p.name()))
                    .orElseThrow(() -> new ProblemException(422, "PICKUP_NOT_AUTHORIZED"));
        }
        // Alone: the first arrangement for this date (a one-day one wins over a standing one).
        Arrangement agreed = arrangements(child, s.id, date).stream().findFirst().orElse(null);
        if (agreed != null && agreed.goesAlone()) {
            if (now.isBefore(agreed.leaveAt())) {
                throw new ProblemException(409, "DEPARTURE_BEFORE_END", agreed.leaveAt());
            }
            return new Release(null, null);
        }
        if (now.isBefore(s.end)) {
            throw new ProblemException(409, "DEPARTURE_BEFORE_END", s.end);
        }
        throw new ProblemException(422, "PICKUP_REQUIRED");
    }

    /**
     * Checks a guardian's agreed departure: inside the session, and before its end only for extended
     * care (延时托管 with flexible departure 弹性离校 — 001 §三(一), 003 §三) where the region's plugin
     * offers that kind.
     */
    public void checkArrangement(School school, OfferedService s, LocalDate date, LocalTime leaveAt) {
        if (leaveAt.isBefore(s.start) || leaveAt.isAfter(s.end)) {
            throw new ProblemException(422, "DEPARTURE_OUTSIDE_SESSION", s.start, s.end);
        }
        if (leaveAt.isBefore(s.end)) {
            if (s.kind != ServiceKind.EXTENDED_CARE || !extendedCareOffered(school, date)) {
                throw new ProblemException(422, "FLEXIBLE_DEPARTURE_NOT_OFFERED", s.end);
            }
        }
    }

    private boolean extendedCareOffered(School school, LocalDate date) {
        Tenant tenant = Tenant.<Tenant>findByIdOptional(school.tenantId).orElseThrow();
        RegionPolicies.Resolution r = policies.timeline(tenant, null).on(date);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem() + " (on " + date + ")");
        }
        var ctx = policies.context(r, school, date);
        WindowRules rules = policies.ask(r, ServiceWindowPolicy.class, p -> p.rulesFor(ctx, ServiceKind.EXTENDED_CARE));
        return rules.offered();
    }

    static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    static LocalTime time(Object o) {
        return o == null ? null : o instanceof LocalTime t ? t : ((java.sql.Time) o).toLocalTime();
    }
}
