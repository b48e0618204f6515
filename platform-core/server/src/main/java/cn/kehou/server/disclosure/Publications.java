package cn.kehou.server.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The versioned record of what was made public (公示): every publication is a new version of its
 * subject with the time and author; a withdrawal stamps the current version. What was public on a
 * day is the newest version published by the end of that day, unless it was withdrawn by then —
 * so any past day's page can be shown again.
 */
@ApplicationScoped
public class Publications {

    /** China time: "on 1 September" means the whole of that day in Beijing. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public enum Kind { SERVICE_GUIDE, LEDGER_SUMMARY, AGREEMENT, BLACKLIST }

    /** One version of a publication, its content read back as {@code T}. */
    public record Version<T>(UUID id, UUID tenantId, UUID schoolId, Kind kind, String subject, int version, T content,
                             OffsetDateTime publishedAt, String publishedBy, OffsetDateTime withdrawnAt, String withdrawnBy) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** The first instant after {@code day} (China time): what was public "on day" was published before it. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** Publishes a new version of {@code subject} in the request's tenant, inside the caller's transaction. */
    public <T> Version<T> publish(UUID tenantId, UUID schoolId, Kind kind, String subject, T content, String by) {
        Number last = (Number) em.createNativeQuery("SELECT COALESCE(max(version), 0) FROM disclosure_publication"
                        + " WHERE tenant_id = ?1 AND kind = ?2 AND subject = ?3")
                .setParameter(1, tenantId).setParameter(2, kind.name()).setParameter(3, subject).getSingleResult();
        UUID id = UUID.randomUUID();
        int version = last.intValue() + 1;
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        INSERT INTO disclosure_publication (tenant_id, id, school_id, kind, subject, version, content, published_at, published_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9)""")
                .setParameter(1, tenantId).setParameter(2, id).setParameter(3, schoolId).setParameter(4, kind.name())
                .setParameter(5, subject).setParameter(6, version).setParameter(7, write(content)).setParameter(8, now)
                .setParameter(9, by).executeUpdate();
        return new Version<>(id, tenantId, schoolId, kind, subject, version, content, now, by, null, null);
    }

    /** Withdraws the current version of {@code subject}; @return whether one was public. */
    public boolean withdraw(UUID tenantId, Kind kind, String subject, String by) {
        return em.createNativeQuery("""
                        UPDATE disclosure_publication SET withdrawn_at = ?4, withdrawn_by = ?5
                        WHERE tenant_id = ?1 AND kind = ?2 AND subject = ?3 AND withdrawn_at IS NULL
                          AND version = (SELECT max(version) FROM disclosure_publication WHERE tenant_id = ?1 AND kind = ?2 AND subject = ?3)""")
                .setParameter(1, tenantId).setParameter(2, kind.name()).setParameter(3, subject)
                .setParameter(4, OffsetDateTime.now(clock)).setParameter(5, by).executeUpdate() > 0;
    }

    /**
     * What was public at {@code at} of {@code kind} in the tenants the request reads (RLS), one
     * version per subject, newest subject first. {@code schoolId} null means any school.
     */
    @SuppressWarnings("unchecked")
    public <T> List<Version<T>> asOf(Kind kind, UUID schoolId, Instant at, Class<T> type) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT * FROM (
                          SELECT DISTINCT ON (tenant_id, subject) id, tenant_id, school_id, subject, version, CAST(content AS text),
                                 published_at, published_by, withdrawn_at, withdrawn_by
                          FROM disclosure_publication
                          WHERE kind = ?1 AND published_at < ?2 AND (CAST(?3 AS uuid) IS NULL OR school_id = CAST(?3 AS uuid))
                          ORDER BY tenant_id, subject, version DESC) current
                        WHERE withdrawn_at IS NULL OR withdrawn_at >= ?2
                        ORDER BY published_at DESC, subject""")
                .setParameter(1, kind.name()).setParameter(2, at.atOffset(ZoneOffset.UTC))
                .setParameter(3, schoolId == null ? null : schoolId.toString()).getResultList();
        return rows.stream().map(r -> version(r, kind, type)).toList();
    }

    /** Every version of one subject, newest first: the publication's history. */
    @SuppressWarnings("unchecked")
    public <T> List<Version<T>> history(Kind kind, String subject, Class<T> type) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, tenant_id, school_id, subject, version, CAST(content AS text), published_at, published_by, withdrawn_at, withdrawn_by
                        FROM disclosure_publication WHERE kind = ?1 AND subject = ?2 ORDER BY version DESC""")
                .setParameter(1, kind.name()).setParameter(2, subject).getResultList();
        return rows.stream().map(r -> version(r, kind, type)).toList();
    }

    private <T> Version<T> version(Object[] r, Kind kind, Class<T> type) {
        try {
            return new Version<>((UUID) r[0], (UUID) r[1], (UUID) r[2], kind, (String) r[3], ((Number) r[4]).intValue(),
                    json.readValue((String) r[5], type), time(r[6]), (String) r[7], time(r[8]), (String) r[9]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + kind + " publication " + r[0], e);
        }
    }

    private String write(Object content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("publication content is not serialisable", e);
        }
    }

    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(CHINA).toOffsetDateTime();
        }
        if (o instanceof Instant i) {
            return i.atZone(CHINA).toOffsetDateTime();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atZone(CHINA).toOffsetDateTime();
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }
}
