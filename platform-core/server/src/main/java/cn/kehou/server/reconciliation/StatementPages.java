package cn.kehou.server.reconciliation;

import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.settlement.SettlementRun;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;

/**
 * A provider's monthly statement for its administrator (服务机构对账单): lessons delivered per school,
 * the contracted share, payable and paid, and the CSV — through {@link StatementResource}, as the API.
 */
@Path("/t/{tenant}/providers/{provider}/statements")
@Produces(MediaType.TEXT_HTML)
public class StatementPages {

    @Inject
    PortalSession session;
    @Inject
    StatementResource api;
    @Inject
    Clock clock;

    public record Page(ProviderStatements.Statement statement, String base) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statement(Shell shell, Page page);
    }

    @GET
    public Response latest(@PathParam("tenant") String code, @PathParam("provider") String provider, @QueryParam("period") String period) {
        session.enter(code);
        String p = period != null && !period.isBlank() ? SchoolReconciliations.period(period.strip()).toString()
                : YearMonth.now(clock.withZone(SettlementRun.CHINA)).minusMonths(1).toString();
        return Response.seeOther(URI.create(base(code, provider) + "/" + p)).build();
    }

    @GET
    @Path("/{period}")
    public TemplateInstance show(@PathParam("tenant") String code, @PathParam("provider") String provider,
                                 @PathParam("period") String period) {
        Shell shell = session.enter(code);
        return Templates.statement(shell, new Page(api.read(provider, period), base(code, provider))).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/{period}/statement.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@PathParam("tenant") String code, @PathParam("provider") String provider, @PathParam("period") String period) {
        session.enter(code);
        return api.csv(provider, period);
    }

    static String base(String tenant, String provider) {
        return PortalPath.PREFIX + tenant + "/providers/" + provider + "/statements";
    }
}
