package cn.kehou.server.portal;

import cn.kehou.server.identity.Role;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a signed-in user has a home under a portal: the tenants of the portal's subtree in which
 * they hold a role and are a member (the organization claim) — the same two conditions
 * {@code TenantAdmission} checks when they get there. Read-only; row-level security lets a user
 * read only their own role assignments.
 */
@RequestScoped
public class Memberships {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TenantContext tenantContext;

    public record Home(String tenantCode, String nameZh, String nameEn, Set<Role> roles) {
    }

    /** The user's homes in {@code root}'s subtree, nearest the root first. */
    public List<Home> homesUnder(Tenant root, JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        if (username == null) {
            return List.of();
        }
        Set<String> organizations = organizations(token);
        // Row-level security shows a user their own role assignments in every tenant.
        tenantContext.identify(username);
        Map<String, Home> homes = new LinkedHashMap<>();
        // A connection taken now carries the username into PostgreSQL (TenantConnectionSetup).
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT t.code, t.name_zh, t.name_en, ra.role
                     FROM role_assignment ra
                     JOIN tenant t ON t.id = ra.tenant_id
                     JOIN tenant_closure tc ON tc.descendant_id = ra.tenant_id AND tc.ancestor_id = ?
                     WHERE ra.username = ? AND t.status = 'ACTIVE'
                     ORDER BY tc.depth, t.code""")) {
            s.setObject(1, root.id);
            s.setString(2, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    Role role = Role.of(rs.getString(4)).orElse(null);
                    if (role == null || !organizations.contains(code)) {
                        continue;
                    }
                    String nameZh = rs.getString(2);
                    String nameEn = rs.getString(3);
                    homes.computeIfAbsent(code, k -> new Home(k, nameZh, nameEn, EnumSet.noneOf(Role.class))).roles().add(role);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read role assignments", e);
        }
        return new ArrayList<>(homes.values());
    }

    static Set<String> organizations(JsonWebToken token) {
        return cn.kehou.server.identity.TenantAdmission.organizations(token);
    }
}
