package cn.kehou.server.settlement;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/**
 * A school's settlement for its finance office (学校财务): every month's payout of its basic-care
 * income with the payout file, a link to that month's reconciliation, and a form to settle a month
 * (as POST /api/t/{tenant}/settlements/{period}). Texts in the {@code recon} bundle.
 */
@Path("/t/{tenant}/schools/{school}/settlements")
@Produces(MediaType.TEXT_HTML)
public class SettlementPages {

    @Inject
    PortalSession session;
    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    SettlementRun run;
    @Inject
    SettlementResource api;

    public record Page(String school, String schoolName, String base, List<SettlementRun.PeriodPayout> payouts, boolean canRun,
                       String ran, int written, String problemTitle, String problemDetail) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settlements(Shell shell, Page page);
    }

    @GET
    public TemplateInstance show(@PathParam("tenant") String code, @PathParam("school") String school,
                                 @QueryParam("ran") String ran, @QueryParam("written") int written) {
        Shell shell = session.enter(code);
        return page(shell, code, school, ran, written, null, null);
    }

    @POST
    public Response settle(@PathParam("tenant") String code, @PathParam("school") String school, @RestForm String period,
                           @HeaderParam("HX-Request") String htmx) {
        Shell shell = session.enter(code);
        school(school, "settlements.run");
        SettlementRun.Result result;
        try {
            result = api.run(period == null ? "" : period.strip());
        } catch (ProblemException p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            boolean en = shell.lang().english();
            String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(shell, code, school, null, 0, ProblemMessages.title(p.code(), en), detail)).build();
        }
        String target = base(code, school) + "?ran=" + result.period() + "&written=" + result.entriesWritten();
        return "true".equals(htmx) ? Response.ok().header("HX-Redirect", target).build() : Response.seeOther(URI.create(target)).build();
    }

    /** The school's payout file of one month (as GET /api/t/{tenant}/settlements/{period}/payouts/{school}.csv). */
    @GET
    @Path("/{period}/payout.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@PathParam("tenant") String code, @PathParam("school") String schoolCode, @PathParam("period") String period) {
        session.enter(code);
        School school = school(schoolCode, "settlements.read");
        return api.csv(period, school.id.toString());
    }

    private TemplateInstance page(Shell shell, String code, String schoolCode, String ran, int written, String problemTitle,
                                  String problemDetail) {
        School school = school(schoolCode, "settlements.read");
        List<SettlementRun.PeriodPayout> payouts = QuarkusTransaction.joiningExisting().call(() -> run.payoutsTo(school.id));
        boolean canRun;
        try {
            caller.requireAtSchool("settlements.run", school.id);
            canRun = true;
        } catch (ProblemException e) {
            canRun = false;
        }
        Page page = new Page(school.code, school.nameZh, base(code, schoolCode), payouts, canRun, ran, written, problemTitle, problemDetail);
        return Templates.settlements(shell, page).setLocale(shell.lang().locale());
    }

    private School school(String code, String permission) {
        School school = QuarkusTransaction.joiningExisting().call(() -> School.<School>find("code = ?1 and tenantId = ?2", code,
                tenant.requireTenantId()).firstResultOptional().orElseThrow(() -> ProblemException.notFound("school", code)));
        caller.requireAtSchool(permission, school.id);
        return school;
    }

    static String base(String tenant, String school) {
        return PortalPath.PREFIX + tenant + "/schools/" + school + "/settlements";
    }
}
