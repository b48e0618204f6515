package cn.kehou.server.onboarding;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Branding;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import cn.kehou.server.tenancy.TenantKind;
import cn.kehou.server.tenancy.TenantStatus;
import cn.kehou.server.tenancy.TenantTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
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

import java.util.Map;

/** A bureau's child tenants: onboarding one, suspending or reactivating it. */
@Path("/api/t/{tenant}/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    @Inject
    Onboarding onboarding;
    @Inject
    Caller caller;
    @Inject
    TenantContext context;
    @Inject
    TenantTree tree;
    @Inject
    AuditLog audit;

    public record AdminInput(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}") String username,
                             @NotBlank @Size(max = 50) String displayName,
                             @Pattern(regexp = "1[3-9]\\d{9}") String phone) {
    }

    public record NewTenant(@NotBlank @Size(max = 63) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*") String code,
                            @NotBlank @Size(max = 200) String nameZh,
                            @NotBlank @Size(max = 200) String nameEn,
                            @NotNull TenantKind kind,
                            @Size(max = 63) String plugin,
                            Map<String, String> pluginConfig,
                            Branding branding,
                            @Valid @NotNull AdminInput admin) {
    }

    public record StatusChange(@NotNull TenantStatus status) {
    }

    @POST
    public Response onboard(@PathParam("tenant") String code, @Valid @NotNull NewTenant body) {
        caller.require("tenant.onboard");
        Tenant parent = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(code).orElseThrow());
        Onboarding.Result result = onboarding.onboard(parent, new Onboarding.Request(body.code(), body.nameZh(), body.nameEn(),
                body.kind(), body.plugin(), body.pluginConfig(), body.branding(),
                new Onboarding.FirstAdmin(body.admin().username(), body.admin().displayName(), body.admin().phone())),
                caller.username());
        return Response.status(201).entity(result).build();
    }

    /** Suspending refuses the tenant's users at their next request; reactivating lets them back. */
    @POST
    @Path("/{child}/status")
    public Map<String, Object> setStatus(@PathParam("tenant") String code, @PathParam("child") String childCode,
                                         @Valid @NotNull StatusChange body) {
        caller.require("tenant.status");
        if (body.status() == TenantStatus.ONBOARDING) {
            throw new ProblemException(400, "VALIDATION_FAILED");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Tenant self = Tenant.byCode(code).orElseThrow();
            Tenant child = Tenant.byCode(childCode).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", childCode));
            if (child.id.equals(self.id) || !tree.isAncestorOrSelf(self.id, child.id)) {
                throw new ProblemException(403, "NOT_A_DESCENDANT", childCode);
            }
            TenantStatus before = child.status;
            child.status = body.status();
            audit.record(self.id, caller.username(), "tenant.status", "tenant:" + childCode,
                    Map.of("from", before, "to", body.status()));
            return Map.of("tenant", childCode, "status", child.status);
        });
    }
}
