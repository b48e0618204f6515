package cn.kehou.server.plugins;

import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.RuleInfo;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The effective regional rules for a tenant or school — which plugin, which config, from where. */
@Path("/api/t/{tenant}/policy")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    static final List<Class<?>> POINTS = List.of(ServiceWindowPolicy.class, FeeSchedule.class, FundsFlow.class,
            MealAndNapPolicy.class, HolidayCarePolicy.class, EnrollmentRules.class, ComplianceRules.class, ReportFormat.class);

    @Inject
    RegionPolicies policies;
    @Inject
    Caller caller;
    @Inject
    ScheduleCheck scheduleCheck;
    @Inject
    Clock clock;

    public record PolicyView(String tenant, String pluginId, String pluginVersion, String inheritedFrom,
                             Map<String, RegionPolicies.ConfigValue> config, List<String> extensionPoints,
                             List<RuleInfo> rules, Map<ServiceKind, WindowRules> windows) {
    }

    public record WindowCheck(@NotBlank String school, @NotNull ServiceKind kind, @NotNull LocalTime start,
                              @NotNull LocalTime end, @NotNull LocalDate from, @NotNull LocalDate to,
                              Set<DayOfWeek> days) {
    }

    @GET
    @Transactional
    public PolicyView get(@PathParam("tenant") String code, @QueryParam("school") String schoolCode,
                          @QueryParam("date") LocalDate date) {
        caller.require("policy.read");
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        RegionPolicies.Resolution r = policies.timeline(tenant, null).on(day);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", tenant.code, r.problem());
        }
        School school = schoolCode == null ? null : School.require(schoolCode);
        PolicyContext ctx = policies.context(r, school, day);
        Map<ServiceKind, WindowRules> windows = new LinkedHashMap<>();
        if (policies.implementsPoint(r, ServiceWindowPolicy.class)) {
            for (ServiceKind kind : ServiceKind.values()) {
                WindowRules rules = policies.ask(r, ServiceWindowPolicy.class, p -> p.rulesFor(ctx, kind));
                windows.put(kind, PluginOutput.window(rules));
            }
        }
        List<String> points = POINTS.stream().filter(p -> policies.implementsPoint(r, p)).map(Class::getSimpleName).toList();
        List<RuleInfo> rules = policies.descriptor(r).map(d -> d.rules()).orElse(List.of());
        return new PolicyView(tenant.code, r.pluginId(), r.pluginVersion(), r.boundAt(), r.config(), points, rules, windows);
    }

    /**
     * Checks a service window at a school for every service day from {@code from} to {@code to}
     * (a rule may change with the season, so each day is asked), listing each refused day.
     */
    @POST
    @Path("/window-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ScheduleCheck.Verdict checkWindow(@PathParam("tenant") String code, @Valid @NotNull WindowCheck body) {
        caller.require("policy.read");
        if (!body.end().isAfter(body.start())) {
            throw new ProblemException(400, "WINDOW_ENDS_BEFORE_START");
        }
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        School school = School.require(body.school());
        caller.requireAtSchool("policy.read", school.id);
        Set<DayOfWeek> days = body.days() == null || body.days().isEmpty() ? EnumSet.allOf(DayOfWeek.class) : body.days();
        return scheduleCheck.check(policies.timeline(tenant, null), school, new ServiceSession(body.kind(), body.start(), body.end()),
                days, body.from(), body.to());
    }

}
