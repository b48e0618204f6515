package cn.kehou.server.disclosure;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/**
 * A school admin seats and unseats guardians of the school on its parents' committee (家长委员会,
 * 002), who then read the school's ledger summary and survey results. Audited.
 */
@Path("/api/t/{tenant}/schools/{school}/parents-committee")
@Produces(MediaType.APPLICATION_JSON)
public class CommitteeResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    ParentsCommittee committee;

    @GET
    @Transactional
    public List<ParentsCommittee.Member> members(@PathParam("school") String schoolCode) {
        School school = school(schoolCode);
        caller.requireAtSchool("committee.manage", school.id);
        return committee.members(school);
    }

    /** Seats a confirmed guardian of a pupil of the school; seating a member again is a no-op. */
    @PUT
    @Path("/{username}")
    @Transactional
    public Map<String, Object> add(@PathParam("school") String schoolCode, @PathParam("username") String username) {
        School school = school(schoolCode);
        caller.requireAtSchool("committee.manage", school.id);
        boolean added = committee.add(school, username, caller.username());
        return Map.of("school", school.code, "username", username, "member", true, "changed", added);
    }

    /** Takes a member off the committee; removing a non-member is a no-op. */
    @DELETE
    @Path("/{username}")
    @Transactional
    public Map<String, Object> remove(@PathParam("school") String schoolCode, @PathParam("username") String username) {
        School school = school(schoolCode);
        caller.requireAtSchool("committee.manage", school.id);
        boolean removed = committee.remove(school, username, caller.username());
        return Map.of("school", school.code, "username", username, "member", false, "changed", removed);
    }

    private School school(String code) {
        return School.<School>find("code = ?1 and tenantId = ?2", code, tenant.requireTenantId()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("school", code));
    }
}
