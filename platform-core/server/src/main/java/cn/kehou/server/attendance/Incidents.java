package cn.kehou.server.attendance;

import cn.kehou.server.notices.Notices;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Injuries, illness, a missing child: recorded with time and actions taken, the school's admins and
 * the child's guardians told at once. Never deleted or changed: later facts are notes.
 */
@ApplicationScoped
public class Incidents {

    public enum Kind { INJURY, ILLNESS, MISSING_CHILD, OTHER }

    public record Note(String note, String writtenBy, OffsetDateTime writtenAt) {
    }

    public record IncidentView(UUID id, Kind kind, UUID service, UUID child, OffsetDateTime occurredAt, String description,
                               String actions, String reportedBy, OffsetDateTime reportedAt, List<Note> notes) {
    }

    @Inject
    EntityManager em;
    @Inject
    AttendanceAudit audit;
    @Inject
    Notices notices;
    @Inject
    People people;
    @Inject
    Clock clock;

    static final String ROW = "SELECT to_jsonb(i)::text FROM incident i WHERE id = ?1";

    @Transactional
    public IncidentView report(School school, Kind kind, UUID service, UUID child, OffsetDateTime occurredAt, String description,
                               String actions, String actor) {
        if (child != null && ((Number) em.createNativeQuery("SELECT count(*) FROM child WHERE id = ?1 AND school_id = ?2")
                .setParameter(1, child).setParameter(2, school.id).getSingleResult()).intValue() == 0) {
            throw ProblemException.notFound("child", child.toString());
        }
        if (service != null && ((Number) em.createNativeQuery("SELECT count(*) FROM school_service WHERE id = ?1 AND school_id = ?2")
                .setParameter(1, service).setParameter(2, school.id).getSingleResult()).intValue() == 0) {
            throw ProblemException.notFound("service", service.toString());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plusMinutes(5))) {
            throw new ProblemException(400, "INCIDENT_IN_FUTURE");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        INSERT INTO incident (tenant_id, id, school_id, service_id, child_id, kind, occurred_at, description, actions,
                                              reported_by, reported_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, school.tenantId).setParameter(2, id).setParameter(3, school.id).setParameter(4, service)
                .setParameter(5, child).setParameter(6, kind.name()).setParameter(7, occurredAt).setParameter(8, description)
                .setParameter(9, actions).setParameter(10, actor).setParameter(11, now).executeUpdate();
        audit.append(school.tenantId, actor, "incident.report", "incident:" + id, null, audit.rowJson(ROW, id));
        Set<String> told = new LinkedHashSet<>(people.atSchool(school.id, "school-admin"));
        if (child != null) {
            told.addAll(people.guardians(child));
        }
        notices.send(school.tenantId, told, new Notices.Notice("INCIDENT", title(kind),
                description + "\n" + actions, null, school.id, "incident:" + id));
        return find(id);
    }

    @Transactional
    public IncidentView annotate(School school, UUID id, String note, String actor) {
        IncidentView before = find(id);
        if (before == null || !school.id.equals(schoolOf(id))) {
            throw ProblemException.notFound("incident", id.toString());
        }
        UUID noteId = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO incident_note (tenant_id, id, incident_id, note, written_by, written_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, school.tenantId).setParameter(2, noteId).setParameter(3, id).setParameter(4, note)
                .setParameter(5, actor).setParameter(6, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        audit.append(school.tenantId, actor, "incident.note", "incident:" + id, null,
                audit.rowJson("SELECT to_jsonb(n)::text FROM incident_note n WHERE id = ?1", noteId));
        return find(id);
    }

    @SuppressWarnings("unchecked")
    public List<IncidentView> ofSchool(School school) {
        List<UUID> ids = em.createNativeQuery("SELECT id FROM incident WHERE school_id = ?1 ORDER BY occurred_at DESC, id")
                .setParameter(1, school.id).getResultList();
        List<IncidentView> out = new ArrayList<>();
        ids.forEach(i -> out.add(find(i)));
        return out;
    }

    private UUID schoolOf(UUID id) {
        return (UUID) em.createNativeQuery("SELECT school_id FROM incident WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    IncidentView find(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, kind, service_id, child_id, occurred_at, description, actions, reported_by, reported_at
                        FROM incident WHERE id = ?1""").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        List<Object[]> noteRows = em.createNativeQuery(
                        "SELECT note, written_by, written_at FROM incident_note WHERE incident_id = ?1 ORDER BY written_at, id")
                .setParameter(1, id).getResultList();
        List<Note> notes = noteRows.stream().map(n -> new Note((String) n[0], (String) n[1], Rosters.time(n[2]))).toList();
        return new IncidentView((UUID) r[0], Kind.valueOf((String) r[1]), (UUID) r[2], (UUID) r[3], Rosters.time(r[4]),
                (String) r[5], (String) r[6], (String) r[7], Rosters.time(r[8]), notes);
    }

    private static String title(Kind kind) {
        return switch (kind) {
            case INJURY -> "安全事件：学生受伤";
            case ILLNESS -> "安全事件：学生身体不适";
            case MISSING_CHILD -> "安全事件：学生未找到";
            case OTHER -> "安全事件";
        };
    }
}
