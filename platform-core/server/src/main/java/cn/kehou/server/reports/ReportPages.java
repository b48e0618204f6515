package cn.kehou.server.reports;

import cn.kehou.server.portal.PortalSession;
import cn.kehou.server.portal.Shell;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The bureau's report page and dashboard (issue 13 §5–7): {@link ReportResource} as pages. Plain
 * links and GET forms, so everything works without JavaScript; the dashboard's charts (ECharts,
 * from its webjar) are drawn from the page's own tables when scripts run.
 */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    /** ECharts from its webjar; the version is the pom's. */
    static final String ECHARTS = "/webjars/echarts/" + webjarVersion() + "/dist/echarts.min.js";

    @Inject
    PortalSession session;
    @Inject
    ReportResource api;
    @Inject
    Reports reports;
    @Inject
    Clock clock;

    /** A period as asked (or the default), and the problem with it if any, in the page's language. */
    public record Period(LocalDate from, LocalDate to, String problem) {
        public String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    /** The reports of a tenant ({@code base} /t/{tenant}) or the published ones of a school (/t/{tenant}/schools/{school}). */
    public record ReportsView(String tenant, String base, String schoolName, Period period, List<ReportResource.ReportView> reports) {
        public String fileUrl(ReportResource.ReportView r, String format) {
            return base + "/reports/" + r.code() + "/file?" + period.query() + "&format=" + format;
        }

        public boolean bureau() {
            return schoolName == null;
        }
    }

    public record DashboardView(String tenant, Period period, Dashboard.View data, String echarts) {
        public String exportUrl(String table, String format) {
            return "/t/" + tenant + "/dashboard/" + table + "?" + period.query() + "&format=" + format;
        }

        public String drillUrl(Dashboard.TenantRow t) {
            return "/t/" + t.code() + "/dashboard?" + period.query();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(Shell shell, ReportsView view);

        static native TemplateInstance dashboard(Shell shell, DashboardView view);
    }

    @GET
    @Path("/reports")
    public TemplateInstance reports(@PathParam("tenant") String code, @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        Shell shell = session.enter(code);
        List<ReportResource.ReportView> list = api.list(code);
        return Templates.reports(shell, new ReportsView(code, "/t/" + code, null, period(from, to, shell), list))
                .setLocale(shell.lang().locale());
    }

    /** A school's published reports (公示, e.g. Yangjiang's ledger), for its own staff. */
    @GET
    @Path("/schools/{school}/reports")
    public TemplateInstance schoolReports(@PathParam("tenant") String code, @PathParam("school") String school,
                                          @QueryParam("from") String from, @QueryParam("to") String to) {
        Shell shell = session.enter(code);
        List<ReportResource.ReportView> list = api.schoolList(code, school);
        cn.kehou.server.tenancy.School s = cn.kehou.server.tenancy.School.require(school);
        String name = shell.lang().english() && s.nameEn != null ? s.nameEn : s.nameZh;
        return Templates.reports(shell, new ReportsView(code, "/t/" + code + "/schools/" + school, name, period(from, to, shell), list))
                .setLocale(shell.lang().locale());
    }

    @GET
    @Path("/schools/{school}/reports/{code}/file")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "text/csv", MediaType.TEXT_HTML})
    public Response schoolFile(@PathParam("tenant") String code, @PathParam("school") String school, @PathParam("code") String report,
                               @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("format") String format) {
        Shell shell = session.enter(code);
        return api.schoolReport(code, school, report, from, to, format, shell.lang().tag(), null);
    }

    @GET
    @Path("/reports/{code}/file")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "text/csv", MediaType.TEXT_HTML})
    public Response file(@PathParam("tenant") String code, @PathParam("code") String report, @QueryParam("from") LocalDate from,
                         @QueryParam("to") LocalDate to, @QueryParam("format") String format) {
        Shell shell = session.enter(code);
        return api.generate(code, report, from, to, format, shell.lang().tag(), null);
    }

    @GET
    @Path("/dashboard")
    public TemplateInstance dashboard(@PathParam("tenant") String code, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        Shell shell = session.enter(code);
        Period period = period(from, to, shell);
        Dashboard.View data = api.dashboard(code, period.from(), period.to());
        return Templates.dashboard(shell, new DashboardView(code, period, data, ECHARTS)).setLocale(shell.lang().locale());
    }

    @GET
    @Path("/dashboard/{table}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.TEXT_HTML})
    public Response export(@PathParam("tenant") String code, @PathParam("table") String table, @QueryParam("from") LocalDate from,
                           @QueryParam("to") LocalDate to, @QueryParam("format") String format) {
        Shell shell = session.enter(code);
        return api.exportTable(code, table, from, to, format, shell.lang().tag(), null);
    }

    /**
     * The period in the form: what was typed if it is a valid period, else the default (this term
     * so far) with the problem shown above the form — a typo shows a message, not an error page.
     */
    private Period period(String from, String to, Shell shell) {
        LocalDate end = LocalDate.now(clock);
        LocalDate start = ReportResource.termStart(end);
        try {
            LocalDate f = from == null || from.isBlank() ? start : LocalDate.parse(from);
            LocalDate t = to == null || to.isBlank() ? end : LocalDate.parse(to);
            reports.checkPeriod(f, t);
            return new Period(f, t, null);
        } catch (java.time.format.DateTimeParseException | ProblemException e) {
            boolean en = shell.lang().english();
            return new Period(start, end, ProblemMessages.title("REPORT_PERIOD_INVALID", en) + "："
                    + ProblemMessages.detail("REPORT_PERIOD_INVALID", en, Reports.MAX_PERIOD_DAYS));
        }
    }

    private static String webjarVersion() {
        String resource = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
        try (java.io.InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: is the echarts webjar a dependency?");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
