package cn.kehou.server.policy;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.server.catalog.ServiceSchedule;
import cn.kehou.server.identity.Caller;
import cn.kehou.server.plugins.PolicyVersion;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.plugins.ScheduleCheck;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dated policy changes: a bureau previews what a change would refuse — every affected school's
 * schedules checked day by day under the new policy — then activates it from a future date.
 * History is kept; activation is audited with what changed.
 */
@Path("/api/t/{tenant}/policy/versions")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyChangeResource {

    @Inject
    Caller caller;
    @Inject
    RegionPolicies policies;
    @Inject
    ScheduleCheck check;
    @Inject
    TenantTree tree;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** The tenant's whole policy from {@code effectiveFrom}: its own plugin (null inherits) and config. */
    public record Change(@NotNull LocalDate effectiveFrom, @Size(max = 63) String plugin, Map<String, String> pluginConfig,
                         @Size(max = 500) String note) {
        Map<String, String> config() {
            return pluginConfig == null ? Map.of() : pluginConfig;
        }
    }

    public record VersionView(LocalDate effectiveFrom, String plugin, Map<String, String> pluginConfig, String activatedBy,
                              OffsetDateTime activatedAt, String note) {
    }

    /** A schedule the change would refuse, from which day, and why. */
    public record Affected(String tenant, String school, UUID schedule, String kind, LocalTime start, LocalTime end,
                           LocalDate firstRefused, int daysRefused, boolean refusedToday, List<Reason> reasons) {
    }

    public record Preview(String tenant, LocalDate effectiveFrom, int schedulesChecked, List<Affected> refused) {
    }

    @GET
    @Transactional
    public List<VersionView> history(@PathParam("tenant") String code) {
        caller.require("policy.read");
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        List<VersionView> views = new ArrayList<>();
        views.add(new VersionView(null, tenant.pluginId, tenant.pluginConfig, "descriptor", null, "initial policy"));
        PolicyVersion.<PolicyVersion>list("tenantId = ?1 order by effectiveFrom", tenant.id).forEach(v ->
                views.add(new VersionView(v.effectiveFrom, v.pluginId, v.pluginConfig, v.activatedBy, v.activatedAt, v.note)));
        return views;
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Preview preview(@PathParam("tenant") String code, @Valid @NotNull Change change) {
        caller.require("policy.manage");
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        validate(tenant, change);
        return previewOf(tenant, change);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response activate(@PathParam("tenant") String code, @Valid @NotNull Change change) {
        caller.require("policy.manage");
        Tenant tenant = Tenant.byCode(code).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (!change.effectiveFrom().isAfter(today)) {
            // Today's answers never change under a running day: a change starts tomorrow at the earliest.
            throw new ProblemException(400, "EFFECTIVE_DATE_NOT_FUTURE", today.plusDays(1));
        }
        if (PolicyVersion.count("tenantId = ?1 and effectiveFrom = ?2", tenant.id, change.effectiveFrom()) > 0) {
            throw new ProblemException(409, "POLICY_VERSION_EXISTS", change.effectiveFrom());
        }
        validate(tenant, change);
        Preview preview = previewOf(tenant, change);
        RegionPolicies.Resolution before = policies.timeline(tenant, null).on(change.effectiveFrom());
        PolicyVersion v = new PolicyVersion();
        v.id = UUID.randomUUID();
        v.tenantId = tenant.id;
        v.effectiveFrom = change.effectiveFrom();
        v.pluginId = change.plugin();
        v.pluginConfig = new HashMap<>(change.config());
        v.activatedBy = caller.username();
        v.activatedAt = OffsetDateTime.now(clock);
        v.note = change.note();
        v.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("effectiveFrom", change.effectiveFrom().toString());
        detail.put("before", Map.of("plugin", String.valueOf(before.pluginId()), "config", valuesOf(before)));
        detail.put("after", Map.of("plugin", String.valueOf(change.plugin()), "config", change.config()));
        detail.put("schedulesRefused", preview.refused().size());
        audit.record(tenant.id, caller.username(), "policy.activate", "tenant:" + code, detail);
        return Response.status(201).entity(preview).build();
    }

    private void validate(Tenant tenant, Change change) {
        if (change.plugin() != null) {
            policies.validateConfig(change.plugin(), change.config());
        } else if (!change.config().isEmpty()) {
            Tenant parent = tenant.parentId == null ? null : Tenant.findById(tenant.parentId);
            if (parent == null) {
                throw new ProblemException(400, "TENANT_NOT_READY", tenant.code, "config without a plugin to inherit");
            }
            RegionPolicies.Resolution inherited = policies.timeline(parent, null).on(change.effectiveFrom());
            if (!inherited.ready()) {
                throw new ProblemException(503, "TENANT_NOT_READY", parent.code, inherited.problem());
            }
            policies.validateConfig(inherited.pluginId(), change.config());
        }
    }

    /** Every schedule of the tenant and its descendants still running on or after the change, checked under it. */
    private Preview previewOf(Tenant tenant, Change change) {
        RegionPolicies.PolicyChange hypothetical = new RegionPolicies.PolicyChange(tenant.id, change.effectiveFrom(),
                change.plugin(), change.config());
        LocalDate today = LocalDate.now(clock);
        List<ServiceSchedule> schedules = ServiceSchedule.list("validTo >= ?1", change.effectiveFrom());
        Map<UUID, RegionPolicies.Timeline> timelines = new HashMap<>();
        List<Affected> refused = new ArrayList<>();
        int checked = 0;
        for (ServiceSchedule s : schedules) {
            if (!tree.isAncestorOrSelf(tenant.id, s.tenantId)) {
                continue;
            }
            checked++;
            RegionPolicies.Timeline timeline = timelines.computeIfAbsent(s.tenantId,
                    id -> policies.timeline(Tenant.findById(id), hypothetical));
            School school = School.findById(s.schoolId);
            LocalDate from = s.validFrom.isAfter(change.effectiveFrom()) ? s.validFrom : change.effectiveFrom();
            ScheduleCheck.Verdict verdict = check.check(timeline, school, new ServiceSession(s.kind, s.start, s.end),
                    s.dayOfWeekSet(), from, s.validTo);
            if (!verdict.allowed()) {
                ScheduleCheck.DayRefusal first = verdict.refusals().get(0);
                Tenant owner = Tenant.findById(s.tenantId);
                boolean refusedToday = !policies.timeline(owner, null).on(today).ready() || !check.check(policies.timeline(owner, null),
                        school, new ServiceSession(s.kind, s.start, s.end), s.dayOfWeekSet(), first.date(), first.date()).allowed();
                refused.add(new Affected(owner.code, school.code, s.id, s.kind.name(), s.start, s.end, first.date(),
                        verdict.refusals().size(), refusedToday, first.reasons()));
            }
        }
        refused.sort(Comparator.comparing(Affected::school).thenComparing(Affected::start));
        return new Preview(tenant.code, change.effectiveFrom(), checked, refused);
    }

    private static Map<String, String> valuesOf(RegionPolicies.Resolution r) {
        Map<String, String> values = new LinkedHashMap<>();
        r.config().forEach((k, v) -> values.put(k, v.value()));
        return values;
    }
}
