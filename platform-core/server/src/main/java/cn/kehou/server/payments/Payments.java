package cn.kehou.server.payments;

import cn.kehou.server.ledger.JournalEntry;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Money in and out through the gateway. A payment is opened for an order's outstanding amount and
 * sent to the gateway outside any transaction; its outcome — from a notification or a query — is
 * applied once under the order's lock: the payment is allocated to the lines it pays (anything
 * beyond what is still owed becomes a refund owed), captured into the gateway's clearing account
 * and settled into the region's collecting account, each one ledger entry. Refunds owed to an
 * order go back against its captured payments; a refund the bank bounces is corrected with a
 * reversing entry.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    @Inject
    Merchants merchants;
    @Inject
    PaymentAccounts accounts;
    @Inject
    Ledger ledger;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public enum Outcome { APPLIED, DUPLICATE }

    // ------------------------------------------------------------------ paying an order

    /** What the family still owes on the order's lines, in fen. */
    long outstanding(PaymentOrder order) {
        List<String> codes = OrderLine.<OrderLine>list("orderId", order.id).stream().map(l -> PaymentAccounts.receivable(l.id)).toList();
        return accounts.balances(order.tenantId, codes).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Opens a payment of the order's outstanding amount, or returns the one already open for it. */
    @Transactional
    public Payment open(PaymentOrder order, String actor) {
        PaymentOrder.lock(order.tenantId, order.id);
        long due = outstanding(order);
        Payment open = Payment.<Payment>find("orderId = ?1 and status = ?2", order.id, Payment.Status.CREATED).firstResult();
        if (open != null) {
            if (open.amountFen == due) {
                return open;
            }
            throw new ProblemException(409, "PAYMENT_IN_PROGRESS", Money.ofFen(open.amountFen).yuan());
        }
        if (due <= 0) {
            throw new ProblemException(409, "NOTHING_TO_PAY");
        }
        Merchants.Account account = merchants.of(order.tenantId);
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.tenantId = order.tenantId;
        p.orderId = order.id;
        p.gateway = account.gatewayId();
        p.outTradeNo = "KH" + p.id.toString().replace("-", "").substring(0, 30);
        p.amountFen = due;
        p.status = Payment.Status.CREATED;
        p.createdBy = actor;
        p.createdAt = OffsetDateTime.now(clock);
        p.persist();
        return p;
    }

    /**
     * Opens the trade at the gateway (no transaction is held during the call). A gateway that
     * refuses fails the payment; one that cannot be reached leaves it for reconciliation.
     */
    public Payment submit(UUID paymentId) {
        record Prepared(Payment payment, Merchants.Account account, String tenantCode) {
        }
        Prepared prep = QuarkusTransaction.requiringNew().call(() -> {
            Payment p = Payment.findById(paymentId);
            return new Prepared(p, merchants.of(p.tenantId), Tenant.<Tenant>findById(p.tenantId).code);
        });
        Payment p = prep.payment();
        if (p.transactionId != null || p.status != Payment.Status.CREATED) {
            return p;
        }
        PaymentGateway.Trade trade;
        try {
            trade = prep.account().gateway().create(prep.account().merchant(), p.outTradeNo, p.amountFen,
                    "课后服务费", merchants.notifyUrl(prep.tenantCode(), prep.account().gatewayId()));
        } catch (PaymentGateway.Failure f) {
            LOG.warnf("payment %s: gateway %s: %s", p.id, p.gateway, f.getMessage());
            if (f.refused()) {
                QuarkusTransaction.requiringNew().run(() -> fail(Payment.findById(paymentId), "gateway refused: " + f.getMessage(), "GATEWAY"));
                throw new ProblemException(502, "GATEWAY_REFUSED", f.getMessage());
            }
            throw new ProblemException(502, "GATEWAY_UNAVAILABLE");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment fresh = Payment.findById(paymentId);
            if (fresh.transactionId == null) {
                fresh.transactionId = trade.transactionId();
            }
            fresh.payUrl = trade.payUrl();
            return fresh;
        });
    }

    /**
     * The gateway says the family paid {@code amountFen} under {@code transactionId}: applied once.
     * The caller has checked the amount against the payment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome capture(Payment p, String transactionId, String source) {
        PaymentOrder.lock(p.tenantId, p.orderId);
        em.refresh(p);
        if (p.status == Payment.Status.SUCCEEDED) {
            return Outcome.DUPLICATE;
        }
        PaymentOrder order = PaymentOrder.findById(p.orderId);
        List<OrderLine> lines = OrderLine.list("orderId = ?1 order by createdAt, id", p.orderId);
        Map<String, Long> owed = accounts.balances(p.tenantId, lines.stream().map(l -> PaymentAccounts.receivable(l.id)).toList());
        long left = p.amountFen;
        List<JournalEntry.Line> captured = new ArrayList<>();
        captured.add(JournalEntry.Line.debit(PaymentAccounts.clearing(p.gateway), Money.ofFen(p.amountFen)));
        for (OrderLine line : lines) {
            long share = Math.min(left, Math.max(0, owed.get(PaymentAccounts.receivable(line.id))));
            if (share > 0) {
                captured.add(JournalEntry.Line.credit(PaymentAccounts.receivable(line.id), Money.ofFen(share)));
                em.createNativeQuery("INSERT INTO payment_allocation (tenant_id, payment_id, line_id, amount_fen) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, p.tenantId).setParameter(2, p.id).setParameter(3, line.id).setParameter(4, share)
                        .executeUpdate();
                left -= share;
            }
        }
        if (left > 0) {
            // Less was owed by the time the money arrived (a withdrawal in between): the rest goes back.
            captured.add(JournalEntry.Line.credit(PaymentAccounts.refunds(p.orderId), Money.ofFen(left)));
        }
        ledger.post(p.tenantId, new JournalEntry("payment:" + p.id + ":captured", "payment", p.id.toString(),
                "paid through " + p.gateway + " " + transactionId, captured), source);
        ledger.post(p.tenantId, new JournalEntry("payment:" + p.id + ":settled", "payment", p.id.toString(),
                "settled into the collecting account", List.of(
                JournalEntry.Line.debit(order.collectingAccount, Money.ofFen(p.amountFen)),
                JournalEntry.Line.credit(PaymentAccounts.clearing(p.gateway), Money.ofFen(p.amountFen)))), source);
        p.status = Payment.Status.SUCCEEDED;
        if (p.transactionId == null) {
            p.transactionId = transactionId;
        }
        p.settledAt = OffsetDateTime.now(clock);
        p.settledBy = source;
        return Outcome.APPLIED;
    }

    /** The family's payment failed (or was never opened at the gateway): nothing moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome fail(Payment p, String why, String source) {
        PaymentOrder.lock(p.tenantId, p.orderId);
        em.refresh(p);
        if (p.status != Payment.Status.CREATED) {
            return Outcome.DUPLICATE;
        }
        p.status = Payment.Status.FAILED;
        p.settledAt = OffsetDateTime.now(clock);
        p.settledBy = source;
        LOG.infof("payment %s failed: %s", p.id, why);
        return Outcome.APPLIED;
    }

    /** An unpaid trade past its time: closed at the gateway first, then here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome close(Payment p, String source) {
        PaymentOrder.lock(p.tenantId, p.orderId);
        em.refresh(p);
        if (p.status != Payment.Status.CREATED) {
            return Outcome.DUPLICATE;
        }
        p.status = Payment.Status.CLOSED;
        p.settledAt = OffsetDateTime.now(clock);
        p.settledBy = source;
        return Outcome.APPLIED;
    }

    // ------------------------------------------------------------------ refunds

    /**
     * Turns the refunds an order owes (REFUNDS_PAYABLE) into refunds at the gateway, against its
     * captured payments, newest first; funds each from the collecting account into the gateway's
     * clearing account. Refunds in flight or bounced are not owed again (a bounced one waits for
     * the school's finance office).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PaymentRefund> dispatch(PaymentOrder order) {
        PaymentOrder.lock(order.tenantId, order.id);
        long owed = -accounts.balance(order.tenantId, PaymentAccounts.refunds(order.id));
        List<PaymentRefund> existing = PaymentRefund.list("orderId", order.id);
        long open = existing.stream().filter(r -> r.status != PaymentRefund.Status.SUCCEEDED).mapToLong(r -> r.amountFen).sum();
        long toRefund = owed - open;
        List<PaymentRefund> created = new ArrayList<>();
        if (toRefund <= 0) {
            return created;
        }
        List<Payment> paid = Payment.list("orderId = ?1 and status = ?2 order by settledAt desc, id", order.id, Payment.Status.SUCCEEDED);
        for (Payment p : paid) {
            long already = existing.stream().filter(r -> r.paymentId.equals(p.id) && r.status != PaymentRefund.Status.FAILED)
                    .mapToLong(r -> r.amountFen).sum();
            long amount = Math.min(toRefund, p.amountFen - already);
            if (amount <= 0) {
                continue;
            }
            PaymentRefund r = new PaymentRefund();
            r.id = UUID.randomUUID();
            r.tenantId = order.tenantId;
            r.orderId = order.id;
            r.paymentId = p.id;
            r.gateway = p.gateway;
            r.outRefundNo = "RF" + r.id.toString().replace("-", "").substring(0, 30);
            r.amountFen = amount;
            r.collectingAccount = order.collectingAccount;
            r.status = PaymentRefund.Status.PENDING;
            r.createdAt = OffsetDateTime.now(clock);
            r.persist();
            ledger.post(order.tenantId, new JournalEntry("refund:" + r.id + ":funded", "refund", r.id.toString(),
                    "refund to the family through " + p.gateway, List.of(
                    JournalEntry.Line.debit(PaymentAccounts.clearing(p.gateway), Money.ofFen(amount)),
                    JournalEntry.Line.credit(order.collectingAccount, Money.ofFen(amount)))), "payments");
            created.add(r);
            toRefund -= amount;
            if (toRefund == 0) {
                break;
            }
        }
        if (toRefund > 0) {
            LOG.warnf("order %s owes %d fen more in refunds than its payments can carry", order.id, toRefund);
        }
        return created;
    }

    /** Sends pending refunds of the current tenant to the gateway (outside any transaction). */
    public void submitRefunds(UUID tenantId, List<UUID> refundIds) {
        for (UUID id : refundIds) {
            record Prepared(PaymentRefund refund, Payment payment, Merchants.Account account, String tenantCode) {
            }
            Prepared prep = QuarkusTransaction.requiringNew().call(() -> {
                PaymentRefund r = PaymentRefund.findById(id);
                return new Prepared(r, Payment.findById(r.paymentId), merchants.of(tenantId), Tenant.<Tenant>findById(tenantId).code);
            });
            PaymentRefund r = prep.refund();
            if (r.status != PaymentRefund.Status.PENDING || r.submittedAt != null) {
                continue;
            }
            try {
                PaymentGateway.RefundTicket ticket = prep.account().gateway().refund(prep.account().merchant(),
                        prep.payment().outTradeNo, r.outRefundNo, r.amountFen,
                        merchants.notifyUrl(prep.tenantCode(), prep.account().gatewayId()));
                QuarkusTransaction.requiringNew().run(() -> {
                    PaymentRefund fresh = PaymentRefund.findById(id);
                    fresh.submittedAt = OffsetDateTime.now(clock);
                    fresh.refundId = ticket.refundId();
                });
            } catch (PaymentGateway.Failure f) {
                LOG.warnf("refund %s: gateway %s: %s", r.id, r.gateway, f.getMessage());
                if (f.refused()) {
                    QuarkusTransaction.requiringNew().run(() -> refundFailed(PaymentRefund.findById(id), f.getMessage(), "GATEWAY"));
                }
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome refundSucceeded(PaymentRefund r, String refundId, String source) {
        PaymentOrder.lock(r.tenantId, r.orderId);
        em.refresh(r);
        if (r.status != PaymentRefund.Status.PENDING) {
            return Outcome.DUPLICATE;
        }
        ledger.post(r.tenantId, new JournalEntry("refund:" + r.id + ":paid", "refund", r.id.toString(),
                "refunded to the family", List.of(
                JournalEntry.Line.debit(PaymentAccounts.refunds(r.orderId), Money.ofFen(r.amountFen)),
                JournalEntry.Line.credit(PaymentAccounts.clearing(r.gateway), Money.ofFen(r.amountFen)))), source);
        r.status = PaymentRefund.Status.SUCCEEDED;
        if (r.refundId == null) {
            r.refundId = refundId;
        }
        r.settledAt = OffsetDateTime.now(clock);
        r.settledBy = source;
        return Outcome.APPLIED;
    }

    /** The bank bounced the refund: its funding is reversed (a correction, never an edit); still owed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome refundFailed(PaymentRefund r, String why, String source) {
        PaymentOrder.lock(r.tenantId, r.orderId);
        em.refresh(r);
        if (r.status != PaymentRefund.Status.PENDING) {
            return Outcome.DUPLICATE;
        }
        ledger.reverse(r.tenantId, "refund:" + r.id + ":funded", "refund:" + r.id + ":funded:reversal",
                "refund bounced: " + why, source);
        r.status = PaymentRefund.Status.FAILED;
        r.failure = why.length() > 500 ? why.substring(0, 500) : why;
        r.settledAt = OffsetDateTime.now(clock);
        r.settledBy = source;
        return Outcome.APPLIED;
    }

    /** Dispatches refunds owed by {@code orderId} and sends them, each step its own transaction. */
    public void refundOwed(UUID tenantId, UUID orderId) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() ->
                dispatch(PaymentOrder.findById(orderId)).stream().map(r -> r.id).toList());
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() ->
                PaymentRefund.<PaymentRefund>list("orderId = ?1 and status = ?2 and submittedAt is null", orderId,
                        PaymentRefund.Status.PENDING).stream().map(r -> r.id).toList());
        List<UUID> all = new ArrayList<>(ids);
        pending.stream().filter(id -> !all.contains(id)).forEach(all::add);
        submitRefunds(tenantId, all);
    }
}
