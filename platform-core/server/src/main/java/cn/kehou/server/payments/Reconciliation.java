package cn.kehou.server.payments;

import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Every minute, on one instance: what notifications did not settle is settled by asking. Payments
 * still open after {@code kehou.payments.query-after} are queried at the gateway and applied the
 * same way a notification is (once); unpaid ones past {@code kehou.payments.close-after} are
 * closed there and here; refunds are sent, queried and applied; withdrawals the event missed are
 * re-settled; refunds owed and not yet sent are sent.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    @Inject
    SingleRun singleRun;
    @Inject
    AsTenant asTenant;
    @Inject
    Payments payments;
    @Inject
    Settlement settlement;
    @Inject
    Merchants merchants;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @ConfigProperty(name = "kehou.payments.query-after", defaultValue = "PT2M")
    Duration queryAfter;
    @ConfigProperty(name = "kehou.payments.close-after", defaultValue = "PT30M")
    Duration closeAfter;

    /** What one run did, across all tenants. */
    public record Summary(int withdrawalsSettled, int paymentsResolved, int refundsResolved, int ordersRefunded) {
        Summary plus(Summary o) {
            return new Summary(withdrawalsSettled + o.withdrawalsSettled, paymentsResolved + o.paymentsResolved,
                    refundsResolved + o.refundsResolved, ordersRefunded + o.ordersRefunded);
        }
    }

    @ConfigProperty(name = "kehou.payments.reconcile-every", defaultValue = "60s")
    Duration reconcileEvery;

    static final Summary NOTHING = new Summary(0, 0, 0, 0);

    @Scheduled(every = "${kehou.payments.reconcile-every:60s}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        // Every instance ticks; the first to claim this period runs it.
        if (singleRun.claim("payments-reconciliation", clock.instant(), reconcileEvery)) {
            reconcile(OffsetDateTime.now(clock));
        }
    }

    /** One run as of {@code now} (tests pass a later time); null-safe when another instance runs it. */
    public Summary reconcile(OffsetDateTime now) {
        Summary total = singleRun.ifFree("payments-reconciliation", () -> {
            List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll());
            Summary sum = NOTHING;
            for (Tenant t : tenants) {
                try {
                    sum = sum.plus(asTenant.call(t, () -> reconcile(t, now)));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "payments reconciliation for %s failed; next run retries", t.code);
                }
            }
            return sum;
        });
        return total == null ? NOTHING : total;
    }

    private Summary reconcile(Tenant t, OffsetDateTime now) {
        int withdrawals = withdrawals(t);
        int resolved = openPayments(t, now);
        int refunds = pendingRefunds(t, now);
        int ordersRefunded = refundsOwed(t);
        return new Summary(withdrawals, resolved, refunds, ordersRefunded);
    }

    @SuppressWarnings("unchecked")
    private int withdrawals(Tenant t) {
        List<UUID> lines = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT l.id FROM order_line l JOIN enrollment_application a ON a.tenant_id = l.tenant_id AND a.id = l.application_id
                WHERE l.tenant_id = ?1 AND a.status = 'WITHDRAWN' AND NOT EXISTS (SELECT 1 FROM order_adjustment j
                    WHERE j.tenant_id = l.tenant_id AND j.line_id = l.id AND j.cause = 'WITHDRAWAL')""")
                .setParameter(1, t.id).getResultList());
        for (UUID id : lines) {
            QuarkusTransaction.requiringNew().run(() -> settlement.settle(OrderLine.findById(id), "reconciliation"));
        }
        return lines.size();
    }

    private int openPayments(Tenant t, OffsetDateTime now) {
        List<Payment> open = QuarkusTransaction.requiringNew().call(() ->
                Payment.<Payment>list("status = ?1 and createdAt < ?2", Payment.Status.CREATED, now.minus(queryAfter)));
        if (open.isEmpty()) {
            return 0;
        }
        Merchants.Account account = QuarkusTransaction.requiringNew().call(() -> merchants.of(t.id));
        int resolved = 0;
        for (Payment p : open) {
            PaymentGateway.Trade trade;
            try {
                trade = account.gateway().query(account.merchant(), p.outTradeNo);
                if (trade.state() == PaymentGateway.TradeState.NOTPAY && p.createdAt.isBefore(now.minus(closeAfter))) {
                    trade = account.gateway().close(account.merchant(), p.outTradeNo);
                }
            } catch (PaymentGateway.Failure f) {
                LOG.warnf("payment %s: gateway query failed: %s", p.id, f.getMessage());
                continue;
            }
            PaymentGateway.Trade answer = trade;
            Payments.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                Payment fresh = Payment.findById(p.id);
                fresh.lastCheckedAt = OffsetDateTime.now(clock);
                return switch (answer.state()) {
                    case SUCCESS -> answer.amountFen() == fresh.amountFen
                            ? payments.capture(fresh, answer.transactionId(), "QUERY")
                            : mismatch(fresh, answer);
                    case PAYERROR -> payments.fail(fresh, "the gateway reports the payment failed", "QUERY");
                    case CLOSED -> payments.close(fresh, "QUERY");
                    case NOT_FOUND -> payments.fail(fresh, "the gateway has no such trade", "QUERY");
                    case NOTPAY -> Payments.Outcome.DUPLICATE;
                };
            });
            if (outcome == Payments.Outcome.APPLIED) {
                resolved++;
                if (answer.state() == PaymentGateway.TradeState.SUCCESS) {
                    payments.refundOwed(t.id, p.orderId);
                }
            }
        }
        return resolved;
    }

    private Payments.Outcome mismatch(Payment p, PaymentGateway.Trade trade) {
        LOG.errorf("payment %s: the gateway reports %d fen paid, we asked for %d; left for the finance office",
                p.id, trade.amountFen(), p.amountFen);
        return Payments.Outcome.DUPLICATE;
    }

    private int pendingRefunds(Tenant t, OffsetDateTime now) {
        List<PaymentRefund> pending = QuarkusTransaction.requiringNew().call(() ->
                PaymentRefund.<PaymentRefund>list("status = ?1 and submittedAt is not null and submittedAt < ?2",
                        PaymentRefund.Status.PENDING, now.minus(queryAfter)));
        if (pending.isEmpty()) {
            return 0;
        }
        Merchants.Account account = QuarkusTransaction.requiringNew().call(() -> merchants.of(t.id));
        int resolved = 0;
        for (PaymentRefund r : pending) {
            PaymentGateway.RefundTicket ticket;
            try {
                ticket = account.gateway().queryRefund(account.merchant(), r.outRefundNo);
            } catch (PaymentGateway.Failure f) {
                LOG.warnf("refund %s: gateway query failed: %s", r.id, f.getMessage());
                continue;
            }
            Payments.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                PaymentRefund fresh = PaymentRefund.findById(r.id);
                return switch (ticket.state()) {
                    case SUCCESS -> payments.refundSucceeded(fresh, ticket.refundId(), "QUERY");
                    case ABNORMAL -> payments.refundFailed(fresh, "the bank returned the refund", "QUERY");
                    case NOT_FOUND -> payments.refundFailed(fresh, "the gateway has no such refund", "QUERY");
                    case PROCESSING -> Payments.Outcome.DUPLICATE;
                };
            });
            if (outcome == Payments.Outcome.APPLIED) {
                resolved++;
            }
        }
        return resolved;
    }

    /** Orders whose refunds owed are not all at the gateway yet (a crash or a gateway outage in between). */
    @SuppressWarnings("unchecked")
    private int refundsOwed(Tenant t) {
        List<String> accounts = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT l.account_code FROM journal_line l WHERE l.tenant_id = ?1 AND l.account_code LIKE 'REFUNDS_PAYABLE:%'
                GROUP BY l.account_code
                HAVING -sum(l.debit_fen - l.credit_fen) > COALESCE((SELECT sum(r.amount_fen) FROM payment_refund r
                    WHERE r.tenant_id = ?1 AND r.status <> 'SUCCEEDED' AND 'REFUNDS_PAYABLE:' || r.order_id = l.account_code), 0)
                   OR EXISTS (SELECT 1 FROM payment_refund r WHERE r.tenant_id = ?1 AND r.status = 'PENDING'
                    AND r.submitted_at IS NULL AND 'REFUNDS_PAYABLE:' || r.order_id = l.account_code)""")
                .setParameter(1, t.id).getResultList());
        for (String account : accounts) {
            UUID order = UUID.fromString(account.substring(account.indexOf(':') + 1));
            payments.refundOwed(t.id, order);
        }
        return accounts.size();
    }
}
