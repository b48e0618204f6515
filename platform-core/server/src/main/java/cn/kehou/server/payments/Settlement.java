package cn.kehou.server.payments;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.enrollment.Application;
import cn.kehou.server.ledger.JournalEntry;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 多退少补 for one order line: what the family, each waiver's bearer and each recipient should
 * carry given the sessions the child actually gets (none after a withdrawal, none on a cancelled
 * day), by the region's own rule (FundsFlow.refund), against what they carry now. The difference
 * is one balanced ledger entry: an unpaid part is taken off the family's receivable, a paid part
 * becomes a refund owed, a waiver's bearer owes less, the recipients are owed less. Always computed
 * from the whole term, never as a sum of per-session roundings, so settling twice changes nothing.
 */
@ApplicationScoped
public class Settlement {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    RegionMoneyRules rules;
    @Inject
    PaymentAccounts accounts;
    @Inject
    Ledger ledger;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public enum Cause { WITHDRAWAL, SESSIONS_CANCELLED }

    /** One settlement's facts and outcome, as stored and shown to the family. */
    public record State(long familyDueFen, Map<String, Long> waiversDue, Map<String, Long> payables) {
    }

    /**
     * Re-settles {@code line} against today's facts; posts nothing when nothing changed, except
     * that a withdrawal is always recorded once (so the family sees it, and the sweep knows).
     *
     * @return the refund now owed to the family because of it, in fen (0 if none)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long settle(OrderLine line, String actor) {
        PaymentOrder.lock(line.tenantId, line.orderId);
        OfferedService s = OfferedService.findById(line.serviceId);
        SchoolTerm term = SchoolTerm.findById(s.termId);
        Application app = Application.findById(line.applicationId);
        List<LocalDate> sessions = Sessions.of(s.validFrom, s.validTo, s.daySet(), term.holidays);
        Set<LocalDate> cancelled = cancelledDays(line.tenantId, s.id);
        LocalDate withdrawnOn = app.status == Application.Status.WITHDRAWN ? withdrawnOn(app) : null;
        int delivered = Sessions.delivered(sessions, cancelled, withdrawnOn);
        Cause cause = withdrawnOn != null ? Cause.WITHDRAWAL : Cause.SESSIONS_CANCELLED;

        Object[] last = lastAdjustment(line);
        boolean withdrawalRecorded = withdrawalRecorded(line);
        if (last == null && delivered == sessions.size() && withdrawnOn == null) {
            return 0;
        }
        State now = last == null ? initial(line) : stateOf(last);

        RegionMoneyRules.At at = rules.at(School.findById(s.schoolId), LocalDate.now(clock));
        ServiceKind kind = ServiceKind.valueOf(line.kind);
        int total = sessions.size();
        long familyDue = line.chargeFen - rules.refund(at, kind, line.chargeFen, total, delivered);
        Map<String, Long> waiversDue = new LinkedHashMap<>();
        initial(line).waiversDue().forEach((account, fen) ->
                waiversDue.put(account, fen - rules.refund(at, kind, fen, total, delivered)));
        long priceDue = familyDue + waiversDue.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> payables = new LinkedHashMap<>(Shares.split(priceDue, Charging.parts(line)));
        State next = new State(familyDue, waiversDue, payables);

        boolean changed = !next.equals(now);
        if (!changed && !(cause == Cause.WITHDRAWAL && !withdrawalRecorded)) {
            return 0;
        }
        long familyCredit = now.familyDueFen() - familyDue;
        long receivable = accounts.balance(line.tenantId, PaymentAccounts.receivable(line.id));
        long offReceivable = familyCredit > 0 ? Math.min(familyCredit, receivable) : familyCredit;
        long refund = familyCredit > 0 ? familyCredit - offReceivable : 0;

        int seq = last == null ? 1 : ((Number) last[0]).intValue() + 1;
        String entryKey = null;
        if (changed) {
            List<JournalEntry.Line> lines = new ArrayList<>();
            signed(lines, PaymentAccounts.receivable(line.id), -offReceivable);
            signed(lines, PaymentAccounts.refunds(line.orderId), -refund);
            Set<String> bearers = new LinkedHashSet<>(now.waiversDue().keySet());
            bearers.addAll(waiversDue.keySet());
            bearers.forEach(a -> signed(lines, a, -(now.waiversDue().getOrDefault(a, 0L) - waiversDue.getOrDefault(a, 0L))));
            Set<String> recipients = new LinkedHashSet<>(now.payables().keySet());
            recipients.addAll(payables.keySet());
            recipients.forEach(a -> signed(lines, a, now.payables().getOrDefault(a, 0L) - payables.getOrDefault(a, 0L)));
            if (lines.size() >= 2) {
                entryKey = "adjust:" + line.id + ":" + seq;
                ledger.post(line.tenantId, new JournalEntry(entryKey, "order_adjustment", line.id + ":" + seq,
                        cause + ": " + delivered + " of " + total + " sessions", lines), actor);
            }
        }
        em.createNativeQuery("""
                        INSERT INTO order_adjustment (tenant_id, id, line_id, seq, cause, sessions_total, sessions_delivered,
                            family_due_fen, family_credit_fen, refund_fen, waivers_due, payables, entry_key, created_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS jsonb), CAST(?12 AS jsonb), ?13, ?14)""")
                .setParameter(1, line.tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, line.id)
                .setParameter(4, seq).setParameter(5, cause.name()).setParameter(6, total).setParameter(7, delivered)
                .setParameter(8, familyDue).setParameter(9, familyCredit).setParameter(10, refund)
                .setParameter(11, Json.write(waiversDue)).setParameter(12, Json.write(payables))
                .setParameter(13, entryKey).setParameter(14, actor).executeUpdate();
        return refund;
    }

    /** A debit for a positive amount, a credit for a negative one, nothing for zero. */
    private static void signed(List<JournalEntry.Line> lines, String account, long debitMinusCredit) {
        if (debitMinusCredit > 0) {
            lines.add(JournalEntry.Line.debit(account, Money.ofFen(debitMinusCredit)));
        } else if (debitMinusCredit < 0) {
            lines.add(JournalEntry.Line.credit(account, Money.ofFen(-debitMinusCredit)));
        }
    }

    /** What a line carried when it was billed. */
    static State initial(OrderLine line) {
        Map<String, Long> waivers = new LinkedHashMap<>();
        line.waivers.forEach(w -> waivers.merge((String) w.get("account"), ((Number) w.get("amountFen")).longValue(), Long::sum));
        Map<String, Long> payables = new LinkedHashMap<>();
        line.payables.forEach((k, v) -> payables.put(k, ((Number) v).longValue()));
        return new State(line.chargeFen, waivers, payables);
    }

    private static State stateOf(Object[] row) {
        return new State(((Number) row[1]).longValue(), Json.longs((String) row[2]), Json.longs((String) row[3]));
    }

    @SuppressWarnings("unchecked")
    private Object[] lastAdjustment(OrderLine line) {
        List<Object[]> rows = em.createNativeQuery("SELECT seq, family_due_fen, waivers_due::text, payables::text FROM order_adjustment"
                        + " WHERE tenant_id = ?1 AND line_id = ?2 ORDER BY seq DESC LIMIT 1")
                .setParameter(1, line.tenantId).setParameter(2, line.id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private boolean withdrawalRecorded(OrderLine line) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM order_adjustment WHERE tenant_id = ?1 AND line_id = ?2"
                        + " AND cause = 'WITHDRAWAL'")
                .setParameter(1, line.tenantId).setParameter(2, line.id).getSingleResult()).longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    Set<LocalDate> cancelledDays(UUID tenantId, UUID serviceId) {
        Set<LocalDate> out = new HashSet<>();
        List<Object> rows = em.createNativeQuery("SELECT on_date FROM cancelled_session WHERE tenant_id = ?1 AND service_id = ?2")
                .setParameter(1, tenantId).setParameter(2, serviceId).getResultList();
        rows.forEach(r -> out.add(r instanceof Date d ? d.toLocalDate() : (LocalDate) r));
        return out;
    }

    /** The day the family withdrew, in China time, from the application's trail. */
    @SuppressWarnings("unchecked")
    LocalDate withdrawnOn(Application app) {
        List<Object> rows = em.createNativeQuery("SELECT (at AT TIME ZONE 'Asia/Shanghai')::date FROM enrollment_event"
                        + " WHERE tenant_id = ?1 AND application_id = ?2 AND to_status = 'WITHDRAWN' ORDER BY at LIMIT 1")
                .setParameter(1, app.tenantId).setParameter(2, app.id).getResultList();
        if (!rows.isEmpty()) {
            Object r = rows.get(0);
            return r instanceof Date d ? d.toLocalDate() : (LocalDate) r;
        }
        return app.updatedAt.atZoneSameInstant(CHINA).toLocalDate();
    }
}
