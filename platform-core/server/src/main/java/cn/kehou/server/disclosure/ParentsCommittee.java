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
    @Inject
    cn.kehou.server.tenancy.AuditLog audit;

    /** A member of a school's committee: who, since when, seated by whom. */
    public record Member(String username, String addedBy, java.time.OffsetDateTime addedAt) {
    }

    public java.util.List<Member> members(School school) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT username, added_by, added_at FROM parents_committee_member"
                + " WHERE tenant_id = ?1 AND school_id = ?2 ORDER BY added_at, username")
                .setParameter(1, school.tenantId).setParameter(2, school.id).getResultList();
        return rows.stream().map(r -> new Member((String) r[0], (String) r[1], r[2] instanceof java.time.Instant i
                ? i.atOffset(java.time.ZoneOffset.UTC) : (java.time.OffsetDateTime) r[2])).toList();
    }

    /** Seats a confirmed guardian of a pupil of the school (002); seating a member again changes nothing. Audited. */
    public boolean add(School school, String username, String by) {
        long guardian = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM guardianship g JOIN child c ON c.tenant_id = g.tenant_id AND c.id = g.child_id
                        WHERE c.tenant_id = ?1 AND c.school_id = ?2 AND g.username = ?3 AND g.status = 'CONFIRMED'""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, username).getSingleResult()).longValue();
        if (guardian == 0) {
            throw new ProblemException(422, "COMMITTEE_NOT_A_GUARDIAN", username, school.code);
        }
        int added = em.createNativeQuery("""
                        INSERT INTO parents_committee_member (tenant_id, school_id, username, added_by)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, username).setParameter(4, by)
                .executeUpdate();
        if (added > 0) {
            audit.record(school.tenantId, by, "committee.add", "school:" + school.code, java.util.Map.of("member", username));
        }
        return added > 0;
    }

    /** Takes a member off the committee; removing a non-member changes nothing. Audited. */
    public boolean remove(School school, String username, String by) {
        int removed = em.createNativeQuery("DELETE FROM parents_committee_member WHERE tenant_id = ?1 AND school_id = ?2 AND username = ?3")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, username).executeUpdate();
        if (removed > 0) {
            audit.record(school.tenantId, by, "committee.remove", "school:" + school.code, java.util.Map.of("member", username));
        }
        return removed > 0;
    }

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
