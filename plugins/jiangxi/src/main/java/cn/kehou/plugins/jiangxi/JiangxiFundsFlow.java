package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/**
 * 003 §八: the school collects the service fee (服务性收费 or 代收费) and spends it mainly on the
 * stipends of the teachers and staff who take part; outside staff are paid as labour fees (劳务费).
 */
@Extension
public class JiangxiFundsFlow implements FundsFlow {

    @Override
    public FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse) {
        // 003 §八: 对聘请校外人员提供课后服务的，课后服务补助可按劳务费管理 — a bought-in course
        // (§五 购买服务) pays the outside provider; API 1.0 cannot say "as a labour fee" (see RULES.md)
        if (providerCourse) {
            return FundsRoute.whole(CollectingAccount.SCHOOL_FINANCE_ACCOUNT, FundsRoute.Recipient.PROVIDER,
                    JiangxiRule.FEES_PAY_STIPENDS.citation);
        }
        // 003 §八: 课后服务经费主要用于支付参与课后服务教师和相关人员的补助 — the school pays its teachers
        return FundsRoute.whole(CollectingAccount.SCHOOL_FINANCE_ACCOUNT, FundsRoute.Recipient.SCHOOL,
                JiangxiRule.FEES_PAY_STIPENDS.citation);
    }

    @Override
    public long refund(PolicyContext ctx, RefundRequest request) {
        // 003 §八: 成本分担机制 — a family shares the cost of the service delivered only; the
        // delivered share is rounded down, so rounding favours the family
        long delivered = request.paidFen() * request.sessionsDelivered() / request.sessionsPaid();
        return request.paidFen() - delivered;
    }
}
