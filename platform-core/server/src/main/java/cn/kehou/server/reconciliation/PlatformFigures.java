package cn.kehou.server.reconciliation;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.Provider;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the platform's own records say about one school in one month, line by line — the lines a
 * school's 台账 is reconciled against (000: served-student list, fees collected, expenditure detail):
 * <ul>
 *   <li>{@code STUDENTS_SERVED}: distinct children billed for a service of the school running in the
 *       month, less those who withdrew before it began;</li>
 *   <li>per service: {@code COLLECTED} (payments captured in the month, by allocation), {@code WAIVED}
 *       (waivers booked on lines billed in the month, borne by government or school) and
 *       {@code REFUNDED} (refunds agreed in the month when a family withdrew or sessions were called off);</li>
 *   <li>{@code REFUNDS_PAID}: refunds the gateway paid out in the month;</li>
 *   <li>expenditure: {@code PAYOUT_SCHOOL} (the settlement run's payout of the school's basic-care
 *       income, in full) and per provider {@code PROVIDER_LESSONS} and {@code PROVIDER_PAYABLE} —
 *       the lessons it delivered at this school and what they earn under its contract, computed as
 *       the settlement run computes them ({@link SettlementRun#earned}).</li>
 * </ul>
 * and the school's own staff (003: 课后服务补助从收费中列支): {@code STIPENDS} and {@code LABOUR_FEES} — the
 * month's published stipend run as booked ({@code stipends:<school>:<month>}, stipends.StipendRuns) — and
 * {@code STIPENDS_PAID}, what the school recorded as paid by bank for that run ({@code stipends-paid:<school>:<month>}).
 */
@ApplicationScoped
public class PlatformFigures {

    @Inject
    EntityManager em;
    @Inject
    SettlementRun settlement;

    public enum Unit { COUNT, FEN }

    /** One platform line: its stable code, unit, a label (the service or provider it is about, else empty) and value. */
    public record Figure(String code, Unit unit, String label, long value) {
    }

    public List<Figure> of(School school, YearMonth period) {
        OffsetDateTime from = period.atDay(1).atStartOfDay(SettlementRun.CHINA).toOffsetDateTime();
        OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay(SettlementRun.CHINA).toOffsetDateTime();
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("STUDENTS_SERVED", Unit.COUNT, "", studentsServed(school, period, from)));

        Map<UUID, long[]> byService = new LinkedHashMap<>();
        perService(byService, 0, """
                SELECT l.service_id, sum(a.amount_fen) FROM payment_allocation a
                JOIN payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
                JOIN order_line l ON l.tenant_id = a.tenant_id AND l.id = a.line_id
                JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                WHERE o.tenant_id = ?1 AND o.school_id = ?2 AND p.status = 'SUCCEEDED'
                  AND COALESCE(p.settled_at, p.created_at) >= ?3 AND COALESCE(p.settled_at, p.created_at) < ?4
                GROUP BY l.service_id""", school, from, to);
        perService(byService, 1, """
                SELECT l.service_id, sum(l.waived_fen) FROM order_line l
                JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                WHERE o.tenant_id = ?1 AND o.school_id = ?2 AND l.created_at >= ?3 AND l.created_at < ?4
                GROUP BY l.service_id""", school, from, to);
        perService(byService, 2, """
                SELECT l.service_id, sum(d.refund_fen) FROM order_adjustment d
                JOIN order_line l ON l.tenant_id = d.tenant_id AND l.id = d.line_id
                JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                WHERE o.tenant_id = ?1 AND o.school_id = ?2 AND d.created_at >= ?3 AND d.created_at < ?4
                GROUP BY l.service_id""", school, from, to);
        Map<UUID, OfferedService> services = new LinkedHashMap<>();
        byService.keySet().forEach(id -> services.put(id, OfferedService.findById(id)));
        List<UUID> ordered = new ArrayList<>(byService.keySet());
        ordered.sort(Comparator.comparing((UUID id) -> services.get(id) == null ? "" : services.get(id).titleZh)
                .thenComparing(UUID::toString));
        for (UUID id : ordered) {
            long[] v = byService.get(id);
            String title = services.get(id) == null ? id.toString() : services.get(id).titleZh;
            String[] kinds = {"COLLECTED", "WAIVED", "REFUNDED"};
            for (int i = 0; i < kinds.length; i++) {
                if (v[i] != 0 || i == 0) {
                    out.add(new Figure(kinds[i] + ":" + id, Unit.FEN, title, v[i]));
                }
            }
        }
        out.add(new Figure("REFUNDS_PAID", Unit.FEN, "", sum("""
                SELECT COALESCE(sum(r.amount_fen), 0) FROM payment_refund r
                JOIN payment_order o ON o.tenant_id = r.tenant_id AND o.id = r.order_id
                WHERE o.tenant_id = ?1 AND o.school_id = ?2 AND r.status = 'SUCCEEDED' AND r.settled_at >= ?3 AND r.settled_at < ?4""",
                school, from, to)));
        out.add(new Figure("PAYOUT_SCHOOL", Unit.FEN, "", ((Number) em.createNativeQuery(
                        "SELECT COALESCE(sum(amount_fen), 0) FROM settlement_payout WHERE tenant_id = ?1 AND period = ?2 AND recipient_id = ?3")
                .setParameter(1, school.tenantId).setParameter(2, period.toString()).setParameter(3, school.id)
                .getSingleResult()).longValue()));
        out.addAll(providers(school, period));
        String key = school.id + ":" + period;
        out.add(new Figure("STIPENDS", Unit.FEN, "", booked("stipends:" + key, "STIPEND_EXPENSE:%", true, school)));
        out.add(new Figure("LABOUR_FEES", Unit.FEN, "", booked("stipends:" + key, "LABOUR_FEE_EXPENSE:%", true, school)));
        out.add(new Figure("STIPENDS_PAID", Unit.FEN, "", booked("stipends-paid:" + key, "STAFF_PAYABLE:%", true, school)));
        return out;
    }

    private long studentsServed(School school, YearMonth period, OffsetDateTime from) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(DISTINCT l.child_id) FROM order_line l
                        JOIN payment_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id
                        JOIN school_service s ON s.tenant_id = l.tenant_id AND s.id = l.service_id
                        WHERE o.tenant_id = ?1 AND o.school_id = ?2 AND s.valid_from <= ?3 AND s.valid_to >= ?4
                          AND NOT EXISTS (SELECT 1 FROM enrollment_event e WHERE e.tenant_id = l.tenant_id
                                          AND e.application_id = l.application_id AND e.to_status = 'WITHDRAWN' AND e.at < ?5)""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, period.atEndOfMonth())
                .setParameter(4, period.atDay(1)).setParameter(5, from).getSingleResult()).longValue();
    }

    /** Per provider with a service at the school in the month: lessons delivered there and what they earn. */
    private List<Figure> providers(School school, YearMonth period) {
        Map<UUID, long[]> byProvider = new TreeMap<>();
        List<OfferedService> services = OfferedService.list("tenantId = ?1 and schoolId = ?2 and providerId is not null"
                + " and validFrom <= ?3 and validTo >= ?4 order by id", school.tenantId, school.id, period.atEndOfMonth(), period.atDay(1));
        for (OfferedService s : services) {
            int lessons = settlement.lessons(s, period.atDay(1), period.atEndOfMonth());
            long earned = settlement.earned(s, period.atDay(1), period.atEndOfMonth()).values().stream().mapToLong(Long::longValue).sum();
            long[] v = byProvider.computeIfAbsent(s.providerId, k -> new long[2]);
            v[0] += lessons;
            v[1] += earned;
        }
        List<Figure> out = new ArrayList<>();
        byProvider.forEach((id, v) -> {
            Provider p = Provider.findById(id);
            String name = p == null ? id.toString() : p.nameZh;
            out.add(new Figure("PROVIDER_LESSONS:" + id, Unit.COUNT, name, v[0]));
            out.add(new Figure("PROVIDER_PAYABLE:" + id, Unit.FEN, name, v[1]));
        });
        return out;
    }

    /** The debits ({@code debit}) or credits on accounts like {@code account} of the ledger entry keyed {@code key}. */
    private long booked(String key, String account, boolean debit, School school) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(sum(" + (debit ? "l.debit_fen" : "l.credit_fen") + "), 0)"
                        + " FROM journal_line l JOIN journal_entry e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id"
                        + " WHERE e.tenant_id = ?1 AND e.idempotency_key = ?2 AND l.account_code LIKE ?3")
                .setParameter(1, school.tenantId).setParameter(2, key).setParameter(3, account).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private void perService(Map<UUID, long[]> into, int slot, String sql, School school, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, school.tenantId).setParameter(2, school.id)
                .setParameter(3, from).setParameter(4, to).getResultList();
        for (Object[] r : rows) {
            into.computeIfAbsent((UUID) r[0], k -> new long[3])[slot] += ((Number) r[1]).longValue();
        }
    }

    private long sum(String sql, School school, OffsetDateTime from, OffsetDateTime to) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, school.tenantId).setParameter(2, school.id)
                .setParameter(3, from).setParameter(4, to).getSingleResult()).longValue();
    }
}
