package cn.kehou.server.payments;

import cn.kehou.server.observability.OperationsMetrics;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A gateway's notification, handled so that nothing it says is trusted before it is proven and
 * nothing happens twice: (1) stored as received, in its own transaction, under the event key it
 * claims (the gateway's transaction or refund id); (2) authenticated with the tenant's merchant
 * key and checked against our own records — the order exists, the amount and the transaction are
 * ours; (3) applied under the order's lock, once: a replay or a late, reordered copy finds the
 * payment already settled and is filed DUPLICATE; a forgery is filed REJECTED with its reason and
 * logged, and changes nothing.
 */
@ApplicationScoped
public class GatewayNotifications {

    private static final Logger LOG = Logger.getLogger(GatewayNotifications.class);

    @Inject
    Merchants merchants;
    @Inject
    Payments payments;
    @Inject
    AsTenant asTenant;
    @Inject
    EntityManager em;
    @Inject
    OperationsMetrics metrics;
    @Inject
    java.time.Clock clock;

    public enum Verdict { APPLIED, DUPLICATE, REJECTED }

    public record Answer(Verdict verdict, String reason) {
    }

    public Answer receive(Tenant tenant, String gatewayId, Map<String, String> headers, String body) {
        return asTenant.call(tenant, () -> {
            PaymentGateway gateway;
            try {
                gateway = merchants.gateway(gatewayId);
            } catch (ProblemException e) {
                UUID id = store(tenant, gatewayId, null, headers, body);
                return reject(tenant, id, "unknown gateway " + gatewayId);
            }
            PaymentGateway.Event claim;
            String unreadable = null;
            try {
                claim = gateway.read(body);
            } catch (PaymentGateway.Rejected r) {
                claim = null;
                unreadable = r.getMessage();
            }
            UUID id = store(tenant, gatewayId, claim, headers, body);
            if (unreadable != null) {
                return reject(tenant, id, unreadable);
            }
            Decision decision = QuarkusTransaction.requiringNew().call(() -> decide(tenant, id, gatewayId, gateway, headers, body));
            if (decision.verdict() == Verdict.REJECTED) {
                LOG.warnf("rejected %s notification %s for tenant %s: %s", gatewayId, id, tenant.code, decision.reason());
            }
            if (decision.refundsOwedBy() != null) {
                try {
                    payments.refundOwed(tenant.id, decision.refundsOwedBy());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "refunds of order %s not sent yet; reconciliation will retry", decision.refundsOwedBy());
                }
            }
            return new Answer(decision.verdict(), decision.reason());
        });
    }

    private record Decision(Verdict verdict, String reason, UUID refundsOwedBy) {
    }

    private Decision decide(Tenant tenant, UUID id, String gatewayId, PaymentGateway gateway,
                            Map<String, String> headers, String body) {
        Checked checked = check(tenant, gatewayId, gateway, headers, body);
        if (checked.refused() != null) {
            verdict(tenant, id, Verdict.REJECTED, checked.refused());
            return new Decision(Verdict.REJECTED, checked.refused(), null);
        }
        PaymentGateway.Event e = checked.event();
        Payments.Outcome outcome;
        UUID order;
        switch (e.type()) {
            case PAYMENT_SUCCEEDED, PAYMENT_FAILED -> {
                Payment p = payment(gatewayId, e.outTradeNo());
                order = p.orderId;
                outcome = e.type() == PaymentGateway.Event.Type.PAYMENT_SUCCEEDED
                        ? payments.capture(p, e.transactionId(), "NOTIFICATION")
                        : payments.fail(p, "the family's payment failed", "NOTIFICATION");
                if (outcome == Payments.Outcome.APPLIED && p.createdAt != null) {
                    metrics.notificationApplied(tenant.code, Duration.between(p.createdAt.toInstant(), clock.instant()));
                }
            }
            default -> {
                PaymentRefund r = refund(gatewayId, e.outRefundNo());
                order = r.orderId;
                outcome = e.type() == PaymentGateway.Event.Type.REFUND_SUCCEEDED
                        ? payments.refundSucceeded(r, e.refundId(), "NOTIFICATION")
                        : payments.refundFailed(r, "the bank returned the refund", "NOTIFICATION");
            }
        }
        Verdict v = outcome == Payments.Outcome.APPLIED ? Verdict.APPLIED : Verdict.DUPLICATE;
        verdict(tenant, id, v, v == Verdict.DUPLICATE ? "already applied" : null);
        boolean owes = v == Verdict.APPLIED && e.type() == PaymentGateway.Event.Type.PAYMENT_SUCCEEDED;
        return new Decision(v, null, owes ? order : null);
    }

    /** The event as authenticated, or why it is not to be believed. */
    private record Checked(PaymentGateway.Event event, String refused) {
        static Checked refused(String reason) {
            return new Checked(null, reason);
        }
    }

    /** What the gateway proves happened, checked against our records: signature, merchant, order, amount, transaction. */
    private Checked check(Tenant tenant, String gatewayId, PaymentGateway gateway, Map<String, String> headers, String body) {
        Merchants.Account account;
        try {
            account = merchants.of(tenant.id);
        } catch (ProblemException noMerchant) {
            return Checked.refused("no merchant account for this tenant");
        }
        if (!account.gatewayId().equals(gatewayId)) {
            return Checked.refused("this tenant does not use gateway " + gatewayId);
        }
        PaymentGateway.Event e;
        try {
            e = gateway.open(account.merchant(), headers, body);
        } catch (PaymentGateway.Rejected r) {
            return Checked.refused(r.getMessage());
        }
        String refused = refusal(gatewayId, account, e);
        return refused == null ? new Checked(e, null) : Checked.refused(refused);
    }

    private String refusal(String gatewayId, Merchants.Account account, PaymentGateway.Event e) {
        if (!account.merchant().merchantId().equals(e.merchantId())) {
            return "for another merchant: " + e.merchantId();
        }
        Payment p = e.outTradeNo() == null ? null : payment(gatewayId, e.outTradeNo());
        if (p == null) {
            return "unknown order " + e.outTradeNo();
        }
        if (e.amountFen() != p.amountFen) {
            return "amount " + e.amountFen() + " fen, the order's payment is " + p.amountFen;
        }
        if (e.transactionId() == null || (p.transactionId != null && !p.transactionId.equals(e.transactionId()))) {
            return "transaction " + e.transactionId() + " is not the payment's " + p.transactionId;
        }
        if (e.type() == PaymentGateway.Event.Type.REFUND_SUCCEEDED || e.type() == PaymentGateway.Event.Type.REFUND_FAILED) {
            PaymentRefund r = e.outRefundNo() == null ? null : refund(gatewayId, e.outRefundNo());
            if (r == null || !r.paymentId.equals(p.id)) {
                return "unknown refund " + e.outRefundNo();
            }
            if (e.refundFen() != r.amountFen) {
                return "refund amount " + e.refundFen() + " fen, the refund is " + r.amountFen;
            }
            if (e.refundId() == null || (r.refundId != null && !r.refundId.equals(e.refundId()))) {
                return "refund id " + e.refundId() + " is not the refund's " + r.refundId;
            }
        }
        return null;
    }

    private UUID store(Tenant tenant, String gatewayId, PaymentGateway.Event claim, Map<String, String> headers, String body) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO gateway_notification (tenant_id, id, gateway, event_key, event_type, out_trade_no, amount_fen,
                            body, signature, headers)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb))""")
                .setParameter(1, tenant.id).setParameter(2, id).setParameter(3, gatewayId)
                .setParameter(4, claim == null ? null : claim.key())
                .setParameter(5, claim == null ? null : claim.type().name())
                .setParameter(6, claim == null ? null : claim.outTradeNo())
                .setParameter(7, claim == null ? null : (claim.type().name().startsWith("REFUND") ? claim.refundFen() : claim.amountFen()))
                .setParameter(8, body)
                .setParameter(9, headers.getOrDefault(LocalGatewaySimulator.SIGNATURE, headers.get(WechatPayGateway.SIGNATURE)))
                .setParameter(10, Json.write(headers))
                .executeUpdate());
        return id;
    }

    private Answer reject(Tenant tenant, UUID id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> verdict(tenant, id, Verdict.REJECTED, reason));
        LOG.warnf("rejected notification %s for tenant %s: %s", id, tenant.code, reason);
        return new Answer(Verdict.REJECTED, reason);
    }

    private void verdict(Tenant tenant, UUID id, Verdict verdict, String reason) {
        em.createNativeQuery("UPDATE gateway_notification SET verdict = ?1, reason = ?2, decided_at = now()"
                        + " WHERE tenant_id = ?3 AND id = ?4")
                .setParameter(1, verdict.name()).setParameter(2, reason).setParameter(3, tenant.id).setParameter(4, id)
                .executeUpdate();
    }

    private static Payment payment(String gatewayId, String outTradeNo) {
        return Payment.<Payment>find("gateway = ?1 and outTradeNo = ?2", gatewayId, outTradeNo).firstResult();
    }

    private static PaymentRefund refund(String gatewayId, String outRefundNo) {
        return PaymentRefund.<PaymentRefund>find("gateway = ?1 and outRefundNo = ?2", gatewayId, outRefundNo).firstResult();
    }
}
