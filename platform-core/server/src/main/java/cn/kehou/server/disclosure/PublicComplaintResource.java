package cn.kehou.server.disclosure;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Complaints (监督举报) from members of the public, without login: name and phone optional,
 * validated, and limited per address ({@link ComplaintLimiter}). The bureau handles them through
 * {@link DisclosureResource}.
 */
@Path("/api/public/t/{tenant}/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class PublicComplaintResource {

    @Inject
    Complaints complaints;
    @Inject
    ComplaintLimiter limiter;
    @Inject
    TenantScope scope;

    public record PublicComplaint(@NotNull Complaint.About about, @Size(max = 63) String school, @Size(max = 200) String subject,
                                  @NotBlank @Size(max = 2000) String body, @Size(max = 50) String name,
                                  @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {
    }

    public record Filed(UUID id, Complaint.Status status) {
    }

    /** A member of the public files a complaint without login; name and phone are optional. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complain(@PathParam("tenant") String code, @Valid @NotNull PublicComplaint body,
                             @Context HttpServerRequest request) {
        Complaint c = file(code, body, request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
        return Response.status(201).entity(new Filed(c.id, c.status)).build();
    }

    /** Files a public complaint where the school is (or in the tenant, if it names none), rate-limited per address. */
    Complaint file(String code, PublicComplaint body, String address) {
        Tenant tenant = PublicDisclosureResource.active(code);
        limiter.admit(code, address);
        if (body.body() == null || body.body().isBlank()) {
            throw new ProblemException(400, "COMPLAINT_BODY_MISSING");
        }
        School school = body.school() == null || body.school().isBlank() ? null
                : scope.callAs(tenant, true, () -> School.require(body.school().strip()));
        Tenant owner = school == null ? tenant : Tenant.<Tenant>findByIdOptional(school.tenantId).orElseThrow();
        return scope.callAs(owner, false, () -> complaints.file(owner.id, new Complaints.Filing(body.about(), school, body.subject(),
                body.body(), null, body.name(), body.phone())));
    }
}
