package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiRule.FUNDING_MODES;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugins.jiangbei.JiangbeiConfig.FundingMode;
import org.pf4j.Extension;

/**
 * 001 §四(三): the school charges a service fee for its own service, or collects a provider's fee on
 * its behalf (代收费) and passes it on. 001 names no account; the school collects, so its finance
 * account is the one. §五(二)4: only periods delivered are billed.
 */
@Extension
public class JiangbeiFundsFlow implements FundsFlow {

    @Override
    public FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse) {
        // 001 §四(三): 服务性收费或代收费 — on-behalf collection passes a provider's fee on in full;
        // without it the school buys the provider's course itself (§三(五) 购买服务) from its service fee
        boolean onBehalf = providerCourse
                && JiangbeiConfig.fundingModes(ctx.config()).contains(FundingMode.COLLECTION_ON_BEHALF);
        return FundsRoute.whole(CollectingAccount.SCHOOL_FINANCE_ACCOUNT,
                onBehalf ? FundsRoute.Recipient.PROVIDER : FundsRoute.Recipient.SCHOOL, FUNDING_MODES.citation);
    }

    @Override
    public long refund(PolicyContext ctx, RefundRequest request) {
        // 001 §五(二)4: 不得…变相多计收课后服务费用 — sessions not delivered are not billed; the
        // delivered share is rounded down, so rounding favours the family
        long delivered = request.paidFen() * request.sessionsDelivered() / request.sessionsPaid();
        return request.paidFen() - delivered;
    }
}
