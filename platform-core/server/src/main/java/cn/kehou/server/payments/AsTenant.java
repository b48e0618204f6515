package cn.kehou.server.payments;

import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Acts as one tenant — named by a notification's path, a job's loop or an event — without holding
 * a transaction: payments call gateways between their transactions, and each transaction takes the
 * tenant onto its connection (TenantConnectionSetup). TenantScope.callAs is the transactional twin.
 */
@ApplicationScoped
class AsTenant {

    @Inject
    TenantContext context;

    <T> T call(Tenant tenant, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        TenantContext.State before = context.state();
        try {
            context.actIn(tenant, false);
            return work.get();
        } finally {
            context.restore(before);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    void run(Tenant tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}
