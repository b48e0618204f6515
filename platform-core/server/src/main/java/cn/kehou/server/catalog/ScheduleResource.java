package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.plugins.ScheduleCheck;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's service schedules. Every schedule is checked by the tenant's regional plugin when
 * saved, day by day with the policy in force each day, and refused with the plugin's code and
 * citation.
 */
@Path("/api/t/{tenant}/schools/{school}/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    RegionPolicies policies;
    @Inject
    ScheduleCheck check;
    @Inject
    AuditLog audit;

    public record NewSchedule(@NotNull ServiceKind kind, @NotNull LocalTime start, @NotNull LocalTime end,
                              @NotEmpty Set<DayOfWeek> days, @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    public record ScheduleView(UUID id, ServiceKind kind, LocalTime start, LocalTime end, Set<DayOfWeek> days,
                               LocalDate validFrom, LocalDate validTo) {
        static ScheduleView of(ServiceSchedule s) {
            return new ScheduleView(s.id, s.kind, s.start, s.end, s.dayOfWeekSet(), s.validFrom, s.validTo);
        }
    }

    @GET
    @Transactional
    public List<ScheduleView> list(@PathParam("school") String schoolCode) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("schedule.read", school.id);
        return ServiceSchedule.<ServiceSchedule>list("schoolId = ?1 order by validFrom, kind", school.id).stream()
                .map(ScheduleView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@PathParam("tenant") String tenantCode, @PathParam("school") String schoolCode,
                           @Valid @NotNull NewSchedule body) {
        School school = School.require(schoolCode);
        caller.requireAtSchool("schedule.manage", school.id);
        if (!body.end().isAfter(body.start())) {
            throw new ProblemException(400, "WINDOW_ENDS_BEFORE_START");
        }
        Tenant tenant = Tenant.byCode(tenantCode).orElseThrow();
        if (!school.tenantId.equals(tenant.id)) {
            // A bureau sees its districts' schools, but a schedule is saved in the school's own tenant.
            throw ProblemException.notFound("school", schoolCode);
        }
        ScheduleCheck.Verdict verdict = check.check(policies.timeline(tenant, null), school,
                new ServiceSession(body.kind(), body.start(), body.end()), body.days(), body.validFrom(), body.validTo());
        if (!verdict.allowed()) {
            throw verdict.asProblem();
        }
        ServiceSchedule s = new ServiceSchedule();
        s.id = UUID.randomUUID();
        s.tenantId = tenantContext.requireTenantId();
        s.schoolId = school.id;
        s.kind = body.kind();
        s.start = body.start();
        s.end = body.end();
        s.days = body.days().stream().map(Enum::name).sorted().toArray(String[]::new);
        s.validFrom = body.validFrom();
        s.validTo = body.validTo();
        s.createdBy = caller.username();
        s.persist();
        audit.record(s.tenantId, caller.username(), "schedule.create", "school:" + schoolCode, ScheduleView.of(s));
        return Response.status(201).entity(ScheduleView.of(s)).build();
    }

}
