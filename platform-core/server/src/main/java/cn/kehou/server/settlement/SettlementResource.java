package cn.kehou.server.settlement;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.identity.RoleGrant;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's settlement of one period: run it (school finance, bureau), read its payouts and
 * download one recipient's payout file. Tenant-wide roles see every recipient; a school's finance
 * office sees its own school's payout only.
 */
@Path("/api/t/{tenant}/settlements/{period}")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;
    @Inject
    TenantContext tenant;
    @Inject
    SettlementRun run;

    public record View(String period, List<SettlementRun.Payout> payouts) {
    }

    @POST
    public SettlementRun.Result run(@PathParam("period") String period) {
        caller.require("settlements.run");
        return run.run(tenant.requireTenantId(), SettlementRun.period(period), caller.username());
    }

    @GET
    @Transactional
    public View read(@PathParam("period") String period) {
        YearMonth p = SettlementRun.period(period);
        return new View(p.toString(), visible(run.payouts(p)));
    }

    @GET
    @Path("payouts/{recipient}.csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@PathParam("period") String period, @PathParam("recipient") String recipient) {
        YearMonth p = SettlementRun.period(period);
        SettlementRun.Payout payout = visible(run.payouts(p)).stream()
                .filter(x -> x.recipient().toString().equals(recipient)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("payout", recipient));
        return Response.ok(PayoutFile.csv(p, payout))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"payout-" + p + "-" + payout.recipient() + ".csv\"")
                .build();
    }

    /** All payouts for a tenant-wide reader, the own school's for a school's. */
    private List<SettlementRun.Payout> visible(List<SettlementRun.Payout> all) {
        caller.require("settlements.read");
        Set<Role> allowed = permissions.rolesFor("settlements.read");
        Set<UUID> schools = new HashSet<>();
        for (RoleGrant g : caller.grants()) {
            if (!allowed.contains(g.role())) {
                continue;
            }
            if (g.role().scope() != Role.Scope.SCHOOL) {
                return all;
            }
            schools.add(g.schoolId());
        }
        return all.stream().filter(x -> x.school() != null && schools.contains(x.school())).toList();
    }
}
