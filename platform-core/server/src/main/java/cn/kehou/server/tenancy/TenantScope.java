package cn.kehou.server.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * Runs work as a given tenant in its own transaction — for jobs and loaders that act for many
 * tenants one after another. A request acts in the one tenant its path names instead.
 */
@ApplicationScoped
public class TenantScope {

    @Inject
    TenantContext context;

    public <T> T callAs(Tenant tenant, boolean readsSubtree, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        TenantContext.State before = context.state();
        try {
            context.actIn(tenant, readsSubtree);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            context.restore(before);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public void runAs(Tenant tenant, Runnable work) {
        callAs(tenant, false, () -> {
            work.run();
            return null;
        });
    }
}
