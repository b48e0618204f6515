package cn.kehou.server.attendance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The hash-chained trail of attendance, pickup and incident changes (who, when, before and after).
 * A row's hash covers the previous row's hash and its own content (SQL function
 * {@code attendance_audit_digest}, the one definition used to write and to verify); the server's
 * database role may only append. {@link #verify} finds a row altered or removed underneath.
 */
@ApplicationScoped
public class AttendanceAudit {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** The chain's state: rows checked and the first row that does not fit (null when intact). */
    public record Verification(long rows, boolean intact, Long firstBrokenSeq, String lastHash) {
    }

    /** Appends a row inside the caller's transaction; {@code before}/{@code after} are JSON text or objects. */
    public void append(UUID tenantId, String actor, String action, String subject, Object before, Object after) {
        // One writer per tenant chain at a time: the lock ends with the transaction.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "attendance-audit:" + tenantId).getSingleResult();
        em.createNativeQuery("""
                        INSERT INTO attendance_audit (tenant_id, seq, at, actor, action, subject, before, after, prev_hash, hash)
                        SELECT ?1, last.seq + 1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb), last.hash,
                               attendance_audit_digest(last.hash, ?1, last.seq + 1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb))
                        FROM (SELECT coalesce(max(seq), 0) AS seq,
                                     coalesce((SELECT hash FROM attendance_audit WHERE tenant_id = ?1 ORDER BY seq DESC LIMIT 1), '') AS hash
                              FROM attendance_audit WHERE tenant_id = ?1) last""")
                .setParameter(1, tenantId).setParameter(2, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter(3, actor).setParameter(4, action).setParameter(5, subject)
                .setParameter(6, text(before)).setParameter(7, text(after)).executeUpdate();
    }

    /** Recomputes every row of the tenant's chain in order. */
    @SuppressWarnings("unchecked")
    public Verification verify(UUID tenantId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT seq, hash = attendance_audit_digest(prev_hash, tenant_id, seq, at, actor, action, subject, before, after)
                                   AND prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), '')
                                   AND seq = row_number() OVER (ORDER BY seq),
                               hash
                        FROM attendance_audit WHERE tenant_id = ?1 ORDER BY seq""")
                .setParameter(1, tenantId).getResultList();
        String last = "";
        for (Object[] r : rows) {
            if (!Boolean.TRUE.equals(r[1])) {
                return new Verification(rows.size(), false, ((Number) r[0]).longValue(), null);
            }
            last = (String) r[2];
        }
        return new Verification(rows.size(), true, null, last);
    }

    /** A row of a table as JSON text, for the before/after of an entry (null when there is none). */
    String rowJson(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        List<?> result = q.getResultList();
        return result.isEmpty() ? null : String.valueOf(result.get(0));
    }

    private String text(Object o) {
        if (o == null) {
            return "null"; // JSON null: a creation has no before, nothing is ever bound as an untyped SQL NULL
        }
        if (o instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }
}
