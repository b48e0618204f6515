package cn.kehou.server.payments;

import cn.kehou.server.tenancy.DescriptorLoader;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * LOCAL DEMO CONFIGURATION ONLY ({@code kehou.demo-data=true}, where the in-process gateway
 * simulator runs): every tenant that owns a school of the region descriptors gets a merchant account
 * at the simulator, so a parent can pay in the local run. The key is the local demo key
 * {@code kehou.payments.secret.local-demo} (the launcher and the tests set it; production has
 * neither the simulator nor this key). A tenant that already has a merchant keeps it.
 */
@ApplicationScoped
public class DemoMerchants {

    private static final Logger LOG = Logger.getLogger(DemoMerchants.class);
    static final String SECRET_REF = "local-demo";

    @Inject
    TenantScope scope;
    @Inject
    DescriptorLoader descriptors;
    @Inject
    LocalGatewaySimulator simulator;
    @Inject
    EntityManager em;
    @Inject
    Config config;

    @ConfigProperty(name = "kehou.demo-data", defaultValue = "false")
    boolean demoData;

    void onStart(@Observes @Priority(40) StartupEvent event) {
        if (!demoData || !simulator.enabled()) {
            return;
        }
        if (config.getOptionalValue(Merchants.SECRET_PREFIX + SECRET_REF, String.class).filter(s -> s.length() >= 16).isEmpty()) {
            LOG.warnf("demo data without %s%s: the demo tenants get no merchant account, so payments answer"
                    + " PAYMENTS_NOT_CONFIGURED", Merchants.SECRET_PREFIX, SECRET_REF);
            return;
        }
        LOG.infof("demo merchant accounts at the local simulator written: %d", loadDemo());
    }

    /** @return how many tenants got a merchant account (0 on a second run). */
    public int loadDemo() {
        Set<String> tenants = new LinkedHashSet<>();
        for (JsonNode region : descriptors.readTree(DescriptorLoader.ROOT + "index.json").get("regions")) {
            for (JsonNode school : descriptors.readTree(DescriptorLoader.ROOT + region.asText() + "/tenant.json").path("schools")) {
                tenants.add(school.get("tenant").asText());
            }
        }
        int written = 0;
        for (String code : tenants) {
            Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(code).orElse(null));
            if (tenant != null) {
                written += scope.callAs(tenant, false, () -> em.createNativeQuery("""
                                INSERT INTO payment_merchant (tenant_id, gateway, merchant_id, secret_ref, updated_by)
                                VALUES (?1, ?2, ?3, ?4, 'demo-data') ON CONFLICT (tenant_id) DO NOTHING""")
                        .setParameter(1, tenant.id).setParameter(2, LocalGatewaySimulator.ID)
                        .setParameter(3, ("local-demo-" + code).substring(0, Math.min(64, ("local-demo-" + code).length())))
                        .setParameter(4, SECRET_REF).executeUpdate());
            }
        }
        return written;
    }
}
