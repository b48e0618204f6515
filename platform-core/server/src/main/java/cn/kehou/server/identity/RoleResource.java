package cn.kehou.server.identity;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Who holds which role in the tenant (row-level security keeps it to this tenant). */
@Path("/api/t/{tenant}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    Caller caller;
    @Inject
    EntityManager em;

    public record Assignment(String username, String role, String school, String provider, String grantedBy) {
    }

    @GET
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Assignment> list() {
        caller.require("role.list");
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.username, r.role, s.code, r.provider_code, r.granted_by
                FROM role_assignment r LEFT JOIN school s ON s.tenant_id = r.tenant_id AND s.id = r.school_id
                WHERE r.tenant_id = kehou_current_tenant()
                ORDER BY r.username, r.role""").getResultList();
        return rows.stream().map(r -> new Assignment((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }
}
