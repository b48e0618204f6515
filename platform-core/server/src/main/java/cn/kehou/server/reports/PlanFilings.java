package cn.kehou.server.reports;

import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.catalog.ServicePlan;
import cn.kehou.server.plugins.PluginOutput;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whether each school filed its term plan in time (issue 13 §5 "overdue filings"), as its region's
 * plugin judges it ({@code ComplianceRules.checkPlanFiling}; 001 §四(一): a week before term in
 * Jiangbei). The host never knows a region's deadline; it asks two questions:
 * <ul>
 * <li>the real one — the plan as filed (or approved): allowed means {@link Status#ON_TIME};</li>
 * <li>"had it been filed and approved on day D, would that have been in time?" — with D the day it
 * was actually filed, a refusal means {@link Status#LATE}; with D today and nothing done yet, a
 * refusal means the deadline has passed: {@link Status#OVERDUE}, otherwise {@link Status#PENDING}.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanFilings {

    /** How far past a period's end the dashboard looks for terms whose plans fall due. */
    static final int LOOK_AHEAD_DAYS = 60;

    public enum Status {
        ON_TIME, LATE, OVERDUE, PENDING
    }

    /** One school's term plan and its filing status, with the plugin's reason and citation. */
    public record Filing(UUID tenantId, String schoolCode, String schoolName, String termName, LocalDate termStart,
                         ServicePlan.Status planStatus, LocalDate filedOn, Status status, String reasonZh, String reasonEn,
                         String citation) {
    }

    @Inject
    RegionPolicies policies;
    @Inject
    Clock clock;

    /** The filings of terms starting in {@code [from, to + 60 days]} at {@code schools}, oldest term first. */
    public List<Filing> of(List<School> schools, LocalDate from, LocalDate to) {
        if (schools.isEmpty()) {
            return List.of();
        }
        Map<UUID, School> byId = schools.stream().collect(Collectors.toMap(s -> s.id, s -> s));
        List<SchoolTerm> terms = SchoolTerm.list("schoolId in ?1 and startsOn >= ?2 and startsOn <= ?3",
                byId.keySet(), from, to.plusDays(LOOK_AHEAD_DAYS));
        Map<UUID, ServicePlan> plans = terms.isEmpty() ? Map.of() : ServicePlan.<ServicePlan>list("termId in ?1",
                terms.stream().map(t -> t.id).toList()).stream().collect(Collectors.toMap(p -> p.termId, p -> p));
        LocalDate today = LocalDate.now(clock);
        Map<UUID, RegionPolicies.Resolution> policyOf = new HashMap<>();
        List<Filing> out = new ArrayList<>();
        for (SchoolTerm term : terms) {
            School school = byId.get(term.schoolId);
            RegionPolicies.Resolution r = policyOf.computeIfAbsent(school.tenantId, id -> policy(Tenant.findById(id), today));
            if (!policies.implementsPoint(r, ComplianceRules.class)) {
                continue;
            }
            PolicyContext ctx = policies.context(r, school, today);
            ServicePlan plan = plans.get(term.id);
            out.add(filing(r, ctx, school, term, plan, today));
        }
        out.sort(Comparator.comparing(Filing::termStart).thenComparing(Filing::schoolCode).thenComparing(Filing::termName));
        return out;
    }

    private Filing filing(RegionPolicies.Resolution r, PolicyContext ctx, School school, SchoolTerm term, ServicePlan plan,
                          LocalDate today) {
        LocalDate on = plan == null ? null : plan.filedOrApprovedOn();
        boolean approved = plan != null && plan.status == ServicePlan.Status.APPROVED;
        Decision actual = ask(r, ctx, term.startsOn, on, approved);
        Status status;
        Decision explained = actual;
        if (actual.allowed()) {
            status = Status.ON_TIME;
        } else if (on != null && ask(r, ctx, term.startsOn, on, true).refused()) {
            status = Status.LATE;
        } else if (ask(r, ctx, term.startsOn, today, true).refused()) {
            status = Status.OVERDUE;
        } else {
            status = Status.PENDING;
        }
        Reason reason = explained.reasons().isEmpty() ? null : explained.reasons().get(0);
        return new Filing(school.tenantId, school.code, school.nameZh, term.name, term.startsOn,
                plan == null ? null : plan.status, plan == null ? null : plan.filedOn, status,
                reason == null ? null : reason.messageZh(), reason == null ? null : reason.messageEn(),
                reason == null ? null : reason.citation());
    }

    private Decision ask(RegionPolicies.Resolution r, PolicyContext ctx, LocalDate termStart, LocalDate on, boolean approved) {
        return PluginOutput.decision(policies.ask(r, ComplianceRules.class, p -> p.checkPlanFiling(ctx, termStart, on, approved)));
    }

    private RegionPolicies.Resolution policy(Tenant tenant, LocalDate day) {
        RegionPolicies.Resolution r = policies.timeline(tenant, null).on(day);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem() + " (on " + day + ")");
        }
        return r;
    }
}
