package cn.kehou.server.tenancy;

import cn.kehou.server.identity.Caller;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The tenant a signed-in user acts in: its record, effective branding and child tenants. */
@Path("/api/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    Caller caller;
    @Inject
    TenantTree tree;

    public record TenantView(String code, String nameZh, String nameEn, TenantKind kind, TenantStatus status,
                             String pluginId, Branding branding, List<String> children, List<String> myRoles) {
    }

    @GET
    @Transactional
    public TenantView get(@PathParam("tenant") String code) {
        caller.require("tenant.read");
        Tenant t = Tenant.byCode(code).orElseThrow();
        return new TenantView(t.code, t.nameZh, t.nameEn, t.kind, t.status, t.pluginId,
                tree.effectiveBranding(t).orElse(null),
                tree.children(t).stream().map(c -> c.code).toList(),
                caller.grants().stream().map(g -> g.role().wireName()).distinct().sorted().toList());
    }
}
