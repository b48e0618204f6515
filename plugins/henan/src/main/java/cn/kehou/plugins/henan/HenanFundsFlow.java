package cn.kehou.plugins.henan;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/** 002 §四(三): every service fee into the school's dedicated finance account, spent only on the service. */
@Extension
public class HenanFundsFlow implements FundsFlow {

    @Override
    public FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse) {
        // 002 §四(三): 课后服务收取的服务费，必须纳入学校财务专户管理、专款专用 — a provider's
        // course too: the school pays outside staff from it under their agreement (双方协议确定劳务报酬)
        return FundsRoute.whole(CollectingAccount.SCHOOL_FINANCE_ACCOUNT, FundsRoute.Recipient.SCHOOL,
                HenanRule.SCHOOL_FINANCE_ACCOUNT.citation);
    }

    @Override
    public long refund(PolicyContext ctx, RefundRequest request) {
        // 002 §四(三): 专款专用，严禁以“课后服务”名义乱收费 — money for sessions not delivered is not
        // the service's to keep; the delivered share is rounded down, so rounding favours the family
        long delivered = request.paidFen() * request.sessionsDelivered() / request.sessionsPaid();
        return request.paidFen() - delivered;
    }
}
