package cn.kehou.server.disclosure;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Set;

/**
 * The parents' committee (家长委员会, 002) of a school: guardians who may read the school's ledger
 * summary and survey results — of their own school only.
 */
@ApplicationScoped
public class ParentsCommittee {

    @Inject
    EntityManager em;
    @Inject
    PermissionTable permissions;

    public boolean isMember(School school, String username) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM parents_committee_member WHERE school_id = ?1 AND username = ?2")
                .setParameter(1, school.id).setParameter(2, username).getSingleResult()).longValue() > 0;
    }

    /**
     * {@link Caller#requireAtSchool} for a permission the committee shares with staff: a caller whose
     * only qualifying role is parent must sit on this school's committee.
     */
    public void requireAtSchool(Caller caller, String permission, School school) {
        caller.requireAtSchool(permission, school.id);
        Set<Role> allowed = permissions.rolesFor(permission);
        boolean asStaff = caller.grants().stream().anyMatch(g -> g.role() != Role.PARENT && allowed.contains(g.role())
                && (g.role().scope() != Role.Scope.SCHOOL || school.id.equals(g.schoolId())));
        if (!asStaff && !isMember(school, caller.username())) {
            throw new ProblemException(403, "NOT_ON_PARENTS_COMMITTEE", school.code);
        }
    }
}
