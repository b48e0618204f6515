package cn.kehou.server.identity;

import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import cn.kehou.server.tenancy.TenantStatus;
import cn.kehou.server.tenancy.TenantTree;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import jakarta.enterprise.context.RequestScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Admits a verified user into a tenant: only a member of that tenant (or of an ancestor bureau)
 * holding a role there gets in; then the request's tenant is fixed for the database. Used by the
 * API filter and by the portal pages alike — one admission rule. The tenant comes from the path
 * and the token, never from a default or a header.
 */
@RequestScoped
public class TenantAdmission {

    @Inject
    TenantContext tenantContext;
    @Inject
    Caller caller;
    @Inject
    TenantTree tree;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    RegionPolicies policies;

    /** Admits {@code token}'s user into tenant {@code code}, or throws the problem that refuses it. */
    public List<RoleGrant> admit(String code, JsonWebToken token) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        MDC.put("tenant", tenant.code);
        if (tenant.status == TenantStatus.SUSPENDED) {
            throw new ProblemException(403, "TENANT_NOT_ACTIVE", tenant.code, tenant.status);
        }
        String username = token.getClaim("preferred_username");
        List<Tenant> chain = tree.chain(tenant);
        Set<String> organizations = organizations(token);
        List<Tenant> memberOf = chain.stream().filter(t -> organizations.contains(t.code)).toList();
        if (username == null || memberOf.isEmpty()) {
            throw new ProblemException(403, "FORBIDDEN");
        }
        List<RoleGrant> grants = grantsFor(username, tenant, chain, memberOf);
        if (grants.isEmpty()) {
            throw new ProblemException(403, "FORBIDDEN");
        }
        // Fail closed: a tenant whose region plugin is bound but does not run serves nothing.
        RegionPolicies.Resolution policy = policies.resolve(tenant);
        if (policy.pluginId() != null && !policy.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", tenant.code, policy.problem());
        }
        boolean reachesSubtree = grants.stream().anyMatch(g -> g.role().reachesDescendants());
        tenantContext.identify(username);
        tenantContext.actIn(tenant, reachesSubtree);
        caller.set(username, grants);
        return grants;
    }

    /**
     * The roles that count in {@code tenant}: any role held in the tenant itself, plus bureau
     * roles held at an ancestor — in both cases only where the user is a member of that tenant.
     */
    private List<RoleGrant> grantsFor(String username, Tenant tenant, List<Tenant> chain, List<Tenant> memberOf) {
        Set<UUID> memberIds = memberOf.stream().map(t -> t.id).collect(Collectors.toSet());
        Set<UUID> chainIds = chain.stream().map(t -> t.id).collect(Collectors.toSet());
        List<RoleGrant> grants = new ArrayList<>();
        tenantContext.identify(username);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT role, tenant_id, school_id, provider_code FROM role_assignment WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID heldIn = rs.getObject(2, UUID.class);
                    Role role = Role.of(rs.getString(1)).orElse(null);
                    if (role == null || !chainIds.contains(heldIn) || !memberIds.contains(heldIn)) {
                        continue;
                    }
                    if (heldIn.equals(tenant.id) || role.reachesDescendants()) {
                        grants.add(new RoleGrant(role, heldIn, rs.getObject(3, UUID.class), rs.getString(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read role assignments", e);
        }
        return grants;
    }

    /** The organization claim: the tenant codes the user is a member of (asked for with organization:*). */
    @SuppressWarnings("unchecked")
    public static Set<String> organizations(JsonWebToken token) {
        Object claim = token.getClaim("organization");
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())
                    .collect(Collectors.toSet());
        }
        if (claim instanceof jakarta.json.JsonObject object) {
            return object.keySet();
        }
        if (claim instanceof Collection<?> c) {
            return ((Collection<Object>) c).stream().map(Object::toString).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
