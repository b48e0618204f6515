package cn.kehou.server.payments;

import cn.kehou.server.enrollment.Enrollment;
import cn.kehou.server.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A family withdrew (participation is voluntary, 自愿): once the withdrawal has committed, the
 * lines billed for that application are re-settled — the sessions not delivered refunded by the
 * region's rule — and the refund goes out through the gateway. Nothing here can undo or delay the
 * withdrawal itself: a failure is logged, and the reconciliation job settles it on its next run.
 */
@ApplicationScoped
public class WithdrawalRefunds {

    private static final Logger LOG = Logger.getLogger(WithdrawalRefunds.class);

    @Inject
    AsTenant asTenant;
    @Inject
    Settlement settlement;
    @Inject
    Payments payments;

    /** Its own thread: the withdrawal's transaction is over, and this work needs transactions of its own. */
    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "withdrawal-refunds");
        t.setDaemon(true);
        return t;
    });

    void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) Enrollment.Withdrawn withdrawn) {
        try {
            // Waits, so the family sees the refund in the answer to its next request.
            CompletableFuture.runAsync(() -> settle(withdrawn), worker).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf(e, "refund for withdrawn application %s not settled yet; reconciliation will retry",
                    withdrawn.applicationId());
        }
    }

    void settle(Enrollment.Withdrawn withdrawn) {
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>findById(withdrawn.tenantId()));
        asTenant.run(tenant, () -> {
            List<UUID> lines = QuarkusTransaction.requiringNew().call(() ->
                    OrderLine.<OrderLine>list("applicationId", withdrawn.applicationId()).stream().map(l -> l.id).toList());
            Set<UUID> orders = new LinkedHashSet<>();
            for (UUID id : lines) {
                QuarkusTransaction.requiringNew().run(() -> {
                    OrderLine line = OrderLine.findById(id);
                    settlement.settle(line, withdrawn.applicant());
                    orders.add(line.orderId);
                });
            }
            orders.forEach(order -> payments.refundOwed(tenant.id, order));
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
