package cn.kehou.server.payments;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.server.guardians.Child;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.ledger.Account;
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
import java.util.TreeMap;
import java.util.UUID;

/**
 * One school's books as its finance office (财务) reads them: every journal entry caused by the
 * school's orders — charges, adjustments, payments, refunds and their reversals — with its lines;
 * what those entries leave on each account (the school's share where an account is the region's,
 * e.g. one collecting account for a whole district); the trial balance of those entries (debits
 * equal credits, always); and the payments and refunds themselves. Row-level security keeps it in
 * the tenant; the school filter keeps it to the school.
 */
@ApplicationScoped
public class SchoolBooks {

    @Inject
    EntityManager em;

    public record Books(String school, String schoolName, List<AccountView> accounts, List<EntryView> entries,
                        long debitsFen, long creditsFen, long trialBalanceFen,
                        List<PaymentRow> payments, List<RefundRow> refunds) {
    }

    /** An account as its owner reads it: the balance on its normal side, and what the account is. */
    public record AccountView(String code, String kind, String side, String about, long debitsFen, long creditsFen,
                              long balanceFen) {
    }

    public record EntryView(UUID id, String key, String causeType, String causeId, String memo, UUID reverses,
                            String postedBy, OffsetDateTime postedAt, List<LineView> lines) {
        public Cause cause() {
            return Cause.of(causeType);
        }
    }

    /** Why an entry was posted, by its cause type. */
    public enum Cause {
        ORDER_LINE, ORDER_ADJUSTMENT, PAYMENT, REFUND, REVERSAL, OTHER;

        static Cause of(String causeType) {
            for (Cause c : values()) {
                if (c.name().equalsIgnoreCase(causeType)) {
                    return c;
                }
            }
            return OTHER;
        }
    }

    public record LineView(String account, long debitFen, long creditFen) {
    }

    public record PaymentRow(UUID id, UUID order, String payer, long amountFen, String status, String gateway,
                             String transactionId, OffsetDateTime createdAt, OffsetDateTime settledAt, String settledBy) {
    }

    public record RefundRow(UUID id, UUID order, String payer, long amountFen, String status, String refundId,
                            OffsetDateTime createdAt, OffsetDateTime settledAt, String failure) {
    }

    @SuppressWarnings("unchecked")
    public Books of(School school) {
        List<Object[]> rows = em.createNativeQuery("""
                        WITH orders AS (SELECT id FROM payment_order WHERE tenant_id = ?1 AND school_id = ?2),
                             lines AS (SELECT id::text AS id FROM order_line WHERE tenant_id = ?1 AND order_id IN (SELECT id FROM orders)),
                             pays AS (SELECT id::text AS id FROM payment WHERE tenant_id = ?1 AND order_id IN (SELECT id FROM orders)),
                             refs AS (SELECT id::text AS id FROM payment_refund WHERE tenant_id = ?1 AND order_id IN (SELECT id FROM orders)),
                             caused AS (SELECT e.id FROM journal_entry e WHERE e.tenant_id = ?1 AND (
                                    (e.cause_type = 'order_line' AND e.cause_id IN (SELECT id FROM lines))
                                 OR (e.cause_type = 'order_adjustment' AND split_part(e.cause_id, ':', 1) IN (SELECT id FROM lines))
                                 OR (e.cause_type = 'payment' AND e.cause_id IN (SELECT id FROM pays))
                                 OR (e.cause_type = 'refund' AND e.cause_id IN (SELECT id FROM refs))))
                        SELECT e.id, e.idempotency_key, e.cause_type, e.cause_id, e.memo, e.reverses_id, e.posted_by, e.posted_at,
                               l.account_code, l.debit_fen, l.credit_fen
                        FROM journal_entry e JOIN journal_line l ON l.tenant_id = e.tenant_id AND l.entry_id = e.id
                        WHERE e.tenant_id = ?1 AND (e.id IN (SELECT id FROM caused) OR e.reverses_id IN (SELECT id FROM caused))
                        ORDER BY e.posted_at, e.id, l.line_no""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).getResultList();
        Map<UUID, EntryView> entries = new LinkedHashMap<>();
        Map<String, long[]> sums = new TreeMap<>();
        long debits = 0;
        long credits = 0;
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            EntryView e = entries.computeIfAbsent(id, k -> new EntryView(k, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (UUID) r[5], (String) r[6], time(r[7]), new ArrayList<>()));
            long debit = ((Number) r[9]).longValue();
            long credit = ((Number) r[10]).longValue();
            e.lines().add(new LineView((String) r[8], debit, credit));
            long[] s = sums.computeIfAbsent((String) r[8], k -> new long[2]);
            s[0] += debit;
            s[1] += credit;
            debits += debit;
            credits += credit;
        }
        Map<String, String> about = about(school, sums.keySet());
        List<AccountView> accounts = new ArrayList<>();
        sums.forEach((code, s) -> {
            Account kind = Account.kindOf(code);
            accounts.add(new AccountView(code, kind.name(), kind.normal().name(), about.get(code), s[0], s[1],
                    kind.normalBalance(s[0] - s[1])));
        });
        List<PaymentOrder> orders = PaymentOrder.list("schoolId = ?1 order by createdAt, id", school.id);
        Map<UUID, String> payers = new LinkedHashMap<>();
        orders.forEach(o -> payers.put(o.id, o.payer));
        List<PaymentRow> payments = orders.isEmpty() ? List.of() : Payment.<Payment>list("orderId in ?1 order by createdAt, id", payers.keySet())
                .stream().map(p -> new PaymentRow(p.id, p.orderId, payers.get(p.orderId), p.amountFen, p.status.name(), p.gateway,
                        p.transactionId, p.createdAt, p.settledAt, p.settledBy)).toList();
        List<RefundRow> refunds = orders.isEmpty() ? List.of() : PaymentRefund.<PaymentRefund>list("orderId in ?1 order by createdAt, id",
                        payers.keySet()).stream()
                .map(r -> new RefundRow(r.id, r.orderId, payers.get(r.orderId), r.amountFen, r.status.name(), r.refundId, r.createdAt,
                        r.settledAt, r.failure)).toList();
        List<EntryView> list = new ArrayList<>(entries.values());
        java.util.Collections.reverse(list); // newest first, as a finance office reads a journal
        return new Books(school.code, school.nameZh, accounts, list, debits, credits, debits - credits, payments, refunds);
    }

    /** What an account stands for, in Chinese: the child and service of a receivable, the bearer of a waiver… */
    private Map<String, String> about(School school, Iterable<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String code : codes) {
            int colon = code.indexOf(':');
            String q = colon < 0 ? "" : code.substring(colon + 1);
            String text = switch (Account.kindOf(code)) {
                case PARENT_RECEIVABLE -> line(q);
                case REFUNDS_PAYABLE -> order(q);
                case SCHOOL_PAYABLE, GOVERNMENT_RECEIVABLE, COLLECTING -> collecting(q, school);
                default -> q;
            };
            out.put(code, text);
        }
        return out;
    }

    private static String line(String id) {
        try {
            OrderLine l = OrderLine.findById(UUID.fromString(id));
            if (l == null) {
                return id;
            }
            Child c = Child.findById(l.childId);
            OfferedService s = OfferedService.findById(l.serviceId);
            return (c == null ? "" : c.nameZh + " · ") + (s == null ? l.kind : s.titleZh);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String order(String id) {
        try {
            PaymentOrder o = PaymentOrder.findById(UUID.fromString(id));
            return o == null ? id : o.payer;
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String collecting(String q, School school) {
        String text = q.replace(school.id.toString(), school.nameZh);
        for (CollectingAccount a : CollectingAccount.values()) {
            text = text.replace(a.name(), a.zh);
        }
        return text.replace("FISCAL.", "财政 · ").replace("SCHOOL.", "学校公用经费 · ").replace(".", " · ");
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
