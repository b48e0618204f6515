package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import org.pf4j.Extension;

/** 000 §五(四): every fee into the platform's dedicated account; §六(二): who it is paid on to. */
@Extension
public class YangjiangFundsFlow implements FundsFlow {

    @Override
    public FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse) {
        // 000 §五(四): 收费统一在平台线上支付，收取的费用专账管理
        if (providerCourse) {
            // 000 §六(二): 非学科类素质拓展课程收费依据协议统一由平台支付
            return FundsRoute.whole(CollectingAccount.PLATFORM_DEDICATED_ACCOUNT, FundsRoute.Recipient.PROVIDER,
                    YangjiangRule.PROVIDER_PAID_BY_PLATFORM.citation);
        }
        // 000 §六(二): 基本托管服务费，平台收取费用后全额返回学校 — so are the school's own services
        return FundsRoute.whole(CollectingAccount.PLATFORM_DEDICATED_ACCOUNT, FundsRoute.Recipient.SCHOOL,
                YangjiangRule.BASIC_CARE_FEES_TO_SCHOOL.citation);
    }

    @Override
    public long refund(PolicyContext ctx, RefundRequest request) {
        // 000 §五(五): the online agreement fixes fees and each side's duties — undelivered sessions
        // come back; the delivered share is rounded down, so rounding favours the family
        long delivered = request.paidFen() * request.sessionsDelivered() / request.sessionsPaid();
        return request.paidFen() - delivered;
    }
}
