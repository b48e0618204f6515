package cn.kehou.server.tenancy;

import cn.kehou.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Comparator;
import java.util.List;

/** What anyone may see without logging in: the tenant directory and a tenant's schools. */
@Path("/api/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicTenantResource {

    @Inject
    TenantTree tree;
    @Inject
    TenantScope scope;

    public record TenantSummary(String code, String nameZh, String nameEn, TenantKind kind, String parent,
                                TenantStatus status) {
    }

    public record SchoolSummary(String code, String tenant, String nameZh, String nameEn, School.SchoolLevel level) {
    }

    public record TenantPage(TenantSummary tenant, Branding branding, List<SchoolSummary> schools) {
    }

    @GET
    @Path("/tenants")
    public List<TenantSummary> directory() {
        List<Tenant> all = Tenant.listAll();
        return all.stream()
                .filter(t -> t.status != TenantStatus.ONBOARDING)
                .sorted(Comparator.comparing(t -> t.code))
                .map(t -> summary(t, all))
                .toList();
    }

    /** A tenant's public page: its name, branding (inherited if it has none) and its schools. */
    @GET
    @Path("/t/{tenant}")
    public TenantPage page(@PathParam("tenant") String code) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        if (tenant.status != TenantStatus.ACTIVE) {
            throw new ProblemException(404, "TENANT_NOT_ACTIVE", code, tenant.status);
        }
        List<Tenant> all = Tenant.listAll();
        // School names are public; reading the subtree lets a city's page list its districts' schools.
        List<SchoolSummary> schools = scope.callAs(tenant, true, () -> School.<School>list("order by code").stream()
                .map(s -> new SchoolSummary(s.code, codeOf(s.tenantId, all), s.nameZh, s.nameEn, s.level))
                .toList());
        return new TenantPage(summary(tenant, all), tree.effectiveBranding(tenant).orElse(null), schools);
    }

    private static TenantSummary summary(Tenant t, List<Tenant> all) {
        return new TenantSummary(t.code, t.nameZh, t.nameEn, t.kind, codeOf(t.parentId, all), t.status);
    }

    private static String codeOf(java.util.UUID id, List<Tenant> all) {
        return id == null ? null : all.stream().filter(t -> t.id.equals(id)).map(t -> t.code).findFirst().orElse(null);
    }
}
