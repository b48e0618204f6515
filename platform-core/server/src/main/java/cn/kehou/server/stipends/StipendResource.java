package cn.kehou.server.stipends;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.PermissionTable;
import cn.kehou.server.identity.Role;
import cn.kehou.server.tenancy.School;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's stipends (issue 12 §3): its finance office or admin sets the rates, records each
 * person's bank card reference and portal account, computes a month, publishes it inside the school
 * (公示, 001) and downloads the bank-card list. The school's staff read a published month.
 */
@Path("/api/t/{tenant}/schools/{school}/stipends")
@Produces(MediaType.APPLICATION_JSON)
public class StipendResource {

    @Inject
    Caller caller;
    @Inject
    PermissionTable permissions;
    @Inject
    StipendRuns runs;

    /** Rates per normal period in fen (1 fen to 1000.00 yuan). */
    public record RateBody(@NotNull @Min(1) @Max(100_000) Long stipendFenPerPeriod,
                           @NotNull @Min(1) @Max(100_000) Long labourFeeFenPerPeriod) {
    }

    /** A portal account of the school and the card reference (bank name, last four digits); blank clears. */
    public record PayeeBody(@Size(max = 63) String username, @Size(max = 50) String bankName,
                            @Pattern(regexp = "^$|^[0-9]{4}$") String cardLast4) {
    }

    @GET
    @Path("rate")
    @Transactional
    public StipendRuns.Rate rate(@PathParam("school") String code) {
        return runs.rate(managed(code));
    }

    @PUT
    @Path("rate")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public StipendRuns.Rate setRate(@PathParam("school") String code, @Valid @NotNull RateBody body) {
        return runs.setRate(managed(code), body.stipendFenPerPeriod(), body.labourFeeFenPerPeriod(), caller.username());
    }

    @GET
    @Path("payees")
    @Transactional
    public List<StipendRuns.Payee> payees(@PathParam("school") String code) {
        return runs.payees(managed(code));
    }

    @PUT
    @Path("payees/{staff}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public StipendRuns.Payee setPayee(@PathParam("school") String code, @PathParam("staff") UUID staff,
                                      @Valid @NotNull PayeeBody body) {
        return runs.setPayee(managed(code), staff, body.username(), body.bankName(), body.cardLast4(), caller.username());
    }

    /** Computes the month's draft (again); a published month is returned unchanged. */
    @POST
    @Path("{period}")
    @Transactional
    public StipendRuns.Run compute(@PathParam("school") String code, @PathParam("period") String period) {
        School school = managed(code);
        return runs.compute(school, StipendRuns.month(period), caller.username());
    }

    /** A manager reads the draft with bank card references; the school's other staff the published list only. */
    @GET
    @Path("{period}")
    @Transactional
    public StipendRuns.Run read(@PathParam("school") String code, @PathParam("period") String period) {
        School school = School.require(code);
        YearMonth month = StipendRuns.month(period);
        if (manages(school)) {
            return runs.read(school, month);
        }
        caller.requireAtSchool("stipends.read", school.id);
        return runs.readPublished(school, month);
    }

    /** Publishes the month inside the school and books it in the ledger; publishing again changes nothing. */
    @POST
    @Path("{period}/publication")
    @Transactional
    public StipendRuns.Run publish(@PathParam("school") String code, @PathParam("period") String period) {
        School school = managed(code);
        return runs.publish(school, StipendRuns.month(period), caller.username());
    }

    /** Records that the published month was paid by bank card; recording it again changes nothing. */
    @POST
    @Path("{period}/payment")
    @Transactional
    public StipendRuns.Run pay(@PathParam("school") String code, @PathParam("period") String period) {
        School school = managed(code);
        return runs.pay(school, StipendRuns.month(period), caller.username());
    }

    @GET
    @Path("{period}/export.csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@PathParam("school") String code, @PathParam("period") String period) {
        StipendRuns.Run run = computed(code, period);
        return Response.ok(StipendExport.csv(run)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"stipends-" + run.school() + "-" + run.period() + ".csv\"").build();
    }

    @GET
    @Path("{period}/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Transactional
    public Response xlsx(@PathParam("school") String code, @PathParam("period") String period) {
        StipendRuns.Run run = computed(code, period);
        return Response.ok(StipendExport.xlsx(run)).type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"stipends-" + run.school() + "-" + run.period() + ".xlsx\"").build();
    }

    private StipendRuns.Run computed(String code, String period) {
        StipendRuns.Run run = runs.read(managed(code), StipendRuns.month(period));
        if (run.status().equals("NONE")) {
            throw new cn.kehou.server.problem.ProblemException(409, "STIPENDS_NOT_COMPUTED", run.period());
        }
        return run;
    }

    /** The school, once the caller may manage its stipends (its admin or finance office). */
    School managed(String code) {
        School school = School.require(code);
        caller.requireAtSchool("stipends.manage", school.id);
        return school;
    }

    boolean manages(School school) {
        Set<Role> allowed = permissions.rolesFor("stipends.manage");
        return caller.grants().stream().anyMatch(g -> allowed.contains(g.role())
                && (g.role().scope() != Role.Scope.SCHOOL || school.id.equals(g.schoolId())));
    }
}
