package cn.kehou.server.plugins;

import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
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

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
    /** The longest date range one window check evaluates day by day (a school year and a bit). */
    static final int MAX_DAYS = 400;

    @Inject
    RegionPolicies policies;
    @Inject
    Caller caller;

    public record PolicyView(String tenant, String pluginId, String pluginVersion, String inheritedFrom,
                             Map<String, RegionPolicies.ConfigValue> config, List<String> extensionPoints,
                             List<RuleInfo> rules, Map<ServiceKind, WindowRules> windows) {
    }

    public record WindowCheck(@NotBlank String school, @NotNull ServiceKind kind, @NotNull LocalTime start,
                              @NotNull LocalTime end, @NotNull LocalDate from, @NotNull LocalDate to,
                              Set<DayOfWeek> days) {
    }

    /** A refusal on one date, with the plugin's reasons. */
    public record DayRefusal(LocalDate date, List<Reason> reasons) {
    }

    public record WindowVerdict(boolean allowed, int daysChecked, List<DayRefusal> refusals) {
    }

    @GET
    @Transactional
    public PolicyView get(@PathParam("tenant") String code, @QueryParam("school") String schoolCode,
                          @QueryParam("date") LocalDate date) {
        caller.require("policy.read");
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        RegionPolicies.Resolution r = policies.require(tenant);
        LocalDate day = date == null ? LocalDate.now() : date;
        School school = schoolCode == null ? null : school(schoolCode);
        PolicyContext ctx = policies.context(r, school, day);
        Map<ServiceKind, WindowRules> windows = new LinkedHashMap<>();
        if (policies.implementsPoint(r, ServiceWindowPolicy.class)) {
            for (ServiceKind kind : ServiceKind.values()) {
                WindowRules rules = policies.ask(r, ServiceWindowPolicy.class, p -> p.rulesFor(ctx, kind));
                windows.put(kind, PluginOutput.checked(rules));
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
    public WindowVerdict checkWindow(@PathParam("tenant") String code, @Valid @NotNull WindowCheck body) {
        caller.require("policy.read");
        if (!body.end().isAfter(body.start())) {
            throw new ProblemException(400, "WINDOW_ENDS_BEFORE_START");
        }
        if (body.to().isBefore(body.from()) || body.from().plusDays(MAX_DAYS).isBefore(body.to())) {
            throw new ProblemException(400, "DATE_RANGE_INVALID", MAX_DAYS);
        }
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        RegionPolicies.Resolution r = policies.require(tenant);
        School school = school(body.school());
        caller.requireAtSchool("policy.read", school.id);
        Set<DayOfWeek> days = body.days() == null || body.days().isEmpty() ? EnumSet.allOf(DayOfWeek.class) : body.days();
        ServiceSession session = new ServiceSession(body.kind(), body.start(), body.end());
        List<DayRefusal> refusals = new ArrayList<>();
        int checked = 0;
        for (LocalDate d = body.from(); !d.isAfter(body.to()); d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            checked++;
            PolicyContext ctx = policies.context(r, school, d);
            Decision decision = policies.ask(r, ServiceWindowPolicy.class, p -> p.check(ctx, session));
            PluginOutput.checked(decision);
            if (!decision.allowed()) {
                refusals.add(new DayRefusal(d, decision.reasons()));
            }
        }
        return new WindowVerdict(refusals.isEmpty(), checked, refusals);
    }

    private static School school(String code) {
        return School.<School>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("school", code));
    }
}
