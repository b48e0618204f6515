package cn.kehou.server.tenancy;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A tenant's schools: bureau staff see their own and their descendants'; bureau admins add. */
@Path("/api/t/{tenant}/schools")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    AuditLog audit;

    public record SchoolView(String code, String nameZh, String nameEn, School.SchoolLevel level, boolean urban,
                             String ruralTown, boolean boarding, boolean villageSchool, boolean teachingPoint,
                             boolean publicSchool, LocalTime normalDismissal, int periodMinutes) {
        static SchoolView of(School s) {
            return new SchoolView(s.code, s.nameZh, s.nameEn, s.level, s.urban, s.ruralTown, s.boarding,
                    s.villageSchool, s.teachingPoint, s.publicSchool, s.normalDismissal, s.periodMinutes);
        }
    }

    public record NewSchool(
            @NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String code,
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull School.SchoolLevel level,
            @NotNull Boolean urban,
            @Size(max = 100) String ruralTown,
            @NotNull Boolean boarding,
            Boolean villageSchool,
            Boolean teachingPoint,
            @Size(max = 63) String centralSchool,
            Boolean publicSchool,
            @NotNull LocalTime normalDismissal,
            @Min(20) @Max(60) Integer periodMinutes) {
    }

    @GET
    @Transactional
    public List<SchoolView> list(@PathParam("tenant") String tenant) {
        caller.require("school.list");
        return School.<School>list("order by code").stream()
                .filter(this::visible)
                .map(SchoolView::of).toList();
    }

    private boolean visible(School s) {
        // A school role sees its own school only; a tenant-wide role sees every school in reach.
        return caller.grants().stream().anyMatch(g -> g.schoolId() == null || g.schoolId().equals(s.id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull NewSchool body) {
        caller.require("school.create");
        UUID tenantId = tenantContext.requireTenantId();
        SchoolView created = QuarkusTransaction.requiringNew().call(() -> {
            if (School.count("tenantId = ?1 and code = ?2", tenantId, body.code()) > 0) {
                throw new ProblemException(409, "SCHOOL_CODE_TAKEN", body.code());
            }
            School s = new School();
            s.id = DescriptorLoader.schoolId(tenant, body.code());
            s.tenantId = tenantId;
            s.code = body.code();
            s.nameZh = body.nameZh();
            s.nameEn = body.nameEn();
            s.level = body.level();
            s.urban = body.urban();
            s.ruralTown = body.ruralTown();
            s.boarding = body.boarding();
            s.villageSchool = Boolean.TRUE.equals(body.villageSchool());
            s.teachingPoint = Boolean.TRUE.equals(body.teachingPoint());
            s.publicSchool = body.publicSchool() == null || body.publicSchool();
            s.normalDismissal = body.normalDismissal();
            s.periodMinutes = body.periodMinutes() == null ? 40 : body.periodMinutes();
            if (body.centralSchool() != null) {
                s.centralSchoolId = School.<School>find("tenantId = ?1 and code = ?2", tenantId, body.centralSchool())
                        .firstResultOptional().map(c -> c.id)
                        .orElseThrow(() -> new ProblemException(400, "CENTRAL_SCHOOL_UNKNOWN", body.centralSchool()));
            }
            s.persist();
            audit.record(tenantId, caller.username(), "school.create", "school:" + s.code, SchoolView.of(s));
            return SchoolView.of(s);
        });
        return Response.status(201).entity(created).build();
    }
}
