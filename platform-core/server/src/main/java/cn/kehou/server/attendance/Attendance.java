package cn.kehou.server.attendance;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to a session's roster — check-in, absence, hand-over, departure — each checked against
 * the roster, written to {@code attendance_mark} and to the audit chain in one transaction. A
 * child at school always has exactly one responsible adult: {@code attendance_mark.responsible}.
 */
@ApplicationScoped
public class Attendance {

    @Inject
    EntityManager em;
    @Inject
    Rosters rosters;
    @Inject
    Pickup pickup;
    @Inject
    People people;
    @Inject
    AttendanceAudit audit;
    @Inject
    Clock clock;

    /** A session of the end-of-day list: a child still marked present, or expected and never checked in. */
    public record Unresolved(UUID service, String title, LocalDate date, UUID child, String name, String className,
                            Rosters.Status status, String responsible) {
    }

    static final String MARK = "SELECT to_jsonb(m)::text FROM attendance_mark m WHERE service_id = ?1 AND on_date = ?2 AND child_id = ?3";

    /** Checks children in (all of those still expected when {@code children} is empty and {@code all}). */
    @Transactional
    public Rosters.RosterView checkIn(OfferedService s, LocalDate date, Collection<UUID> children, boolean all, String actor) {
        Rosters.RosterView roster = today(s, date);
        Map<UUID, Rosters.ChildRow> rows = rosters.byChild(roster);
        List<UUID> targets = new ArrayList<>(new LinkedHashSet<>(children));
        if (all) {
            roster.children().stream().filter(c -> c.status() == Rosters.Status.EXPECTED).forEach(c -> {
                if (!targets.contains(c.child())) {
                    targets.add(c.child());
                }
            });
        }
        if (targets.isEmpty()) {
            throw new ProblemException(400, "NOTHING_TO_CHECK_IN");
        }
        OffsetDateTime now = now();
        for (UUID child : targets) {
            Rosters.ChildRow row = onRoster(rows, child);
            if (row.status() == Rosters.Status.PRESENT || row.status() == Rosters.Status.DEPARTED) {
                continue; // already checked in: a second tap changes nothing
            }
            String before = audit.rowJson(MARK, s.id, date, child);
            em.createNativeQuery("""
                            INSERT INTO attendance_mark (tenant_id, service_id, on_date, child_id, status, checked_in_at, checked_in_by,
                                                         responsible, updated_by, updated_at)
                            VALUES (?1, ?2, ?3, ?4, 'PRESENT', ?5, ?6, ?6, ?6, ?5)
                            ON CONFLICT (tenant_id, service_id, on_date, child_id) DO UPDATE SET status = 'PRESENT',
                                absence_reason = NULL, checked_in_at = EXCLUDED.checked_in_at, checked_in_by = EXCLUDED.checked_in_by,
                                responsible = EXCLUDED.responsible, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                    .setParameter(1, s.tenantId).setParameter(2, s.id).setParameter(3, date).setParameter(4, child)
                    .setParameter(5, now).setParameter(6, actor).executeUpdate();
            audit.append(s.tenantId, actor, "attendance.check-in", subject(s, date, child), before, audit.rowJson(MARK, s.id, date, child));
        }
        return rosters.roster(s, date);
    }

    /** Marks an expected child absent, with the reason (illness, leave…). */
    @Transactional
    public Rosters.RosterView absent(OfferedService s, LocalDate date, UUID child, String reason, String actor) {
        Rosters.RosterView roster = today(s, date);
        Rosters.ChildRow row = onRoster(rosters.byChild(roster), child);
        if (row.status() == Rosters.Status.PRESENT || row.status() == Rosters.Status.DEPARTED) {
            throw new ProblemException(409, "CHILD_ALREADY_CHECKED_IN", row.name());
        }
        String before = audit.rowJson(MARK, s.id, date, child);
        OffsetDateTime now = now();
        em.createNativeQuery("""
                        INSERT INTO attendance_mark (tenant_id, service_id, on_date, child_id, status, absence_reason, updated_by, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 'ABSENT', ?5, ?6, ?7)
                        ON CONFLICT (tenant_id, service_id, on_date, child_id) DO UPDATE SET absence_reason = EXCLUDED.absence_reason,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, s.tenantId).setParameter(2, s.id).setParameter(3, date).setParameter(4, child)
                .setParameter(5, reason).setParameter(6, actor).setParameter(7, now).executeUpdate();
        audit.append(s.tenantId, actor, "attendance.absent", subject(s, date, child), before, audit.rowJson(MARK, s.id, date, child));
        return rosters.roster(s, date);
    }

    /** 交接班: the children present pass to {@code to}, an adult of the school; one hand-over row per previous adult. */
    @Transactional
    public Rosters.RosterView handOver(School school, OfferedService s, LocalDate date, Collection<UUID> children, String to,
                                       String actor) {
        Rosters.RosterView roster = today(s, date);
        Map<UUID, Rosters.ChildRow> rows = rosters.byChild(roster);
        if (!people.worksAt(school.id, to)) {
            throw new ProblemException(422, "NOT_SCHOOL_STAFF", to);
        }
        Map<String, List<UUID>> byFrom = new LinkedHashMap<>();
        for (UUID child : new LinkedHashSet<>(children)) {
            Rosters.ChildRow row = onRoster(rows, child);
            if (row.status() != Rosters.Status.PRESENT) {
                throw new ProblemException(409, "CHILD_NOT_PRESENT", row.name());
            }
            if (!to.equals(row.responsible())) {
                byFrom.computeIfAbsent(row.responsible(), k -> new ArrayList<>()).add(child);
            }
        }
        if (children.isEmpty()) {
            throw new ProblemException(400, "NOTHING_TO_HAND_OVER");
        }
        OffsetDateTime now = now();
        for (Map.Entry<String, List<UUID>> e : byFrom.entrySet()) {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("""
                            INSERT INTO handover (tenant_id, id, service_id, on_date, from_adult, to_adult, children, at, recorded_by)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS uuid[]), ?8, ?9)""")
                    .setParameter(1, s.tenantId).setParameter(2, id).setParameter(3, s.id).setParameter(4, date)
                    .setParameter(5, e.getKey()).setParameter(6, to).setParameter(7, "{" + join(e.getValue()) + "}")
                    .setParameter(8, now).setParameter(9, actor).executeUpdate();
            for (UUID child : e.getValue()) {
                String before = audit.rowJson(MARK, s.id, date, child);
                em.createNativeQuery("""
                                UPDATE attendance_mark SET responsible = ?4, updated_by = ?5, updated_at = ?6
                                WHERE service_id = ?1 AND on_date = ?2 AND child_id = ?3""")
                        .setParameter(1, s.id).setParameter(2, date).setParameter(3, child).setParameter(4, to)
                        .setParameter(5, actor).setParameter(6, now).executeUpdate();
                audit.append(s.tenantId, actor, "attendance.hand-over", subject(s, date, child), before,
                        audit.rowJson(MARK, s.id, date, child));
            }
        }
        return rosters.roster(s, date);
    }

    /** The child leaves: with an authorised person, or alone as its guardian agreed (see {@link Pickup#decide}). */
    @Transactional
    public Rosters.RosterView depart(OfferedService s, LocalDate date, UUID child, UUID personId, String name, String phone,
                                     String actor) {
        Rosters.RosterView roster = today(s, date);
        Rosters.ChildRow row = onRoster(rosters.byChild(roster), child);
        if (row.status() != Rosters.Status.PRESENT) {
            throw new ProblemException(409, "CHILD_NOT_PRESENT", row.name());
        }
        OffsetDateTime now = now();
        LocalTime localNow = now.atZoneSameInstant(clock.getZone()).toLocalTime();
        Pickup.Release release = pickup.decide(s, child, date, localNow, personId, name, phone);
        String with = release.name() == null ? "(alone)" : release.name();
        String before = audit.rowJson(MARK, s.id, date, child);
        em.createNativeQuery("""
                        UPDATE attendance_mark SET status = 'DEPARTED', departed_at = ?4, departed_with = ?5, pickup_person_id = ?6,
                            responsible = ?5, updated_by = ?7, updated_at = ?4
                        WHERE service_id = ?1 AND on_date = ?2 AND child_id = ?3""")
                .setParameter(1, s.id).setParameter(2, date).setParameter(3, child).setParameter(4, now)
                .setParameter(5, with).setParameter(6, release.personId()).setParameter(7, actor).executeUpdate();
        audit.append(s.tenantId, actor, "pickup.departure", subject(s, date, child), before, audit.rowJson(MARK, s.id, date, child));
        return rosters.roster(s, date);
    }

    /** The users who take this service's roster, replaced as a whole; each must hold a role at the school. */
    @Transactional
    public List<String> assignDuty(School school, OfferedService s, Collection<String> teachers, String actor) {
        for (String t : teachers) {
            if (!people.worksAt(school.id, t)) {
                throw new ProblemException(422, "NOT_SCHOOL_STAFF", t);
            }
        }
        List<String> before = rosters.teachers(s.id);
        em.createNativeQuery("DELETE FROM roster_duty WHERE service_id = ?1").setParameter(1, s.id).executeUpdate();
        for (String t : new LinkedHashSet<>(teachers)) {
            em.createNativeQuery("INSERT INTO roster_duty (tenant_id, service_id, username, assigned_by) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, s.tenantId).setParameter(2, s.id).setParameter(3, t).setParameter(4, actor).executeUpdate();
        }
        List<String> after = rosters.teachers(s.id);
        audit.append(s.tenantId, actor, "attendance.duty", "service:" + s.id, Map.of("teachers", before), Map.of("teachers", after));
        return after;
    }

    /** 004 §四: head-count (from the roster), content, time and form of one session, kept on file. */
    @Transactional
    public Map<String, Object> record(OfferedService s, LocalDate date, String content, String form, LocalTime startedAt,
                                      LocalTime endedAt, String actor) {
        if (!rosters.held(s, date)) {
            throw new ProblemException(409, "SESSION_NOT_HELD", date);
        }
        if (!endedAt.isAfter(startedAt)) {
            throw new ProblemException(400, "RECORD_ENDS_BEFORE_START");
        }
        Rosters.RosterView roster = rosters.roster(s, date);
        int headCount = (int) (roster.count(Rosters.Status.PRESENT) + roster.count(Rosters.Status.DEPARTED));
        String sql = "SELECT to_jsonb(r)::text FROM service_record r WHERE service_id = ?1 AND on_date = ?2";
        String before = audit.rowJson(sql, s.id, date);
        em.createNativeQuery("""
                        INSERT INTO service_record (tenant_id, service_id, on_date, head_count, content, form, started_at, ended_at,
                                                    recorded_by, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (tenant_id, service_id, on_date) DO UPDATE SET head_count = EXCLUDED.head_count,
                            content = EXCLUDED.content, form = EXCLUDED.form, started_at = EXCLUDED.started_at,
                            ended_at = EXCLUDED.ended_at, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
                .setParameter(1, s.tenantId).setParameter(2, s.id).setParameter(3, date).setParameter(4, headCount)
                .setParameter(5, content).setParameter(6, form).setParameter(7, startedAt).setParameter(8, endedAt)
                .setParameter(9, actor).setParameter(10, now()).executeUpdate();
        String after = audit.rowJson(sql, s.id, date);
        audit.append(s.tenantId, actor, "attendance.record", "service:" + s.id + ":" + date, before, after);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", s.id);
        out.put("date", date);
        out.put("headCount", headCount);
        out.put("content", content);
        out.put("form", form);
        out.put("startedAt", startedAt);
        out.put("endedAt", endedAt);
        return out;
    }

    /**
     * Lessons delivered (课时) of {@code s} from {@code from} to {@code to}: held sessions in which at
     * least one child was checked in: what {@code settlement.SettlementRun} pays a provider for
     * (issue 14 §5); a service without attendance records is paid by scheduled sessions not called off.
     */
    public int lessonsDelivered(OfferedService s, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("""
                        SELECT DISTINCT on_date FROM attendance_mark
                        WHERE service_id = ?1 AND on_date BETWEEN ?2 AND ?3 AND status IN ('PRESENT', 'DEPARTED')""")
                .setParameter(1, s.id).setParameter(2, from).setParameter(3, to).getResultList();
        return (int) days.stream().map(Pickup::date).filter(d -> rosters.held(s, d)).count();
    }

    /** The school's end-of-day exceptions for {@code date}: children still present or never checked in. */
    public List<Unresolved> exceptions(School school, LocalDate date) {
        List<Unresolved> out = new ArrayList<>();
        for (OfferedService s : rosters.sessionsOn(school, date)) {
            for (Rosters.ChildRow c : rosters.roster(s, date).children()) {
                if (c.status() == Rosters.Status.PRESENT || c.status() == Rosters.Status.EXPECTED) {
                    out.add(new Unresolved(s.id, s.titleZh, date, c.child(), c.name(), c.className(), c.status(), c.responsible()));
                }
            }
        }
        return out;
    }

    /** Changes are made on the session's own day only; a past or future day's roster is read-only. */
    private Rosters.RosterView today(OfferedService s, LocalDate date) {
        if (!date.equals(LocalDate.now(clock))) {
            throw new ProblemException(409, "ROSTER_NOT_TODAY", date);
        }
        if (!rosters.held(s, date)) {
            throw new ProblemException(409, "SESSION_NOT_HELD", date);
        }
        return rosters.roster(s, date);
    }

    private static Rosters.ChildRow onRoster(Map<UUID, Rosters.ChildRow> rows, UUID child) {
        Rosters.ChildRow row = rows.get(child);
        if (row == null) {
            throw new ProblemException(422, "CHILD_NOT_ON_ROSTER", child);
        }
        return row;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String subject(OfferedService s, LocalDate date, UUID child) {
        return "session:" + s.id + ":" + date + ":child:" + child;
    }

    private static String join(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
