package cn.kehou.server.disclosure;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.tenancy.TenantStatus;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * What a tenant makes public (公示), for anyone without login: each school's service guide,
 * published fees and ledger summaries, the yearly provider blacklist — as they stood on any day
 * ({@code ?on=2026-09-01}) — and a complaint form (监督举报) for members of the public.
 */
@Path("/api/public/t/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class PublicDisclosureResource {

    @Inject
    Disclosures disclosures;
    @Inject
    Blacklists blacklists;
    @Inject
    Complaints complaints;
    @Inject
    ComplaintLimiter limiter;
    @Inject
    TenantScope scope;
    @Inject
    Clock clock;

    public record TenantDisclosure(String tenant, LocalDate on, List<Disclosures.SchoolDisclosure> schools) {
    }

    public record BlacklistPage(String tenant, int year, LocalDate on, List<Publications.Version<Disclosed.Blacklisting>> entries) {
    }

    /** Every school of the tenant (and its districts) as public on {@code on} (default today). */
    @GET
    @Path("/disclosure")
    public TenantDisclosure disclosure(@PathParam("tenant") String code, @QueryParam("on") String on) {
        Tenant tenant = active(code);
        LocalDate day = day(on);
        List<Disclosures.SchoolDisclosure> schools = scope.callAs(tenant, true, () -> School.<School>list("order by code").stream()
                .map(s -> disclosures.on(s, day)).toList());
        return new TenantDisclosure(code, day, schools);
    }

    @GET
    @Path("/schools/{school}/disclosure")
    public Disclosures.SchoolDisclosure school(@PathParam("tenant") String code, @PathParam("school") String school,
                                               @QueryParam("on") String on) {
        Tenant tenant = active(code);
        LocalDate day = day(on);
        return scope.callAs(tenant, true, () -> disclosures.on(School.require(school), day));
    }

    /** The provider blacklist of {@code year} (default this year) as public on {@code on} (default today). */
    @GET
    @Path("/blacklist")
    public BlacklistPage blacklist(@PathParam("tenant") String code, @QueryParam("year") Integer year, @QueryParam("on") String on) {
        Tenant tenant = active(code);
        LocalDate day = day(on);
        int y = year == null ? day.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new ProblemException(400, "INVALID_FIELD");
        }
        return new BlacklistPage(code, y, day, blacklists.of(tenant, y, day));
    }

    public record PublicComplaint(@NotNull Complaint.About about, @Size(max = 63) String school, @Size(max = 200) String subject,
                                  @NotBlank @Size(max = 2000) String body, @Size(max = 50) String name,
                                  @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {
    }

    public record Filed(UUID id, Complaint.Status status) {
    }

    /** A member of the public files a complaint without login; name and phone are optional. */
    @POST
    @Path("/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complain(@PathParam("tenant") String code, @Valid @NotNull PublicComplaint body,
                             @Context HttpServerRequest request) {
        Complaint c = file(code, body, request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
        return Response.status(201).entity(new Filed(c.id, c.status)).build();
    }

    /** Files a public complaint where the school is (or in the tenant, if it names none), rate-limited per address. */
    Complaint file(String code, PublicComplaint body, String address) {
        Tenant tenant = active(code);
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

    static Tenant active(String code) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        if (tenant.status != TenantStatus.ACTIVE) {
            throw new ProblemException(404, "TENANT_NOT_ACTIVE", code, tenant.status);
        }
        return tenant;
    }

    LocalDate day(String on) {
        LocalDate today = LocalDate.now(clock);
        if (on == null || on.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(on.strip());
            return d.isAfter(today) ? today : d;
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "DISCLOSURE_DAY_INVALID", on);
        }
    }
}
