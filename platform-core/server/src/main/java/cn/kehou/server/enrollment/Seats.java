package cn.kehou.server.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * A service's seats, taken and given back with one conditional UPDATE each: the row lock makes
 * concurrent takers queue in PostgreSQL and the condition refuses the 31st of 30 — no
 * read-then-write gap in which two requests could both see the last seat.
 */
@ApplicationScoped
public class Seats {

    @Inject
    EntityManager em;

    /** @return true when a seat was taken. */
    public boolean take(UUID tenantId, UUID serviceId) {
        return em.createNativeQuery("UPDATE school_service SET seats_taken = seats_taken + 1"
                        + " WHERE tenant_id = ?1 AND id = ?2 AND seats_taken < capacity")
                .setParameter(1, tenantId).setParameter(2, serviceId).executeUpdate() == 1;
    }

    public void giveBack(UUID tenantId, UUID serviceId) {
        em.createNativeQuery("UPDATE school_service SET seats_taken = seats_taken - 1"
                        + " WHERE tenant_id = ?1 AND id = ?2 AND seats_taken > 0")
                .setParameter(1, tenantId).setParameter(2, serviceId).executeUpdate();
    }

    /** FIRST_COME or LOTTERY (V7 adds the column to the catalog's service). */
    public String allocation(UUID tenantId, UUID serviceId) {
        return (String) em.createNativeQuery("SELECT allocation FROM school_service WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, serviceId).getSingleResult();
    }

    public int taken(UUID tenantId, UUID serviceId) {
        return ((Number) em.createNativeQuery("SELECT seats_taken FROM school_service WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, serviceId).getSingleResult()).intValue();
    }
}
