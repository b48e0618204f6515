package cn.kehou.server.reports;

import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.problem.ProblemMessages;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The region's regulator reports (issue 13 §5) and the bureau dashboard (§6) over the API. Both
 * read the tenant's own data and, for a bureau, its descendants' (row-level security; a child
 * tenant's bureau is not admitted into its parent at all).
 */
@Path("/api/t/{tenant}")
public class ReportResource {

    @Inject
    Caller caller;
    @Inject
    Reports reports;
    @Inject
    Dashboard dashboard;
    @Inject
    Clock clock;

    public record ReportView(String code, String titleZh, String titleEn, ReportDefinition.Period period,
                             ReportDefinition.FileType fileType, List<ReportDefinition.Column> columns, boolean published,
                             String citation) {
        static ReportView of(ReportDefinition d) {
            return new ReportView(d.code(), d.titleZh(), d.titleEn(), d.period(), d.fileType(), d.columns(), d.published(),
                    d.citation());
        }
    }

    @GET
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ReportView> list(@PathParam("tenant") String code) {
        caller.require("report.read");
        return reports.definitions(tenant(code)).stream().map(ReportView::of).toList();
    }

    /** One report for {@code [from, to]} (default: this term so far) as a file; each download is recorded. */
    @GET
    @Path("/reports/{code}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "text/csv",
            MediaType.APPLICATION_JSON})
    @Transactional
    public Response generate(@PathParam("tenant") String code, @PathParam("code") String report,
                             @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                             @QueryParam("format") String format, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        caller.require("report.read");
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? termStart(end) : from;
        boolean english = english(lang, headers);
        return file(reports.generate(tenant(code), null, report, start, end, format(format), english, caller.username()));
    }

    /** The reports the region publishes (公示), which a school's own staff may build for their school. */
    @GET
    @Path("/schools/{school}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ReportView> schoolList(@PathParam("tenant") String code, @PathParam("school") String schoolCode) {
        School school = ownSchool(code, schoolCode);
        caller.requireAtSchool("report.school", school.id);
        return reports.published(tenant(code)).stream().map(ReportView::of).toList();
    }

    /** A published report built from one school's data alone; an unpublished one is not there (404). */
    @GET
    @Path("/schools/{school}/reports/{code}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf", "text/csv",
            MediaType.APPLICATION_JSON})
    @Transactional
    public Response schoolReport(@PathParam("tenant") String code, @PathParam("school") String schoolCode,
                                 @PathParam("code") String report, @QueryParam("from") LocalDate from,
                                 @QueryParam("to") LocalDate to, @QueryParam("format") String format,
                                 @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        School school = ownSchool(code, schoolCode);
        caller.requireAtSchool("report.school", school.id);
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? termStart(end) : from;
        boolean english = english(lang, headers);
        return file(reports.generate(tenant(code), school, report, start, end, format(format), english, caller.username()));
    }

    private static Response file(Reports.GeneratedReport file) {
        return download(file.bytes(), file.format(), file.fileName()).header("X-Report-Run", file.run())
                .header("X-Report-Sha256", file.fileSha256()).build();
    }

    /** A school the request can see that belongs to the path's tenant itself (its report is recorded there). */
    private static School ownSchool(String tenantCode, String schoolCode) {
        School school = School.require(schoolCode);
        if (!school.tenantId.equals(tenant(tenantCode).id)) {
            throw ProblemException.notFound("school", schoolCode);
        }
        return school;
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Dashboard.View dashboard(@PathParam("tenant") String code, @QueryParam("from") LocalDate from,
                                    @QueryParam("to") LocalDate to) {
        caller.require("dashboard.read");
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? termStart(end) : from;
        reports.checkPeriod(start, end);
        return dashboard.of(tenant(code), start, end);
    }

    /** One dashboard table ({@code tenants}, {@code schools} or {@code filings}) as CSV or XLSX. */
    @GET
    @Path("/dashboard/{table}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.APPLICATION_JSON})
    @Transactional
    public Response exportTable(@PathParam("tenant") String code, @PathParam("table") String table,
                                @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                @QueryParam("format") String format, @QueryParam("lang") String lang,
                                @Context HttpHeaders headers) {
        Dashboard.View view = dashboard(code, from, to);
        boolean english = english(lang, headers);
        ReportFiles.Format f = format(format == null ? "xlsx" : format);
        ReportFiles.Sheet sheet = DashboardTables.sheet(view, table, english);
        return download(ReportFiles.render(f, sheet), f, code + "-dashboard-" + table + "-" + view.from() + "-" + view.to()
                + "." + f.extension).build();
    }

    /** Headers in English when {@code lang} says so, else as the request's Accept-Language prefers. */
    static boolean english(String lang, HttpHeaders headers) {
        return lang == null ? ProblemMessages.prefersEnglish(headers) : lang.toLowerCase(Locale.ROOT).startsWith("en");
    }

    static Response.ResponseBuilder download(byte[] bytes, ReportFiles.Format format, String fileName) {
        return Response.ok(bytes, format.mediaType).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /** xlsx, pdf or csv (any case); null means the region's own format; anything else is refused. */
    static ReportFiles.Format format(String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        try {
            return ReportFiles.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "REPORT_FORMAT_UNKNOWN", format.length() > 20 ? format.substring(0, 20) : format);
        }
    }

    /** The first day of the school term {@code day} falls in: 1 September, or 1 February for the spring term. */
    static LocalDate termStart(LocalDate day) {
        if (day.getMonthValue() >= 9) {
            return LocalDate.of(day.getYear(), 9, 1);
        }
        if (day.getMonthValue() >= 2) {
            return LocalDate.of(day.getYear(), 2, 1);
        }
        return LocalDate.of(day.getYear() - 1, 9, 1);
    }

    static Tenant tenant(String code) {
        return Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
    }
}
