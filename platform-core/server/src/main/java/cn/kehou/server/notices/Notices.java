package cn.kehou.server.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The inbox every feature writes to: {@link #send} puts a notice in each recipient's inbox in the
 * current tenant, inside the caller's transaction (so the notice and what caused it commit
 * together). Texts are written by the sender in the recipient's tenant language (Chinese first).
 */
@ApplicationScoped
public class Notices {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * One notice to be sent. {@code dedupeKey}, when given, makes a repeat of the same event (a
     * job's next run) reach each recipient once; {@code link} is a portal path; {@code schoolId} may be null.
     */
    public record Notice(String kind, String title, String body, String link, UUID schoolId, String dedupeKey) {
    }

    /** A notice as its recipient sees it. */
    public record Received(UUID id, String kind, String title, String body, String link, UUID school,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** @return how many recipients got it now (not counting those who already had it under the same key). */
    public int send(UUID tenantId, Collection<String> recipients, Notice n) {
        int sent = 0;
        for (String recipient : new LinkedHashSet<>(recipients)) {
            sent += em.createNativeQuery("""
                            INSERT INTO notice (tenant_id, id, recipient, kind, title, body, link, school_id, dedupe_key, created_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                            ON CONFLICT (tenant_id, recipient, dedupe_key) DO NOTHING""")
                    .setParameter(1, tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, recipient)
                    .setParameter(4, n.kind()).setParameter(5, clip(n.title(), 200)).setParameter(6, clip(n.body(), 2000))
                    .setParameter(7, n.link()).setParameter(8, n.schoolId()).setParameter(9, n.dedupeKey())
                    .setParameter(10, OffsetDateTime.now(clock)).executeUpdate();
        }
        return sent;
    }

    /** The newest notices of {@code username} in the request's tenant, unread first. */
    @SuppressWarnings("unchecked")
    public List<Received> inbox(String username, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, kind, title, body, link, school_id, created_at, read_at FROM notice
                        WHERE recipient = ?1 ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT ?2""")
                .setParameter(1, username).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Received((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], time(r[6]), time(r[7]))).toList();
    }

    /** Marks {@code id} read if it is {@code username}'s; @return false when there is no such notice of theirs. */
    public boolean markRead(UUID id, String username) {
        int found = em.createNativeQuery("SELECT count(*) FROM notice WHERE id = ?1 AND recipient = ?2")
                .setParameter(1, id).setParameter(2, username).getSingleResult() instanceof Number n ? n.intValue() : 0;
        if (found == 0) {
            return false;
        }
        em.createNativeQuery("UPDATE notice SET read_at = ?3 WHERE id = ?1 AND recipient = ?2 AND read_at IS NULL")
                .setParameter(1, id).setParameter(2, username).setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
        return true;
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
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
