package cn.kehou.server.reconciliation;

import cn.kehou.server.catalog.Provider;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.YearMonth;
import java.util.Set;

/**
 * A provider's monthly statement ({@link ProviderStatements}): its own administrator reads its own
 * provider's only; bureau and platform roles read any provider's in their reach.
 */
@Path("/api/t/{tenant}/providers/{provider}/statements/{period}")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;
    @Inject
    TenantContext tenant;
    @Inject
    ProviderStatements statements;

    @GET
    public ProviderStatements.Statement read(@PathParam("provider") String provider, @PathParam("period") String period) {
        YearMonth p = SchoolReconciliations.period(period);
        Provider found = allowed(provider);
        Tenant here = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(tenant.requireTenantId()));
        return statements.of(here, found, p);
    }

    @GET
    @Path("statement.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("provider") String provider, @PathParam("period") String period) {
        ProviderStatements.Statement s = read(provider, period);
        StringBuilder out = new StringBuilder("\uFEFFtenant,school,service,students,share_percent,sessions_total,lessons,payable_yuan\r\n");
        for (ProviderStatements.Line l : s.lines()) {
            out.append(String.join(",", l.tenant(), quoted(l.schoolName()), quoted(l.serviceTitle()), Integer.toString(l.students()),
                    Integer.toString(l.sharePercent()), Integer.toString(l.sessionsTotal()), Integer.toString(l.lessons()),
                    Money.ofFen(l.payableFen()).yuan())).append("\r\n");
        }
        out.append("total,,,,,,").append(s.lessons()).append(',').append(Money.ofFen(s.payableFen()).yuan()).append("\r\n");
        for (ProviderStatements.Payout p : s.payouts()) {
            out.append("paid,").append(p.tenant()).append(",,,,,").append(p.lessons()).append(',')
                    .append(Money.ofFen(p.paidFen()).yuan()).append("\r\n");
        }
        return Response.ok(out.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statement-" + s.provider() + "-" + s.period() + ".csv\"")
                .build();
    }

    /** The provider, once the caller may read its statement: a provider role only its own provider's. */
    private Provider allowed(String code) {
        caller.require("statements.read");
        Set<Role> roles = permissions.rolesFor("statements.read");
        boolean ok = caller.grants().stream().anyMatch(g -> roles.contains(g.role())
                && (g.role().scope() != Role.Scope.PROVIDER || code.equals(g.providerCode())));
        if (!ok) {
            throw new ProblemException(403, "FORBIDDEN");
        }
        return QuarkusTransaction.requiringNew().call(() -> Provider.byCode(code))
                .orElseThrow(() -> ProblemException.notFound("provider", code));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
