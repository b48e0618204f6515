package cn.kehou.server.guardians;

import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether a child's data may be shown beyond the school: a child under 14 needs a recorded
 * guardian consent first (PIPL §31). Provider-facing features ask here before showing a child.
 */
public final class ChildPrivacy {

    private ChildPrivacy() {
    }

    public static boolean hasConsent(EntityManager em, UUID childId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM pipl_consent WHERE child_id = ?1 AND text_version = ?2")
                .setParameter(1, childId).setParameter(2, ConsentText.VERSION).getSingleResult()).longValue() > 0;
    }

    public static boolean hasConsentOf(EntityManager em, UUID childId, String username) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM pipl_consent WHERE child_id = ?1 AND text_version = ?2"
                        + " AND username = ?3")
                .setParameter(1, childId).setParameter(2, ConsentText.VERSION).setParameter(3, username)
                .getSingleResult()).longValue() > 0;
    }

    public static boolean mayShowToProvider(EntityManager em, Child child, LocalDate day) {
        return !child.needsConsentOn(day) || hasConsent(em, child.id);
    }
}
