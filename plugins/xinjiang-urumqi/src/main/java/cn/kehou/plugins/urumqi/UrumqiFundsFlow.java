package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/** 004 §四(五): fees are public revenue under budget management; §五(一): the finance bureau refunds. */
@Extension
public class UrumqiFundsFlow implements FundsFlow {

    @Override
    public FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse) {
        // 004 §四(五): 收取的课后服务费，纳入预算管理 — outside staff are paid from the budget (§四(四))
        return FundsRoute.whole(CollectingAccount.BUDGET_MANAGEMENT, FundsRoute.Recipient.TREASURY,
                UrumqiRule.BUDGET_MANAGEMENT.citation);
    }

    @Override
    public long refund(PolicyContext ctx, RefundRequest request) {
        // 004 §五(一): 财政部门…及时做好收费收缴退费工作 — sessions not delivered come back; the
        // delivered share is rounded down, so rounding favours the family
        long delivered = request.paidFen() * request.sessionsDelivered() / request.sessionsPaid();
        return request.paidFen() - delivered;
    }
}
