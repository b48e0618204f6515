package cn.kehou.server.payments;

import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.enrollment.Application;
import cn.kehou.server.enrollment.WithdrawalQuotes;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The refund a withdrawal would bring, computed as {@link Settlement} would settle it on that day
 * (the region's FundsFlow.refund over the term's sessions, against what the family owes now) but
 * writing nothing: the family reads it before confirming.
 */
@ApplicationScoped
public class WithdrawalQuote implements WithdrawalQuotes {

    @Inject
    RegionMoneyRules rules;
    @Inject
    PaymentAccounts accounts;
    @Inject
    Settlement settlement;
    @Inject
    EntityManager em;

    @Override
    public Optional<Quote> quote(Application app, LocalDate withdrawOn) {
        List<OrderLine> lines = OrderLine.list("applicationId", app.id);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long charged = 0;
        long paid = 0;
        long refund = 0;
        long noLongerDue = 0;
        int total = 0;
        int delivered = 0;
        String plugin = null;
        for (OrderLine line : lines) {
            OfferedService s = OfferedService.findById(line.serviceId);
            SchoolTerm term = SchoolTerm.findById(s.termId);
            List<LocalDate> sessions = Sessions.of(s.validFrom, s.validTo, s.daySet(), term.holidays);
            int got = Sessions.delivered(sessions, settlement.cancelledDays(line.tenantId, s.id), withdrawOn);
            RegionMoneyRules.At at = rules.at(School.findById(s.schoolId), withdrawOn);
            long dueAfter = line.chargeFen - rules.refund(at, ServiceKind.valueOf(line.kind), line.chargeFen, sessions.size(), got);
            long dueNow = dueNow(line);
            long owed = accounts.balance(line.tenantId, PaymentAccounts.receivable(line.id));
            long credit = Math.max(0, dueNow - dueAfter);
            long off = Math.min(credit, Math.max(0, owed));
            charged += line.chargeFen;
            paid += Math.max(0, dueNow - owed);
            refund += credit - off;
            noLongerDue += off;
            total += sessions.size();
            delivered += got;
            plugin = at.pluginId();
        }
        return Optional.of(new Quote(charged, paid, refund, noLongerDue, total, delivered, plugin));
    }

    /** What the family owes for the line now: the charge, or the last adjustment's due (cancelled sessions). */
    @SuppressWarnings("unchecked")
    private long dueNow(OrderLine line) {
        List<Object> rows = em.createNativeQuery("SELECT family_due_fen FROM order_adjustment WHERE tenant_id = ?1 AND line_id = ?2"
                        + " ORDER BY seq DESC LIMIT 1")
                .setParameter(1, line.tenantId).setParameter(2, line.id).getResultList();
        return rows.isEmpty() ? line.chargeFen : ((Number) rows.get(0)).longValue();
    }
}
