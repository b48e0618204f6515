package cn.kehou.server.attendance;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.payments.Sessions;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The daily roster of a service session: the children whose application to the service is
 * ARRANGED, on a day the service runs (its days, inside its dates, outside the term's holidays —
 * {@link Sessions}, the one definition of a session) and that the school did not call off.
 * Each child's state comes from {@code attendance_mark}; a child without one is still expected.
 */
@ApplicationScoped
public class Rosters {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;

    /** Where a child is: not arrived yet, with the service, absent, gone home. */
    public enum Status { EXPECTED, PRESENT, ABSENT, DEPARTED }

    /**
     * Who answers for the child now: its class teacher until the service takes it over at check-in
     * (CLASS_TEACHER), the named adult at school (ADULT), the person it left with (PICKUP), or its
     * guardian when it did not come (GUARDIAN).
     */
    public enum Custody { CLASS_TEACHER, ADULT, PICKUP, GUARDIAN }

    public record SessionView(UUID service, String title, ServiceKind kind, LocalDate date, LocalTime start, LocalTime end,
                              String venue, List<String> teachers) {
    }

    public record ChildRow(UUID child, String name, int grade, String className, Status status, String absenceReason,
                           Custody custody, String responsible, OffsetDateTime checkedInAt, OffsetDateTime departedAt,
                           String departedWith) {
        public boolean present() {
            return status == Status.PRESENT;
        }

        public boolean expected() {
            return status == Status.EXPECTED;
        }

        public boolean departed() {
            return status == Status.DEPARTED;
        }

        public boolean notArrived() {
            return status == Status.EXPECTED || status == Status.ABSENT;
        }
    }

    public record RosterView(SessionView session, List<ChildRow> children) {
        public long count(Status status) {
            return children.stream().filter(c -> c.status() == status).count();
        }

        /** Expected, present, absent, gone home: the counts the roster page shows. */
        public List<Long> counts() {
            return List.of(count(Status.EXPECTED), count(Status.PRESENT), count(Status.ABSENT), count(Status.DEPARTED));
        }
    }

    /** A service of {@code school} the request can see, or 404. */
    public OfferedService service(School school, UUID serviceId) {
        OfferedService s = OfferedService.findById(serviceId);
        if (s == null || !s.schoolId.equals(school.id)) {
            throw ProblemException.notFound("service", String.valueOf(serviceId));
        }
        return s;
    }

    /** True when {@code s} runs on {@code date} and the school did not call that session off. */
    public boolean held(OfferedService s, LocalDate date) {
        SchoolTerm term = SchoolTerm.findById(s.termId);
        if (date.isBefore(s.validFrom) || date.isAfter(s.validTo) || !s.daySet().contains(date.getDayOfWeek())
                || !Sessions.of(date, date, s.daySet(), term == null ? null : term.holidays).contains(date)) {
            return false;
        }
        Number cancelled = (Number) em.createNativeQuery("SELECT count(*) FROM cancelled_session WHERE service_id = ?1 AND on_date = ?2")
                .setParameter(1, s.id).setParameter(2, date).getSingleResult();
        return cancelled.intValue() == 0;
    }

    /** The sessions {@code school} holds on {@code date}, in start order. */
    public List<OfferedService> sessionsOn(School school, LocalDate date) {
        List<OfferedService> all = OfferedService.list("schoolId = ?1 and validFrom <= ?2 and validTo >= ?2 order by start, titleZh, id",
                school.id, date);
        return all.stream().filter(s -> held(s, date)).toList();
    }

    /** The users on duty for {@code service} (who take its roster). */
    @SuppressWarnings("unchecked")
    public List<String> teachers(UUID service) {
        return em.createNativeQuery("SELECT username FROM roster_duty WHERE service_id = ?1 ORDER BY username")
                .setParameter(1, service).getResultList();
    }

    /**
     * Refuses unless the caller holds {@code permission} at the school and, if they see rosters only
     * as a service teacher, is on duty for this service: a teacher sees only their own sessions.
     */
    public void requireAccess(String permission, School school, OfferedService s) {
        caller.requireAtSchool(permission, school.id);
        if (!seesEverySession(permission, school) && !teachers(s.id).contains(caller.username())) {
            throw new ProblemException(403, "ROSTER_NOT_ASSIGNED");
        }
    }

    /** Whether a role other than service teacher gives the caller this permission at the school. */
    public boolean seesEverySession(String permission, School school) {
        Set<Role> allowed = permissions.rolesFor(permission);
        return caller.grants().stream().anyMatch(g -> allowed.contains(g.role()) && g.role() != Role.SERVICE_TEACHER
                && (g.role().scope() != Role.Scope.SCHOOL || school.id.equals(g.schoolId())));
    }

    public SessionView view(OfferedService s, LocalDate date) {
        return new SessionView(s.id, s.titleZh, s.kind, date, s.start, s.end, s.venue, teachers(s.id));
    }

    /** The roster of a held session; an empty one for a day the service does not run or was called off. */
    @SuppressWarnings("unchecked")
    public RosterView roster(OfferedService s, LocalDate date) {
        if (!held(s, date)) {
            return new RosterView(view(s, date), List.of());
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT c.id, c.name_zh, c.grade, c.class_name, m.status, m.absence_reason, m.responsible,
                               m.checked_in_at, m.departed_at, m.departed_with
                        FROM enrollment_application a
                        JOIN child c ON c.tenant_id = a.tenant_id AND c.id = a.child_id
                        LEFT JOIN attendance_mark m ON m.tenant_id = a.tenant_id AND m.service_id = a.service_id
                             AND m.on_date = ?2 AND m.child_id = a.child_id
                        WHERE a.service_id = ?1 AND a.status = 'ARRANGED'
                        ORDER BY c.grade, c.class_name, c.name_zh, c.id""")
                .setParameter(1, s.id).setParameter(2, date).getResultList();
        List<ChildRow> children = new ArrayList<>();
        for (Object[] r : rows) {
            Status status = r[4] == null ? Status.EXPECTED : Status.valueOf((String) r[4]);
            Custody custody = switch (status) {
                case EXPECTED -> Custody.CLASS_TEACHER;
                case PRESENT -> Custody.ADULT;
                case DEPARTED -> Custody.PICKUP;
                case ABSENT -> Custody.GUARDIAN;
            };
            children.add(new ChildRow((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3], status,
                    (String) r[5], custody, (String) r[6], time(r[7]), time(r[8]), (String) r[9]));
        }
        return new RosterView(view(s, date), children);
    }

    /** Child id → row, for checks before a change. */
    public Map<UUID, ChildRow> byChild(RosterView roster) {
        Map<UUID, ChildRow> out = new LinkedHashMap<>();
        roster.children().forEach(c -> out.put(c.child(), c));
        return out;
    }

    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
