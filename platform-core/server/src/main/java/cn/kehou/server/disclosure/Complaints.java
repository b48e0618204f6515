package cn.kehou.server.disclosure;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Complaints (监督举报): filed by a parent or by anyone on a tenant's public page, handled by the
 * bureau of the tenant or one above it, every step kept with who, when and why.
 *
 * <p>For the bureau dashboard: {@link #countsBySchool()} gives, in the request's tenant (and its
 * descendants when the request reads the subtree), the number of complaints per school and status.
 */
@ApplicationScoped
public class Complaints {

    /** The school code under which complaints not about one school (e.g. a provider) are counted. */
    public static final String NO_SCHOOL = "";

    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record Filing(Complaint.About about, School school, String subject, String body, String filedBy, String contactName,
                         String contactPhone) {
    }

    public record StepView(Complaint.Status from, Complaint.Status to, String actor, String note, OffsetDateTime at) {
    }

    public record ComplaintView(UUID id, String school, String schoolName, Complaint.About about, String subject, String body,
                                String filedBy, String contactName, String contactPhone, Complaint.Status status,
                                OffsetDateTime filedAt, List<StepView> steps) {
    }

    /** Files a complaint in {@code tenantId} (the request's tenant) inside the caller's transaction. */
    public Complaint file(UUID tenantId, Filing f) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.schoolId = f.school() == null ? null : f.school().id;
        c.about = f.about();
        c.subject = trim(f.subject());
        c.body = f.body().strip();
        c.filedBy = f.filedBy();
        c.contactName = trim(f.contactName());
        c.contactPhone = trim(f.contactPhone());
        c.status = Complaint.Status.RECEIVED;
        c.filedAt = OffsetDateTime.now(clock);
        c.persist();
        step(c, null, Complaint.Status.RECEIVED, f.filedBy() == null ? "public" : f.filedBy(), null);
        audit.record(tenantId, f.filedBy() == null ? "public" : f.filedBy(), "complaint.file", "complaint:" + c.id,
                Map.of("about", c.about, "school", f.school() == null ? "" : f.school().code));
        return c;
    }

    /** Moves a complaint on (RECEIVED → IN_PROGRESS → RESOLVED/REJECTED) with a note; audited. */
    public Complaint move(UUID id, Complaint.Status to, String note, String actor) {
        Complaint c = require(id);
        if (!c.status.mayBecome(to)) {
            throw new ProblemException(409, "COMPLAINT_STEP_NOT_ALLOWED", c.status, to);
        }
        if (to.closed() && (note == null || note.isBlank())) {
            throw new ProblemException(400, "REASON_REQUIRED");
        }
        Complaint.Status from = c.status;
        c.status = to;
        step(c, from, to, actor, note);
        audit.record(c.tenantId, actor, "complaint." + to.name().toLowerCase(), "complaint:" + c.id,
                Map.of("from", from, "to", to, "note", note == null ? "" : note));
        return c;
    }

    public Complaint require(UUID id) {
        return Complaint.<Complaint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("complaint", String.valueOf(id)));
    }

    public ComplaintView view(Complaint c, boolean withContact) {
        School s = c.schoolId == null ? null : School.findById(c.schoolId);
        List<StepView> steps = ComplaintStep.<ComplaintStep>list("complaintId = ?1 order by at, id", c.id).stream()
                .map(x -> new StepView(x.fromStatus, x.toStatus, x.actor, x.note, x.at)).toList();
        return new ComplaintView(c.id, s == null ? null : s.code, s == null ? null : s.nameZh, c.about, c.subject, c.body,
                c.filedBy, withContact ? c.contactName : null, withContact ? c.contactPhone : null, c.status, c.filedAt, steps);
    }

    /**
     * The number of complaints per school code (NO_SCHOOL for those about no school) and status, in
     * the tenants the request reads. For the bureau dashboard.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<Complaint.Status, Long>> countsBySchool() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT COALESCE(s.code, ''), c.status, count(*) FROM complaint c
                        LEFT JOIN school s ON s.tenant_id = c.tenant_id AND s.id = c.school_id
                        GROUP BY 1, 2 ORDER BY 1, 2""").getResultList();
        Map<String, Map<Complaint.Status, Long>> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new EnumMap<>(Complaint.Status.class))
                    .put(Complaint.Status.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return out;
    }

    private void step(Complaint c, Complaint.Status from, Complaint.Status to, String actor, String note) {
        ComplaintStep s = new ComplaintStep();
        s.id = UUID.randomUUID();
        s.tenantId = c.tenantId;
        s.complaintId = c.id;
        s.fromStatus = from;
        s.toStatus = to;
        s.actor = actor;
        s.note = trim(note);
        s.at = OffsetDateTime.now(clock);
        s.persist();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
