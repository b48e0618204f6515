package cn.kehou.server.disclosure;

import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.tenancy.TenantStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a tenant makes public (公示), for anyone without login: each school's service guide,
 * published fees and ledger summaries, the yearly provider blacklist — as they stood on any day
 * ({@code ?on=2026-09-01}). Complaints from the public: {@link PublicComplaintResource}.
 */
@Path("/api/public/t/{tenant}/disclosure")
@Produces(MediaType.APPLICATION_JSON)
public class PublicDisclosureResource {

    @Inject
    Disclosures disclosures;
    @Inject
    Blacklists blacklists;
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
    public TenantDisclosure disclosure(@PathParam("tenant") String code, @QueryParam("on") String on) {
        Tenant tenant = active(code);
        LocalDate day = day(on);
        List<Disclosures.SchoolDisclosure> schools = scope.callAs(tenant, true, () -> School.<School>list("order by code").stream()
                .map(s -> disclosures.on(s, day)).toList());
        return new TenantDisclosure(code, day, schools);
    }

    @GET
    @Path("/schools/{school}")
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
