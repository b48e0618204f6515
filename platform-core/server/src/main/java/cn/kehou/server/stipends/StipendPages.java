package cn.kehou.server.stipends;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The stipend pages: a teacher's own stipends and service hours with the certificate download, and
 * the school's page where its finance office or admin sets rates, records bank cards, computes,
 * publishes and downloads a month. Every action goes through {@link StipendResource} and
 * {@link MyStipendResource}, as the API, so the same permission checks and row-level security apply.
 */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class StipendPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    PortalSession session;
    @Inject
    PortalLanguage language;
    @Inject
    StipendResource api;
    @Inject
    MyStipendResource mine;
    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;
    @Inject
    Clock clock;

    /** A refusal shown inline, in the page's language. */
    public record Refusal(String code, String title, String detail) {
    }

    /** The school page's state: the month shown, its run, the rates, the staff and their cards. */
    public record SchoolView(String school, String schoolName, String period, StipendRuns.Rate rate, StipendRuns.Run run,
                             List<StipendRuns.Payee> payees, String publishedAt, Refusal refusal, boolean saved) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Shell shell, MyStipendResource.Mine mine, String certificateUrl);

        static native TemplateInstance school(Shell shell, SchoolView view);
    }

    @GET
    @Path("me/stipends")
    public TemplateInstance myPage(@PathParam("tenant") String code) {
        Shell shell = session.enter(code);
        return Templates.mine(shell, mine.mine(), PortalPath.PREFIX + code + "/me/stipends/certificate.pdf")
                .setLocale(shell.lang().locale());
    }

    @GET
    @Path("me/stipends/certificate.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response certificate(@PathParam("tenant") String code) {
        session.enter(code);
        return mine.certificate();
    }

    @GET
    @Path("schools/{school}/stipends")
    public Response schoolPage(@PathParam("tenant") String code, @PathParam("school") String school,
                               @QueryParam("period") String period, @QueryParam("saved") boolean saved) {
        Shell shell = session.enter(code);
        return page(shell, school, month(period), null, saved, 200);
    }

    @POST
    @Path("schools/{school}/stipends/rate")
    public Response saveRate(@PathParam("tenant") String code, @PathParam("school") String school, @RestForm String period,
                             @RestForm String stipendYuan, @RestForm String labourFeeYuan) {
        Shell shell = session.enter(code);
        YearMonth month = month(period);
        Long stipend = fen(stipendYuan);
        Long labour = fen(labourFeeYuan);
        if (stipend == null || labour == null) {
            return page(shell, school, month, new Refusal("STIPEND_RATE_INVALID", texts(shell).yuanInvalid(), ""), false, 422);
        }
        return act(shell, code, school, month, () -> api.setRate(school, new StipendResource.RateBody(stipend, labour)));
    }

    @POST
    @Path("schools/{school}/stipends/payees/{staff}")
    public Response savePayee(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("staff") UUID staff,
                              @RestForm String period, @RestForm String username, @RestForm String bankName,
                              @RestForm String cardLast4) {
        Shell shell = session.enter(code);
        YearMonth month = month(period);
        String last4 = cardLast4 == null ? "" : cardLast4.strip();
        if (!last4.isEmpty() && !last4.matches("[0-9]{4}")) {
            ProblemException p = new ProblemException(422, "STIPEND_BANK_CARD_INVALID");
            return page(shell, school, month, refusal(shell, p), false, 422);
        }
        return act(shell, code, school, month, () -> api.setPayee(school, staff,
                new StipendResource.PayeeBody(username, bankName, last4)));
    }

    @POST
    @Path("schools/{school}/stipends/compute")
    public Response compute(@PathParam("tenant") String code, @PathParam("school") String school, @RestForm String period) {
        Shell shell = session.enter(code);
        YearMonth month = month(period);
        return act(shell, code, school, month, () -> api.compute(school, month.toString()));
    }

    @POST
    @Path("schools/{school}/stipends/publish")
    public Response publish(@PathParam("tenant") String code, @PathParam("school") String school, @RestForm String period) {
        Shell shell = session.enter(code);
        YearMonth month = month(period);
        return act(shell, code, school, month, () -> api.publish(school, month.toString()));
    }

    @POST
    @Path("schools/{school}/stipends/pay")
    public Response pay(@PathParam("tenant") String code, @PathParam("school") String school, @RestForm String period) {
        Shell shell = session.enter(code);
        YearMonth month = month(period);
        return act(shell, code, school, month, () -> api.pay(school, month.toString()));
    }

    @GET
    @Path("schools/{school}/stipends/{period}/export.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("period") String period) {
        session.enter(code);
        return api.csv(school, period);
    }

    @GET
    @Path("schools/{school}/stipends/{period}/export.xlsx")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.TEXT_HTML})
    public Response xlsx(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("period") String period) {
        session.enter(code);
        return api.xlsx(school, period);
    }

    /** For the home of a service or class teacher: their own page, with the periods published so far. */
    public Waiting myHome(String tenantCode) {
        StpMsg t = texts(language.get().english());
        String detail;
        try {
            detail = t.homeMineDetail(mine.mine().periods());
        } catch (ProblemException p) {
            detail = "";
        }
        String url = PortalPath.PREFIX + tenantCode + "/me/stipends";
        return new Waiting(Waiting.Kind.STIPENDS, List.of(new Waiting.Item(t.homeMine(), detail, url)), null);
    }

    /** For the home of a school's finance office or admin: the school's stipend page. */
    public Waiting schoolHome(String tenantCode, School school) {
        StpMsg t = texts(language.get().english());
        String url = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/stipends";
        return new Waiting(Waiting.Kind.STIPENDS, List.of(new Waiting.Item(t.schoolTitle(), t.homeSchoolDetail(), url)), null);
    }

    private Response act(Shell shell, String code, String school, YearMonth month, Runnable action) {
        try {
            action.run();
        } catch (ProblemException p) {
            if (p.status() == 403 || p.status() == 404 || p.status() >= 500) {
                throw p;
            }
            return page(shell, school, month, refusal(shell, p), false, p.status());
        }
        return Response.seeOther(URI.create(PortalPath.PREFIX + code + "/schools/" + school + "/stipends?period=" + month
                + "&saved=true")).build();
    }

    Response page(Shell shell, String school, YearMonth month, Refusal refusal, boolean saved, int status) {
        StipendRuns.Rate rate = api.rate(school);
        StipendRuns.Run run = api.read(school, month.toString());
        List<StipendRuns.Payee> payees = api.payees(school);
        String publishedAt = run.publishedAt() == null ? ""
                : run.publishedAt().atZoneSameInstant(clock.getZone()).format(WHEN);
        SchoolView view = new SchoolView(school, run.schoolName(), month.toString(), rate, run, payees, publishedAt, refusal, saved);
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(Templates.school(shell, view).setLocale(shell.lang().locale())).build();
    }

    /** The month asked for, else last month (the latest that can be computed). */
    private YearMonth month(String period) {
        return period == null || period.isBlank() ? YearMonth.now(clock).minusMonths(1) : StipendRuns.month(period.strip());
    }

    private static Long fen(String yuan) {
        try {
            long fen = Money.ofYuan(yuan == null ? "" : yuan).fen();
            return fen >= 1 && fen <= 100_000 ? fen : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Refusal refusal(Shell shell, ProblemException p) {
        boolean en = shell.lang().english();
        String detail = p.detail(en) != null ? p.detail(en) : ProblemMessages.detail(p.code(), en, p.args());
        return new Refusal(p.code(), ProblemMessages.title(p.code(), en), detail);
    }

    private static StpMsg texts(Shell shell) {
        return texts(shell.lang().english());
    }

    private static StpMsg texts(boolean english) {
        return english ? MessageBundles.get(StpMsg.class, Localized.Literal.of("en")) : MessageBundles.get(StpMsg.class);
    }
}
