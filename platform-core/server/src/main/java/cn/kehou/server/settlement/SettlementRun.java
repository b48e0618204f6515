package cn.kehou.server.settlement;

import cn.kehou.server.attendance.Attendance;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.Provider;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.ledger.Account;
import cn.kehou.server.ledger.JournalEntry;
import cn.kehou.server.ledger.Ledger;
import cn.kehou.server.ledger.Money;
import cn.kehou.server.payments.Sessions;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The settlement run of one tenant for one period (a calendar month, China time), once the period
 * has ended:
 * <ul>
 *   <li>each school is paid what families paid in the period for its basic-care lines, in full
 *       (000): its share of every payment allocated to such a line;</li>
 *   <li>each provider is paid per lesson delivered in the period: attendance's lessons delivered
 *       where the service has attendance marks in the period, else the scheduled sessions before
 *       today minus those the school called off. The contract holds a term price per student (the
 *       provider's payable booked on each order line at billing — the awarded in-school price times
 *       the route's provider share), so a lesson is worth that payable ÷ the term's sessions
 *       ({@code order_line.sessions_total}), rounded down to the fen per line.</li>
 * </ul>
 * Each recipient gets one balanced entry — Dr its payable (the debt is discharged), Cr the
 * collecting account(s) the money was collected in — keyed {@code settlement:<period>:<recipient>}
 * and recorded in {@code settlement_payout}, the payout file's source. A recipient already settled
 * for the period is skipped, so a second run writes nothing; a school's payment timed in a period
 * already settled for it is paid by the school's next run (schoolIncome). A payout never exceeds what the
 * recipient is owed in the ledger nor what the collecting account holds: the difference stays due
 * ({@code due_fen} vs {@code amount_fen}).
 */
@ApplicationScoped
public class SettlementRun {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Attendance attendance;
    @Inject
    SingleRun singleRun;
    @Inject
    Clock clock;

    public record Payout(UUID recipient, String kind, String name, UUID school, int lessons, long dueFen, long amountFen,
                         String amountYuan, String entryKey, UUID entryId, OffsetDateTime createdAt) {
    }

    public record PeriodPayout(String period, Payout payout) {
    }

    public record Result(String period, int entriesWritten, int alreadySettled, List<Payout> payouts) {
    }

    /** "2026-10" → the month; anything else is a 400. */
    public static YearMonth period(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "SETTLEMENT_PERIOD_INVALID", text);
        }
    }

    /**
     * Runs the settlement once at a time per tenant (an advisory lock, in its own transaction, in
     * the current tenant's scope).
     *
     * @return the result, or a 409 when another run of the tenant holds the lock right now
     */
    public Result run(UUID tenantId, YearMonth period, String actor) {
        if (!period.atEndOfMonth().isBefore(LocalDate.now(clock.withZone(CHINA)))) {
            throw new ProblemException(409, "SETTLEMENT_PERIOD_OPEN", period.toString());
        }
        // A province's run reads every payment of the month: more than the default minute.
        Result r = singleRun.ifFree("settlement:" + tenantId, java.time.Duration.ofHours(1), () -> runLocked(tenantId, period, actor));
        if (r == null) {
            throw new ProblemException(409, "SETTLEMENT_RUNNING", period.toString());
        }
        return r;
    }

    /** What is owed to one recipient for the period, per collecting account. */
    private static final class Due {
        final UUID recipient;
        final String kind;
        final String name;
        final UUID school;
        final String payable;
        int lessons;
        final Map<String, Long> byCollecting = new TreeMap<>();

        Due(UUID recipient, String kind, String name, UUID school, String payable) {
            this.recipient = recipient;
            this.kind = kind;
            this.name = name;
            this.school = school;
            this.payable = payable;
        }

        long total() {
            return byCollecting.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Result runLocked(UUID tenantId, YearMonth period, String actor) {
        Set<UUID> settled = new HashSet<>();
        for (Payout p : payouts(period)) {
            settled.add(p.recipient());
        }
        LocalDate from = period.atDay(1);
        LocalDate to = period.atEndOfMonth();
        List<Due> dues = new ArrayList<>();
        Map<UUID, Map<String, Long>> income = schoolIncome(tenantId, period);
        for (School school : School.<School>list("tenantId = ?1 order by code", tenantId)) {
            if (!settled.contains(school.id)) {
                Due due = new Due(school.id, "SCHOOL", school.nameZh, school.id, Account.SCHOOL_PAYABLE.code(school.id.toString()));
                due.byCollecting.putAll(income.getOrDefault(school.id, Map.of()));
                due.byCollecting.values().removeIf(v -> v <= 0);
                dues.add(due);
            }
        }
        dues.addAll(providerDues(tenantId, from, to, settled));

        Map<String, Long> collectingLeft = new LinkedHashMap<>();
        int written = 0;
        for (Due due : dues) {
            long total = due.total();
            if (total <= 0) {
                continue;
            }
            long owed = Math.max(0, -balance(tenantId, due.payable)); // a payable's balance sits on the credit side
            long amount = Math.min(total, owed);
            List<JournalEntry.Line> lines = new ArrayList<>();
            long left = amount;
            for (Map.Entry<String, Long> e : due.byCollecting.entrySet()) {
                long available = collectingLeft.computeIfAbsent(e.getKey(), k -> balance(tenantId, k));
                long part = Math.min(left, Math.min(e.getValue(), available));
                if (part > 0) {
                    lines.add(JournalEntry.Line.credit(e.getKey(), Money.ofFen(part)));
                    collectingLeft.put(e.getKey(), available - part);
                    left -= part;
                }
            }
            amount -= left;
            if (amount <= 0) {
                continue;
            }
            lines.add(0, JournalEntry.Line.debit(due.payable, Money.ofFen(amount)));
            long paid = amount;
            // Each recipient's payout commits on its own (the run's lock stays held by the suspended
            // outer transaction): a crash keeps what was paid, and the next run pays only the rest.
            boolean replayed = QuarkusTransaction.requiringNew().call(() -> payOut(tenantId, period, due, total, paid, lines, actor));
            if (!replayed) {
                written++;
            }
        }
        return new Result(period.toString(), written, settled.size(), payouts(period));
    }

    /** Posts one recipient's entry and records its payout; true when the entry had been posted before. */
    private boolean payOut(UUID tenantId, YearMonth period, Due due, long total, long amount, List<JournalEntry.Line> lines,
                           String actor) {
        String key = "settlement:" + period + ":" + due.recipient;
        Ledger.Posted posted = ledger.post(tenantId, new JournalEntry(key, "settlement", period + ":" + due.recipient,
                "结算 " + period + " " + due.name, lines), actor);
        em.createNativeQuery("""
                        INSERT INTO settlement_payout (tenant_id, period, recipient_id, recipient_kind, recipient_name, school_id,
                                                       lessons, due_fen, amount_fen, entry_key, entry_id, created_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, tenantId).setParameter(2, period.toString()).setParameter(3, due.recipient)
                .setParameter(4, due.kind).setParameter(5, due.name).setParameter(6, due.school)
                .setParameter(7, due.lessons).setParameter(8, total).setParameter(9, amount).setParameter(10, key)
                .setParameter(11, posted.entryId()).setParameter(12, actor).executeUpdate();
        return posted.replayed();
    }

    /**
     * Each school's share of every payment allocated to one of its basic-care lines, per collecting
     * account, rounded down to the fen per line, never more than what the line still owes the school
     * after its latest re-settlement (Settlement: the refunded part went back to the family), less
     * what the school's earlier payouts already took. Counted from the school's earliest settled
     * period (or this one) to the end of this one, so a payment recorded with a time in a month whose
     * run had already paid the school (a late gateway notice, a backdated cash receipt) is paid by the
     * next run instead of never. One pass per distinct starting month, not one per school.
     */
    @SuppressWarnings("unchecked")
    private Map<UUID, Map<String, Long>> schoolIncome(UUID tenantId, YearMonth period) {
        Map<UUID, YearMonth> firstSettled = new java.util.HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        SELECT recipient_id, min(period) FROM settlement_payout
                        WHERE tenant_id = ?1 AND recipient_kind = 'SCHOOL' AND period < ?2 GROUP BY recipient_id""")
                .setParameter(1, tenantId).setParameter(2, period.toString()).getResultList()) {
            firstSettled.put((UUID) r[0], YearMonth.parse((String) r[1]));
        }
        Map<UUID, Map<String, Long>> out = new java.util.HashMap<>();
        java.util.Set<YearMonth> starts = new java.util.TreeSet<>(firstSettled.values());
        starts.add(period);
        for (YearMonth start : starts) {
            // Schools with no earlier payout start at this period; the others at their first settled month.
            Map<UUID, Map<String, Long>> since = schoolIncome(tenantId, start.atDay(1), period.atEndOfMonth(), period.atDay(1));
            since.forEach((school, byAccount) -> {
                if (firstSettled.getOrDefault(school, period).equals(start)) {
                    out.put(school, byAccount);
                }
            });
        }
        if (!firstSettled.isEmpty()) {
            // What each school's payouts of earlier periods already took from each collecting account.
            for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                            SELECT sp.recipient_id, l.account_code, sum(l.credit_fen - l.debit_fen) FROM settlement_payout sp
                            JOIN journal_line l ON l.tenant_id = sp.tenant_id AND l.entry_id = sp.entry_id
                            WHERE sp.tenant_id = ?1 AND sp.recipient_kind = 'SCHOOL' AND sp.period < ?2
                              AND l.account_code <> 'SCHOOL_PAYABLE:' || sp.recipient_id
                            GROUP BY sp.recipient_id, l.account_code""")
                    .setParameter(1, tenantId).setParameter(2, period.toString()).getResultList()) {
                Map<String, Long> byAccount = out.get((UUID) r[0]);
                if (byAccount != null) {
                    byAccount.computeIfPresent((String) r[1], (k, v) -> v - ((Number) r[2]).longValue());
                }
            }
        }
        return out;
    }

    /**
     * {@link #schoolIncome(UUID, YearMonth)} over one span for every school of the tenant. Before
     * {@code periodStart} only payments timed in a month already settled for the school count (the
     * late ones): a month not yet run keeps its own payments for its own run, whatever the order
     * months are run in.
     */
    @SuppressWarnings("unchecked")
    private Map<UUID, Map<String, Long>> schoolIncome(UUID tenantId, LocalDate from, LocalDate to, LocalDate periodStart) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT x.school_id, x.collecting_account,
                               sum(CASE WHEN x.resettled IS NULL THEN div(x.paid * x.share, x.price)
                                        ELSE LEAST(div(x.paid * x.share, x.price), x.resettled) END)
                        FROM (SELECT o.school_id, o.collecting_account, l.price_fen AS price,
                                     COALESCE((l.payables ->> ('SCHOOL_PAYABLE:' || o.school_id))::bigint, 0) AS share,
                                     sum(a.amount_fen) AS paid,
                                     (SELECT COALESCE((d.payables ->> ('SCHOOL_PAYABLE:' || o.school_id))::bigint, 0)
                                      FROM order_adjustment d WHERE d.tenant_id = l.tenant_id AND d.line_id = l.id
                                      ORDER BY d.seq DESC LIMIT 1) AS resettled
                              FROM payment_allocation a
                              JOIN payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
                              JOIN order_line l ON l.tenant_id = a.tenant_id AND l.id = a.line_id
                              JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                              WHERE a.tenant_id = ?1 AND l.kind = 'BASIC_CARE' AND p.status = 'SUCCEEDED'
                                AND COALESCE(p.settled_at, p.created_at) >= ?2 AND COALESCE(p.settled_at, p.created_at) < ?3
                                AND (COALESCE(p.settled_at, p.created_at) >= ?4 OR EXISTS (
                                     SELECT 1 FROM settlement_payout sp
                                     WHERE sp.tenant_id = o.tenant_id AND sp.recipient_id = o.school_id
                                       AND sp.period = to_char(COALESCE(p.settled_at, p.created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')))
                              GROUP BY o.school_id, o.collecting_account, l.tenant_id, l.id, l.price_fen, l.payables) x
                        WHERE x.price > 0 AND x.share > 0
                        GROUP BY x.school_id, x.collecting_account""")
                .setParameter(1, tenantId)
                .setParameter(2, from.atStartOfDay(CHINA).toOffsetDateTime())
                .setParameter(3, to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime())
                .setParameter(4, periodStart.atStartOfDay(CHINA).toOffsetDateTime()).getResultList();
        Map<UUID, Map<String, Long>> out = new java.util.HashMap<>();
        for (Object[] r : rows) {
            long fen = ((Number) r[2]).longValue();
            if (fen > 0) {
                out.computeIfAbsent((UUID) r[0], k -> new TreeMap<>()).merge((String) r[1], fen, Long::sum);
            }
        }
        return out;
    }

    /** Per provider: the lessons of its services in the period times each billed line's per-lesson price. */
    private List<Due> providerDues(UUID tenantId, LocalDate from, LocalDate to, Set<UUID> settled) {
        Map<UUID, Due> out = new LinkedHashMap<>();
        List<OfferedService> services = OfferedService.list(
                "tenantId = ?1 and providerId is not null and validFrom <= ?2 and validTo >= ?3 order by id", tenantId, to, from);
        for (OfferedService s : services) {
            if (settled.contains(s.providerId)) {
                continue;
            }
            int lessons = lessons(s, from, to);
            String payable = Account.PROVIDER_PAYABLE.code(s.providerId.toString());
            Due due = out.computeIfAbsent(s.providerId, p -> {
                Provider provider = Provider.findById(p);
                return new Due(p, "PROVIDER", provider == null ? p.toString() : provider.nameZh, null, payable);
            });
            due.lessons += lessons;
            if (lessons == 0) {
                continue;
            }
            earned(s, from, to).forEach((collecting, fen) -> due.byCollecting.merge(collecting, fen, Long::sum));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * What the provider of {@code s} earns for its lessons from {@code from} to {@code to}, per
     * collecting account: each billed line's provider payable (the contracted term price) ÷ the
     * term's sessions × the lessons that child's family paid for, rounded down to the fen per line.
     * A child withdrawn from the service counts only the lessons before the withdrawal day — the
     * family was refunded the rest (Sessions.delivered) — so a withdrawal is netted line by line.
     * Also what a school's reconciliation and a provider's statement show, so all three agree.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> earned(OfferedService s, LocalDate from, LocalDate to) {
        Map<String, Long> out = new TreeMap<>();
        if (s.providerId == null) {
            return out;
        }
        List<Object[]> lines = em.createNativeQuery("""
                        SELECT o.collecting_account, l.sessions_total, COALESCE((l.payables ->> ?2)::bigint, 0),
                               (SELECT min((e.at AT TIME ZONE 'Asia/Shanghai')::date) FROM enrollment_event e
                                WHERE e.tenant_id = l.tenant_id AND e.application_id = l.application_id AND e.to_status = 'WITHDRAWN')
                        FROM order_line l JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                        WHERE l.service_id = ?1 ORDER BY l.id""")
                .setParameter(1, s.id).setParameter(2, Account.PROVIDER_PAYABLE.code(s.providerId.toString())).getResultList();
        Map<LocalDate, Integer> lessonsUntil = new HashMap<>();
        for (Object[] l : lines) {
            int sessions = ((Number) l[1]).intValue();
            long termFen = ((Number) l[2]).longValue();
            LocalDate withdrawn = l[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) l[3];
            LocalDate until = withdrawn != null && !withdrawn.isAfter(to) ? withdrawn.minusDays(1) : to;
            int lessons = until.isBefore(from) ? 0 : lessonsUntil.computeIfAbsent(until, u -> lessons(s, from, u));
            if (sessions > 0 && termFen > 0 && lessons > 0) {
                out.merge((String) l[0], Math.multiplyExact(termFen, (long) Math.min(lessons, sessions)) / sessions, Long::sum);
            }
        }
        return out;
    }

    /**
     * Lessons of {@code s} delivered from {@code from} to {@code to}: from attendance where the
     * service has marks in those days, else its scheduled sessions before today that were not called off.
     */
    public int lessons(OfferedService s, LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(s.validFrom) ? s.validFrom : from;
        LocalDate end = to.isAfter(s.validTo) ? s.validTo : to;
        if (end.isBefore(start)) {
            return 0;
        }
        long marks = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM attendance_mark WHERE service_id = ?1 AND on_date BETWEEN ?2 AND ?3")
                .setParameter(1, s.id).setParameter(2, start).setParameter(3, end).getSingleResult()).longValue();
        if (marks > 0) {
            return attendance.lessonsDelivered(s, start, end);
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(CHINA)).minusDays(1);
        if (end.isAfter(yesterday)) {
            end = yesterday;
        }
        if (end.isBefore(start)) {
            return 0;
        }
        SchoolTerm term = SchoolTerm.findById(s.termId);
        @SuppressWarnings("unchecked")
        List<Object> cancelled = em.createNativeQuery(
                        "SELECT on_date FROM cancelled_session WHERE service_id = ?1 AND on_date BETWEEN ?2 AND ?3")
                .setParameter(1, s.id).setParameter(2, start).setParameter(3, end).getResultList();
        Set<LocalDate> off = new HashSet<>();
        cancelled.forEach(d -> off.add(d instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) d));
        return Sessions.delivered(Sessions.of(start, end, s.daySet(), term == null ? null : term.holidays), off, null);
    }

    /** Every period's payout to one recipient (a school, a provider) in the current tenant, newest first. */
    @SuppressWarnings("unchecked")
    public List<PeriodPayout> payoutsTo(UUID recipient) {
        List<Object> periods = em.createNativeQuery("SELECT period FROM settlement_payout WHERE recipient_id = ?1 ORDER BY period DESC")
                .setParameter(1, recipient).getResultList();
        List<PeriodPayout> out = new ArrayList<>();
        for (Object period : periods) {
            payouts(YearMonth.parse((String) period)).stream().filter(p -> p.recipient().equals(recipient))
                    .forEach(p -> out.add(new PeriodPayout((String) period, p)));
        }
        return out;
    }

    /** The period's payouts of the current tenant, schools first. */
    @SuppressWarnings("unchecked")
    public List<Payout> payouts(YearMonth period) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT recipient_id, recipient_kind, recipient_name, school_id, lessons, due_fen, amount_fen, entry_key,
                               entry_id, created_at
                        FROM settlement_payout WHERE period = ?1 ORDER BY recipient_kind DESC, recipient_name, recipient_id""")
                .setParameter(1, period.toString()).getResultList();
        List<Payout> out = new ArrayList<>();
        for (Object[] r : rows) {
            long amount = ((Number) r[6]).longValue();
            out.add(new Payout((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], ((Number) r[4]).intValue(),
                    ((Number) r[5]).longValue(), amount, Money.ofFen(amount).yuan(), (String) r[7], (UUID) r[8],
                    r[9] instanceof OffsetDateTime t ? t : r[9] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : null));
        }
        return out;
    }

    private long balance(UUID tenantId, String account) {
        Number n = (Number) em.createNativeQuery(
                        "SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line WHERE tenant_id = ?1 AND account_code = ?2")
                .setParameter(1, tenantId).setParameter(2, account).getSingleResult();
        return n.longValue();
    }
}
