package cn.kehou.server.onboarding;

import cn.kehou.server.identity.KeycloakDirectory;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.tenancy.TenantStatus;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A parent registers with a mainland mobile number and a password, in one tenant; the account
 * sees no child until the school confirms the relation (GuardianResource).
 */
@Path("/api/public/t/{tenant}/parents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParentRegistrationResource {

    @Inject
    KeycloakDirectory directory;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    public record Registration(@NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位中国大陆手机号") String phone,
                               @NotBlank @Size(min = 8, max = 64) String password,
                               @NotBlank @Size(max = 50) String displayName) {
    }

    @POST
    public Response register(@PathParam("tenant") String code, @Valid @NotNull Registration body) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        if (tenant.status != TenantStatus.ACTIVE) {
            throw new ProblemException(403, "TENANT_NOT_ACTIVE", code, tenant.status);
        }
        if (!body.password().matches(".*[A-Za-z].*") || !body.password().matches(".*\\d.*")) {
            throw new ProblemException(400, "PASSWORD_TOO_WEAK");
        }
        if (directory.userId(body.phone()).isPresent()) {
            throw new ProblemException(409, "PHONE_TAKEN");
        }
        String organizationId = directory.organizationId(code)
                .orElseThrow(() -> new ProblemException(503, "TENANT_NOT_READY", code, "no Keycloak organization"));
        String userId = directory.createUser(body.phone(), body.displayName(), body.phone(), body.password());
        try {
            directory.addMember(organizationId, userId);
            scope.callAs(tenant, false, () -> {
                em.createNativeQuery("INSERT INTO role_assignment (tenant_id, id, username, role, granted_by)"
                                + " VALUES (?1, ?2, ?3, 'parent', 'self-registration')")
                        .setParameter(1, tenant.id)
                        .setParameter(2, UUID.nameUUIDFromBytes(("kehou-role:" + code + ":" + body.phone() + ":parent")
                                .getBytes(StandardCharsets.UTF_8)))
                        .setParameter(3, body.phone()).executeUpdate();
                audit.record(tenant.id, body.phone(), "parent.register", "user:" + body.phone(), Map.of());
                return null;
            });
        } catch (RuntimeException e) {
            directory.deleteUser(userId);
            throw e;
        }
        return Response.status(201).entity(Map.of("username", body.phone(), "tenant", code)).build();
    }
}
