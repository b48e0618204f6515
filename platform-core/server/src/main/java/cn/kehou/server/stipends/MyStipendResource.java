package cn.kehou.server.stipends;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher's own stipends and service hours: every published line of the staff records linked to
 * their account, the periods per term, and the certificate of service hours (003 §八: counts toward
 * titles and awards).
 */
@Path("/api/t/{tenant}/me/stipends")
@Produces(MediaType.APPLICATION_JSON)
public class MyStipendResource {

    @Inject
    Caller caller;
    @Inject
    StipendRuns runs;
    @Inject
    TenantContext tenant;
    @Inject
    Clock clock;

    public record Mine(List<StipendRuns.MyLine> lines, List<StipendRuns.TermHours> terms, int periods, long amountFen) {
    }

    @GET
    @Transactional
    public Mine mine() {
        caller.require("stipends.own");
        List<StipendRuns.MyLine> lines = runs.mine(caller.username());
        return new Mine(lines, StipendRuns.hours(lines), lines.stream().mapToInt(StipendRuns.MyLine::periods).sum(),
                lines.stream().mapToLong(StipendRuns.MyLine::amountFen).sum());
    }

    @GET
    @Path("certificate.pdf")
    @Produces("application/pdf")
    @Transactional
    public Response certificate() {
        caller.require("stipends.own");
        List<StipendRuns.MyLine> lines = runs.mine(caller.username());
        String name = lines.isEmpty() ? caller.username() : lines.get(0).staffName();
        Tenant t = Tenant.findById(tenant.requireTenantId());
        byte[] pdf = ServiceHoursCertificate.pdf(name, t.nameZh, StipendRuns.hours(lines), LocalDate.now(clock));
        return Response.ok(pdf).type("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"service-hours-" + caller.username() + ".pdf\"").build();
    }
}
