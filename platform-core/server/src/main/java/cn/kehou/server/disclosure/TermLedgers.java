package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A school's ledger summary for a term — the one place the public page, the parents' committee
 * and a published summary take their figures from. Today it reads the books as they stand
 * (orders, payments and refunds of the term); when school ledger reconciliation (issue 12) lands,
 * this method should return the confirmed reconciliation instead (source RECONCILIATION).
 */
@ApplicationScoped
public class TermLedgers {

    @Inject
    EntityManager em;

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
        return new Disclosed.LedgerSummary(school.code, term.id.toString(), term.name, term.startsOn, term.endsOn,
                ((Number) r[0]).intValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), "LEDGER");
    }
}
