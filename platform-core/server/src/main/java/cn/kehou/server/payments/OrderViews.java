package cn.kehou.server.payments;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order as the family (and the school's finance office) reads it: every line with what the
 * term costs, who bears which part and why — the plugin's reasons and waivers with their
 * citations, where the money goes — then every adjustment (withdrawal, cancelled sessions), what
 * was paid and refunded, and what is still owed. Amounts in fen.
 */
@ApplicationScoped
public class OrderViews {

    @Inject
    PaymentAccounts accounts;
    @Inject
    EntityManager em;

    public record OrderView(UUID id, String school, String schoolName, UUID term, String termName, String payer,
                            String collectingAccount, String collectingAccountZh, String status,
                            long priceFen, long waivedFen, long chargedFen, long dueFen, long paidFen, long refundedFen,
                            long refundOwedFen, long outstandingFen,
                            List<LineView> lines, List<PaymentView> payments, List<RefundView> refunds) {
    }

    public record LineView(UUID id, UUID application, UUID child, String childName, UUID service, String serviceTitle,
                           String kind, String kindZh, long priceFen, long chargeFen, long waivedFen,
                           List<Map<String, Object>> waivers, List<Map<String, Object>> reasons, Map<String, Object> route,
                           int sessionsTotal, long dueFen, long paidFen, long outstandingFen, List<AdjustmentView> adjustments,
                           String explanationZh, String explanationEn) {
    }

    public record AdjustmentView(int seq, String cause, OffsetDateTime at, int sessionsTotal, int sessionsDelivered,
                                 long familyDueFen, long creditFen, long refundFen) {
    }

    public record PaymentView(UUID id, String gateway, String outTradeNo, long amountFen, String status, String transactionId,
                              String payUrl, OffsetDateTime createdAt, OffsetDateTime settledAt, String settledBy) {
    }

    public record RefundView(UUID id, UUID payment, long amountFen, String status, OffsetDateTime createdAt,
                             OffsetDateTime settledAt, String failure) {
    }

    public OrderView view(PaymentOrder order) {
        School school = School.findById(order.schoolId);
        SchoolTerm term = SchoolTerm.findById(order.termId);
        List<OrderLine> lines = OrderLine.list("orderId = ?1 order by createdAt, id", order.id);
        Map<String, Long> owed = accounts.balances(order.tenantId, lines.stream().map(l -> PaymentAccounts.receivable(l.id)).toList());
        List<LineView> lineViews = new ArrayList<>();
        long price = 0;
        long waived = 0;
        long charged = 0;
        long due = 0;
        long outstanding = 0;
        for (OrderLine l : lines) {
            LineView v = line(l, owed.get(PaymentAccounts.receivable(l.id)));
            lineViews.add(v);
            price += l.priceFen;
            waived += l.waivedFen;
            charged += l.chargeFen;
            due += v.dueFen();
            outstanding += v.outstandingFen();
        }
        List<PaymentView> payments = Payment.<Payment>list("orderId = ?1 order by createdAt, id", order.id).stream()
                .map(p -> new PaymentView(p.id, p.gateway, p.outTradeNo, p.amountFen, p.status.name(), p.transactionId, p.payUrl,
                        p.createdAt, p.settledAt, p.settledBy))
                .toList();
        List<RefundView> refunds = PaymentRefund.<PaymentRefund>list("orderId = ?1 order by createdAt, id", order.id).stream()
                .map(r -> new RefundView(r.id, r.paymentId, r.amountFen, r.status.name(), r.createdAt, r.settledAt, r.failure))
                .toList();
        long paidIn = payments.stream().filter(p -> p.status().equals("SUCCEEDED")).mapToLong(PaymentView::amountFen).sum();
        long refunded = refunds.stream().filter(r -> r.status().equals("SUCCEEDED")).mapToLong(RefundView::amountFen).sum();
        long refundOwed = -accounts.balance(order.tenantId, PaymentAccounts.refunds(order.id));
        String status = outstanding > 0 ? (paidIn > 0 ? "PART_PAID" : "UNPAID")
                : refundOwed > 0 ? "REFUND_PENDING"
                : due == 0 && paidIn == 0 ? "NOTHING_DUE" : "PAID";
        String accountKind = order.collectingAccount.substring(order.collectingAccount.indexOf(':') + 1).split("\\.")[0];
        return new OrderView(order.id, school.code, school.nameZh, term.id, term.name, order.payer, accountKind,
                cn.kehou.plugin.api.CollectingAccount.valueOf(accountKind).zh, status, price, waived, charged, due,
                paidIn, refunded, refundOwed, outstanding, lineViews, payments, refunds);
    }

    @SuppressWarnings("unchecked")
    private LineView line(OrderLine l, long owed) {
        OfferedService s = OfferedService.findById(l.serviceId);
        Child child = Child.findById(l.childId);
        List<Object[]> rows = em.createNativeQuery("SELECT seq, cause, created_at, sessions_total, sessions_delivered,"
                        + " family_due_fen, family_credit_fen, refund_fen FROM order_adjustment WHERE tenant_id = ?1 AND line_id = ?2"
                        + " ORDER BY seq").setParameter(1, l.tenantId).setParameter(2, l.id).getResultList();
        List<AdjustmentView> adjustments = rows.stream().map(r -> new AdjustmentView(((Number) r[0]).intValue(), (String) r[1],
                time(r[2]), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).longValue())).toList();
        long due = adjustments.isEmpty() ? l.chargeFen : adjustments.get(adjustments.size() - 1).familyDueFen();
        long paid = ((Number) em.createNativeQuery("SELECT COALESCE(sum(amount_fen), 0) FROM payment_allocation"
                + " WHERE tenant_id = ?1 AND line_id = ?2").setParameter(1, l.tenantId).setParameter(2, l.id).getSingleResult()).longValue();
        ServiceKind kind = ServiceKind.valueOf(l.kind);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("account", l.route.get("account"));
        route.put("accountZh", l.route.get("accountZh"));
        route.put("citation", l.route.get("citation"));
        String title = s == null ? null : s.titleZh;
        return new LineView(l.id, l.applicationId, l.childId, child == null ? null : child.nameZh, l.serviceId, title,
                l.kind, kind.zh, l.priceFen, l.chargeFen, l.waivedFen, l.waivers, l.reasons, route, l.sessionsTotal,
                due, paid, Math.max(0, owed), adjustments, explainZh(l, title, kind, adjustments), explainEn(l, title, adjustments));
    }

    private static String explainZh(OrderLine l, String title, ServiceKind kind, List<AdjustmentView> adjustments) {
        StringBuilder b = new StringBuilder();
        b.append(title == null ? kind.zh : title).append("：本学期 ").append(l.sessionsTotal).append(" 次服务，核定价格 ")
                .append(Money.ofFen(l.priceFen).yuan()).append(" 元");
        for (Map<String, Object> w : l.waivers) {
            b.append("；").append("HARDSHIP_EXEMPTION".equals(w.get("kind")) ? "免收" : "减免").append(" ")
                    .append(Money.ofFen(((Number) w.get("amountFen")).longValue()).yuan()).append(" 元，由")
                    .append(w.get("payerZh")).append("承担（").append(w.get("citation")).append("）");
        }
        b.append("；家长应缴 ").append(Money.ofFen(l.chargeFen).yuan()).append(" 元，收入").append(l.route.get("accountZh"))
                .append("（").append(l.route.get("citation")).append("）");
        for (AdjustmentView a : adjustments) {
            b.append("；").append(a.cause().equals("WITHDRAWAL") ? "退出后" : "停课后").append("按 ").append(a.sessionsDelivered())
                    .append("/").append(a.sessionsTotal()).append(" 次结算，家长应缴 ").append(Money.ofFen(a.familyDueFen()).yuan()).append(" 元");
            if (a.refundFen() > 0) {
                b.append("，退费 ").append(Money.ofFen(a.refundFen()).yuan()).append(" 元");
            }
        }
        return b.append("。").toString();
    }

    private static String explainEn(OrderLine l, String title, List<AdjustmentView> adjustments) {
        StringBuilder b = new StringBuilder();
        b.append(title == null ? l.kind : title).append(": ").append(l.sessionsTotal).append(" sessions this term, priced ")
                .append(Money.ofFen(l.priceFen).yuan()).append(" CNY");
        for (Map<String, Object> w : l.waivers) {
            b.append("; ").append(Money.ofFen(((Number) w.get("amountFen")).longValue()).yuan()).append(" CNY waived (")
                    .append(w.get("kind")).append("), borne by ").append(w.get("payer")).append(" (").append(w.get("citation")).append(")");
        }
        b.append("; the family pays ").append(Money.ofFen(l.chargeFen).yuan()).append(" CNY into ").append(l.route.get("account"))
                .append(" (").append(l.route.get("citation")).append(")");
        for (AdjustmentView a : adjustments) {
            b.append("; after ").append(a.cause().equals("WITHDRAWAL") ? "withdrawal" : "cancelled sessions").append(", ")
                    .append(a.sessionsDelivered()).append(" of ").append(a.sessionsTotal()).append(" sessions: the family owes ")
                    .append(Money.ofFen(a.familyDueFen()).yuan()).append(" CNY");
            if (a.refundFen() > 0) {
                b.append(", refund ").append(Money.ofFen(a.refundFen()).yuan()).append(" CNY");
            }
        }
        return b.append('.').toString();
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.ofHours(8));
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.ofHours(8));
        }
        return null;
    }
}
