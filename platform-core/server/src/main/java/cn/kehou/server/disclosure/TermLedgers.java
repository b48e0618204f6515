package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.reconciliation.SchoolReconciliations;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A school's ledger summary for a term — the one place the public page, the parents' committee
 * and a published summary take their figures from. Where the school has CONFIRMED its monthly
 * reconciliation with the platform (issue 12) for months of the term, the money figures are those
 * confirmed totals (source RECONCILED, naming each reconciliation version) — 000: the school
 * reconciles with the platform and publishes; otherwise the books as they stand (source LEDGER).
 * Called in the school's tenant (the request's, or TenantScope).
 */
@ApplicationScoped
public class TermLedgers {

    @Inject
    EntityManager em;
    @Inject
    SchoolReconciliations reconciliations;

    public Disclosed.LedgerSummary summary(School school, SchoolTerm term) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        WITH orders AS (SELECT id FROM payment_order WHERE tenant_id = ?1 AND school_id = ?2 AND term_id = ?3)
                        SELECT (SELECT count(*) FROM orders),
                               (SELECT COALESCE(sum(charge_fen), 0) FROM order_line WHERE tenant_id = ?1 AND order_id IN (SELECT id FROM orders)),
                               (SELECT COALESCE(sum(waived_fen), 0) FROM order_line WHERE tenant_id = ?1 AND order_id IN (SELECT id FROM orders)),
                               (SELECT COALESCE(sum(amount_fen), 0) FROM payment WHERE tenant_id = ?1 AND status = 'SUCCEEDED'
                                    AND order_id IN (SELECT id FROM orders)),
                               (SELECT COALESCE(sum(amount_fen), 0) FROM payment_refund WHERE tenant_id = ?1 AND status = 'SUCCEEDED'
                                    AND order_id IN (SELECT id FROM orders))""")
                .setParameter(1, school.tenantId).setParameter(2, school.id).setParameter(3, term.id).getSingleResult();
        int orders = ((Number) r[0]).intValue();
        long charged = ((Number) r[1]).longValue();

        List<String> confirmed = new ArrayList<>();
        long paid = 0;
        long waived = 0;
        long refunded = 0;
        YearMonth last = YearMonth.from(term.endsOn);
        for (YearMonth m = YearMonth.from(term.startsOn); !m.isAfter(last); m = m.plusMonths(1)) {
            var s = reconciliations.confirmedSummary(school.tenantId, school.id, m);
            if (s.isPresent()) {
                confirmed.add(s.get().period() + " v" + s.get().version());
                paid += s.get().collectedFen();
                waived += s.get().waivedFen();
                refunded += s.get().refundedFen();
            }
        }
        if (!confirmed.isEmpty()) {
            return new Disclosed.LedgerSummary(school.code, term.id.toString(), term.name, term.startsOn, term.endsOn,
                    orders, charged, waived, paid, refunded, "RECONCILED", List.copyOf(confirmed));
        }
        return new Disclosed.LedgerSummary(school.code, term.id.toString(), term.name, term.startsOn, term.endsOn,
                orders, charged, ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), "LEDGER",
                List.of());
    }
}
