package cn.kehou.server.payments;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.SchoolTerm;
import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A school calls off a session (weather, an exam, an emergency): it is recorded once, and every
 * family billed for the service is re-settled — the session is refunded by the region's rule.
 */
@ApplicationScoped
public class SessionCancellations {

    @Inject
    Settlement settlement;
    @Inject
    EntityManager em;

    public record Cancelled(LocalDate date, int linesSettled, long refundsFen, Set<UUID> orders) {
    }

    @Transactional
    public Cancelled cancel(OfferedService s, LocalDate date, String reason, String actor) {
        SchoolTerm term = SchoolTerm.findById(s.termId);
        if (!Sessions.of(s.validFrom, s.validTo, s.daySet(), term.holidays).contains(date)) {
            throw new ProblemException(422, "SESSION_NOT_SCHEDULED", date);
        }
        int inserted = em.createNativeQuery("""
                        INSERT INTO cancelled_session (tenant_id, id, service_id, on_date, reason, recorded_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (tenant_id, service_id, on_date) DO NOTHING""")
                .setParameter(1, s.tenantId).setParameter(2, UUID.randomUUID()).setParameter(3, s.id)
                .setParameter(4, date).setParameter(5, reason).setParameter(6, actor).executeUpdate();
        if (inserted == 0) {
            throw new ProblemException(409, "SESSION_ALREADY_CANCELLED", date);
        }
        long refunds = 0;
        Set<UUID> orders = new LinkedHashSet<>();
        int n = 0;
        for (OrderLine line : OrderLine.<OrderLine>list("serviceId = ?1 order by createdAt, id", s.id)) {
            refunds += settlement.settle(line, actor);
            orders.add(line.orderId);
            n++;
        }
        return new Cancelled(date, n, refunds, orders);
    }
}
