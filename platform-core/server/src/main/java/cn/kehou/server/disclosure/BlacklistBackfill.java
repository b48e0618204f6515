package cn.kehou.server.disclosure;

import cn.kehou.server.catalog.Provider;
import cn.kehou.server.catalog.ProviderApproval;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Map;

/**
 * Providers a bureau blacklisted before disclosure existed have no blacklisting publication, so the
 * public blacklist (000 §七(四)2) missed them. At startup, each tenant's currently BLACKLISTED
 * providers that were never published get one publication with their recorded reason and date —
 * once: a subject with any BLACKLIST publication (even a withdrawn one) is left alone.
 */
@ApplicationScoped
public class BlacklistBackfill {

    static final String BY = "system:blacklist-backfill";

    @Inject
    TenantScope scope;
    @Inject
    Blacklists blacklists;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;

    void onStart(@Observes @Priority(40) StartupEvent event) {
        run();
    }

    /** Publishes the missing blacklistings of every tenant; returns how many were published. */
    public int run() {
        int published = 0;
        for (Tenant tenant : QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll())) {
            published += scope.callAs(tenant, false, () -> backfill(tenant));
        }
        return published;
    }

    private int backfill(Tenant tenant) {
        int n = 0;
        for (ProviderApproval approval : ProviderApproval.<ProviderApproval>list("tenantId = ?1 and status = ?2", tenant.id,
                ProviderApproval.Status.BLACKLISTED)) {
            Provider provider = Provider.findById(approval.providerId);
            String subject = "provider:" + provider.code;
            long known = ((Number) em.createNativeQuery("SELECT count(*) FROM disclosure_publication"
                            + " WHERE tenant_id = ?1 AND kind = 'BLACKLIST' AND subject = ?2")
                    .setParameter(1, tenant.id).setParameter(2, subject).getSingleResult()).longValue();
            if (known == 0) {
                blacklists.statusChanged(tenant, provider, approval, BY);
                audit.record(tenant.id, BY, "disclosure.blacklist-backfill", subject,
                        Map.of("since", String.valueOf(approval.statusOn)));
                n++;
            }
        }
        return n;
    }
}
