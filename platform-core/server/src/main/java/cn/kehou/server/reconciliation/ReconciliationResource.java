package cn.kehou.server.reconciliation;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A school's monthly reconciliation (台账对账, {@link SchoolReconciliations}): read it (school
 * finance and school admin at their school, bureau tenant-wide), enter the school's own figures as
 * JSON or as the CSV it downloaded and filled in, and confirm it (the school's finance office).
 */
@Path("/api/t/{tenant}/schools/{school}/reconciliations/{period}")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;
    @Inject
    SchoolReconciliations reconciliations;

    /** The school's figures, code → value (fen for money, a count for counts), and an optional note. */
    public record Figures(Map<String, Long> figures, String note) {
    }

    public record Confirmation(String note) {
    }

    @GET
    @Transactional
    public SchoolReconciliations.View read(@PathParam("school") String school, @PathParam("period") String period) {
        return reconciliations.view(school(school, "reconciliations.read"), SchoolReconciliations.period(period));
    }

    @GET
    @Path("figures.csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@PathParam("school") String schoolCode, @PathParam("period") String period) {
        YearMonth p = SchoolReconciliations.period(period);
        School school = school(schoolCode, "reconciliations.read");
        return Response.ok("\uFEFF" + FiguresCsv.write(reconciliations.view(school, p)))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + school.code + "-" + p + ".csv\"")
                .build();
    }

    @PUT
    @Path("school-figures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SchoolReconciliations.View enter(@PathParam("school") String school, @PathParam("period") String period, Figures body) {
        School s = school(school, "reconciliations.record");
        Map<String, Long> figures = body == null || body.figures() == null ? Map.of() : body.figures();
        return reconciliations.enter(s, SchoolReconciliations.period(period), figures, body == null ? null : body.note(),
                caller.username());
    }

    @POST
    @Path("school-figures.csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Transactional
    public SchoolReconciliations.View upload(@PathParam("school") String school, @PathParam("period") String period, String csv) {
        School s = school(school, "reconciliations.record");
        YearMonth p = SchoolReconciliations.period(period);
        Map<String, PlatformFigures.Unit> units = new LinkedHashMap<>();
        reconciliations.view(s, p).lines().forEach(l -> units.put(l.code(), l.unit()));
        return reconciliations.enter(s, p, FiguresCsv.read(csv == null ? "" : csv, units), null, caller.username());
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SchoolReconciliations.View confirm(@PathParam("school") String school, @PathParam("period") String period,
                                              Confirmation body) {
        School s = school(school, "reconciliations.record");
        return reconciliations.confirm(s, SchoolReconciliations.period(period), body == null ? null : body.note(), caller.username());
    }

    /** The school in the request's tenant, once the caller may act on it; another tenant's school is a 404. */
    School school(String code, String permission) {
        caller.require(permission);
        School school = School.<School>find("code = ?1 and tenantId = ?2", code, tenant.requireTenantId())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("school", code));
        caller.requireAtSchool(permission, school.id);
        return school;
    }
}
