package cn.kehou.server.identity;

import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and what they hold in the request's tenant — filled by {@link TenantAccessFilter}
 * from the verified token and the role assignments in PostgreSQL.
 */
@RequestScoped
public class Caller {

    @Inject
    PermissionTable permissions;

    private String username;
    private List<RoleGrant> grants = List.of();

    void set(String username, List<RoleGrant> grants) {
        this.username = username;
        this.grants = List.copyOf(grants);
    }

    public String username() {
        return username;
    }

    public List<RoleGrant> grants() {
        return grants;
    }

    public boolean holds(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** Refuses with 403 unless one of the caller's roles here carries {@code permission}. */
    public void require(String permission) {
        Set<Role> allowed = permissions.rolesFor(permission);
        if (grants.stream().noneMatch(g -> allowed.contains(g.role()))) {
            throw new ProblemException(403, "FORBIDDEN");
        }
    }

    /**
     * Like {@link #require(String)}, for an act at one school: a school role counts only at its
     * own school; tenant-wide roles (bureau, platform) count everywhere in their reach.
     */
    public void requireAtSchool(String permission, UUID schoolId) {
        Set<Role> allowed = permissions.rolesFor(permission);
        boolean ok = grants.stream().anyMatch(g -> allowed.contains(g.role())
                && (g.role().scope() != Role.Scope.SCHOOL || schoolId.equals(g.schoolId())));
        if (!ok) {
            throw new ProblemException(403, "FORBIDDEN");
        }
    }
}
