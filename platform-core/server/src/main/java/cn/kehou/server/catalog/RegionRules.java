package cn.kehou.server.catalog;

import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.server.plugins.PluginOutput;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * The catalog's questions to a school's regional plugin, each asked with the policy in force on the
 * day in question and answered through {@link RegionPolicies#ask} (which distrusts the answer).
 * A refusal becomes a problem carrying the plugin's own code, text and citation.
 */
@ApplicationScoped
class RegionRules {

    @Inject
    RegionPolicies policies;

    /** The policy for {@code school} on {@code day}; a tenant without one does not run (503). */
    RegionPolicies.Resolution on(School school, LocalDate day) {
        RegionPolicies.Resolution r = policies.timeline(CatalogSchools.tenantOf(school), null).on(day);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem() + " (on " + day + ")");
        }
        return r;
    }

    <P, R> R ask(School school, LocalDate day, Class<P> point, Function<P, Function<PolicyContext, R>> question) {
        RegionPolicies.Resolution r = on(school, day);
        PolicyContext ctx = policies.context(r, school, day);
        return policies.ask(r, point, p -> question.apply(p).apply(ctx));
    }

    boolean implementsPoint(School school, LocalDate day, Class<?> point) {
        return policies.implementsPoint(on(school, day), point);
    }

    Decision content(School school, LocalDate day, CourseContent content) {
        return PluginOutput.decision(ask(school, day, ComplianceRules.class, p -> ctx -> p.checkContent(ctx, content)));
    }

    FeeDecision price(School school, LocalDate day, FeeRequest request) {
        FeeDecision d = PluginOutput.fee(ask(school, day, FeeSchedule.class, p -> ctx -> p.price(ctx, request)));
        PluginOutput.decision(d.decision());
        if (d.allowed() && d.priceFen() != request.proposedPerTermFen()) {
            throw new ProblemException(500, "PLUGIN_FAILED", "?",
                    "the plugin priced " + d.priceFen() + " fen when asked about " + request.proposedPerTermFen());
        }
        return d;
    }

    Decision planFiling(School school, LocalDate day, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        return PluginOutput.decision(ask(school, day, ComplianceRules.class,
                p -> ctx -> p.checkPlanFiling(ctx, termStart, filedOrApprovedOn, approved)));
    }

    HolidayCareRules holidayCare(School school, LocalDate day) {
        HolidayCareRules rules = ask(school, day, HolidayCarePolicy.class, p -> ctx -> p.rules(ctx));
        if (rules.citation() == null || rules.citation().isBlank()) {
            throw new ProblemException(500, "PLUGIN_FAILED", "?", "holiday-care rules without a citation");
        }
        return rules;
    }

    /** Throws the first refusing reason of {@code decision} as a 422 problem with the plugin's citation. */
    static void refuseUnless(Decision decision) {
        if (decision.refused()) {
            throw refusal(decision.reasons().get(0));
        }
    }

    static ProblemException refusal(Reason r) {
        return ProblemException.withText(422, r.code(), r.messageZh(), r.messageEn(), r.citation());
    }
}
