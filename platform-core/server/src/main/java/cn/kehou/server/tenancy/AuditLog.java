package cn.kehou.server.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Appends who did what, in which tenant, inside the caller's transaction (so both or neither). */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    public void record(UUID tenantId, String actor, String action, String subject, Object detail) {
        String detailJson;
        try {
            detailJson = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
        em.createNativeQuery("INSERT INTO audit_event (tenant_id, id, actor, action, subject, detail)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))")
                .setParameter(1, tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, actor)
                .setParameter(4, action).setParameter(5, subject).setParameter(6, detailJson)
                .executeUpdate();
    }
}
