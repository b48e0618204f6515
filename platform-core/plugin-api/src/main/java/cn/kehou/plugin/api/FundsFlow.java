package cn.kehou.plugin.api;

import org.pf4j.ExtensionPoint;

/** Where payments are collected and who receives them; what is refunded when service stops early. */
public interface FundsFlow extends ExtensionPoint {

    /** The route for one kind of service; {@code providerCourse} when a third party runs it. */
    FundsRoute route(PolicyContext ctx, ServiceKind kind, boolean providerCourse);

    /** The refund in fen, between 0 and {@code request.paidFen()}. */
    long refund(PolicyContext ctx, RefundRequest request);
}
