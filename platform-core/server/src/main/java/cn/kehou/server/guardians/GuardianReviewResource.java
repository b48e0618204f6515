package cn.kehou.server.guardians;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The school confirms or rejects who is a child's guardian; until then the parent sees nothing. */
@Path("/api/t/{tenant}/schools/{school}")
@Produces(MediaType.APPLICATION_JSON)
public class GuardianReviewResource {

    @Inject
    Caller caller;
    @Inject
    AuditLog audit;

    public record PendingLink(UUID id, String username, Guardianship.Relation relation, String childName, int grade,
                              String className) {
    }

    public record ChildRow(UUID id, String nameZh, int grade, String className, boolean dayStudent) {
    }

    @GET
    @Path("/children")
    @Transactional
    public List<ChildRow> children(@PathParam("school") String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("child.list", school.id);
        return Child.<Child>list("schoolId = ?1 order by grade, className, nameZh", school.id).stream()
                .map(c -> new ChildRow(c.id, c.nameZh, c.grade, c.className, c.dayStudent)).toList();
    }

    @GET
    @Path("/guardianships")
    @Transactional
    public List<PendingLink> pending(@PathParam("school") String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("guardianship.review", school.id);
        return Guardianship.<Guardianship>list("status", Guardianship.Status.REQUESTED).stream()
                .map(g -> new Object[] {g, Child.<Child>findById(g.childId)})
                .filter(p -> ((Child) p[1]).schoolId.equals(school.id))
                .map(p -> {
                    Guardianship g = (Guardianship) p[0];
                    Child c = (Child) p[1];
                    return new PendingLink(g.id, g.username, g.relation, c.nameZh, c.grade, c.className);
                }).toList();
    }

    @POST
    @Path("/guardianships/{id}/confirm")
    @Transactional
    public Map<String, Object> confirm(@PathParam("school") String schoolCode, @PathParam("id") UUID id) {
        return decide(schoolCode, id, Guardianship.Status.CONFIRMED);
    }

    @POST
    @Path("/guardianships/{id}/reject")
    @Transactional
    public Map<String, Object> reject(@PathParam("school") String schoolCode, @PathParam("id") UUID id) {
        return decide(schoolCode, id, Guardianship.Status.REJECTED);
    }

    private Map<String, Object> decide(String schoolCode, UUID id, Guardianship.Status outcome) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("guardianship.review", school.id);
        Guardianship g = Guardianship.<Guardianship>findByIdOptional(id)
                .filter(x -> Child.<Child>findById(x.childId).schoolId.equals(school.id))
                .orElseThrow(() -> ProblemException.notFound("guardianship", id.toString()));
        if (g.status != Guardianship.Status.REQUESTED) {
            throw new ProblemException(409, "GUARDIANSHIP_DECIDED", g.status);
        }
        g.status = outcome;
        g.decidedBy = caller.username();
        g.decidedAt = OffsetDateTime.now();
        audit.record(g.tenantId, caller.username(), "guardianship." + outcome.name().toLowerCase(), "guardianship:" + id,
                Map.of("child", g.childId, "guardian", g.username));
        return Map.of("id", id, "status", g.status);
    }

}
