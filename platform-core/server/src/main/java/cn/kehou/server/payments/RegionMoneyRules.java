package cn.kehou.server.payments;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.ProviderCourse;
import cn.kehou.server.plugins.PluginOutput;
import cn.kehou.server.plugins.RegionPolicies;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;

/**
 * The money questions to a school's regional plugin (FeeSchedule, FundsFlow), asked with the
 * policy in force on the day, through {@link RegionPolicies#ask}, and checked before the books see
 * the answer: the price must be the fee asked about, a refund between zero and what was paid.
 */
@ApplicationScoped
public class RegionMoneyRules {

    @Inject
    RegionPolicies policies;

    /** The policy for one school on one day. */
    public record At(RegionPolicies.Resolution policy, PolicyContext ctx) {
        public String pluginId() {
            return policy.pluginId();
        }
    }

    public At at(School school, LocalDate day) {
        Tenant tenant = Tenant.findById(school.tenantId);
        RegionPolicies.Resolution r = policies.timeline(tenant, null).on(day);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem());
        }
        return new At(r, policies.context(r, school, day));
    }

    /**
     * The plugin's price for one student's term, or the plugin's refusal as a 422 problem with its
     * own code, text and citation (e.g. 004's cap: FEE_ABOVE_CAP, 004 §四(五)).
     */
    public FeeDecision price(At at, OfferedService s, Set<PriorityGroup> groups) {
        ProviderCourse course = s.providerCourseId == null ? null : ProviderCourse.findById(s.providerCourseId);
        FeeRequest request = new FeeRequest(s.kind, s.feeFen, s.dailyMinutes(), groups, s.providerId != null,
                course == null ? null : course.offCampusFen, s.feeCostedOn);
        FeeDecision d = PluginOutput.fee(policies.ask(at.policy(), FeeSchedule.class, p -> p.price(at.ctx(), request)));
        PluginOutput.decision(d.decision());
        if (!d.allowed()) {
            Reason r = d.reasons().get(0);
            throw ProblemException.withText(422, r.code(), r.messageZh(), r.messageEn(), r.citation());
        }
        if (d.priceFen() != s.feeFen) {
            throw new ProblemException(500, "PLUGIN_FAILED", at.pluginId(),
                    "priced " + d.priceFen() + " fen when asked about " + s.feeFen);
        }
        return d;
    }

    public Optional<Period> recostingInterval(At at) {
        return policies.ask(at.policy(), FeeSchedule.class, p -> p.recostingInterval(at.ctx()));
    }

    public FundsRoute route(At at, OfferedService s) {
        return policies.ask(at.policy(), FundsFlow.class, p -> p.route(at.ctx(), s.kind, s.providerId != null));
    }

    /**
     * The region's refund of {@code paidFen} when {@code delivered} of {@code sessions} sessions
     * were (or will be) given: FundsFlow.refund, between zero and the amount.
     */
    public long refund(At at, ServiceKind kind, long paidFen, int sessions, int delivered) {
        if (paidFen == 0) {
            return 0;
        }
        int paid = Math.max(sessions, 1);
        RefundRequest request = new RefundRequest(kind, paidFen, paid, Math.min(delivered, paid));
        long refund = policies.ask(at.policy(), FundsFlow.class, p -> p.refund(at.ctx(), request));
        if (refund < 0 || refund > paidFen) {
            throw new ProblemException(500, "PLUGIN_FAILED", at.pluginId(),
                    "refunded " + refund + " fen of " + paidFen);
        }
        return refund;
    }
}
