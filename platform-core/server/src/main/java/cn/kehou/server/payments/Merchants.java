package cn.kehou.server.payments;

import cn.kehou.server.problem.ProblemException;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's merchant account and the gateway it uses. The key shared with the gateway is never in
 * the database: the account names a reference, and the key is config
 * {@code kehou.payments.secret.<reference>} (an environment variable in production), so each tenant
 * has its own key and rotating it is a deployment, not a data change.
 */
@ApplicationScoped
public class Merchants {

    static final String SECRET_PREFIX = "kehou.payments.secret.";

    @Inject
    EntityManager em;
    @Inject
    Config config;
    @Inject
    @Any
    Instance<PaymentGateway> gateways;
    @Inject
    LocalGatewaySimulator simulator;

    @ConfigProperty(name = "kehou.payments.notify-base-url")
    Optional<String> notifyBaseUrl;

    private volatile int actualPort;

    void started(@Observes HttpServerStart start) {
        actualPort = start.options().getPort(); // 0 with a random port: then port() asks
    }

    /** A tenant's account at its gateway, with the gateway and the key. */
    public record Account(String gatewayId, PaymentGateway gateway, PaymentGateway.Merchant merchant) {
    }

    /** The current tenant's merchant account, or 409 PAYMENTS_NOT_CONFIGURED. */
    @SuppressWarnings("unchecked")
    public Account of(UUID tenantId) {
        List<Object[]> rows = em.createNativeQuery("SELECT gateway, merchant_id, secret_ref FROM payment_merchant WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(409, "PAYMENTS_NOT_CONFIGURED");
        }
        Object[] r = rows.get(0);
        byte[] secret = secret((String) r[2]).orElseThrow(() -> new ProblemException(503, "PAYMENTS_NOT_CONFIGURED"));
        return new Account((String) r[0], gateway((String) r[0]), new PaymentGateway.Merchant((String) r[1], secret));
    }

    /** Sets the current tenant's merchant account; the reference must name a configured key. */
    public void configure(UUID tenantId, String gatewayId, String merchantId, String secretRef, String actor) {
        gateway(gatewayId);
        if (secret(secretRef).isEmpty()) {
            throw new ProblemException(422, "MERCHANT_SECRET_UNKNOWN", SECRET_PREFIX + secretRef);
        }
        em.createNativeQuery("""
                        INSERT INTO payment_merchant (tenant_id, gateway, merchant_id, secret_ref, updated_by)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (tenant_id) DO UPDATE SET gateway = EXCLUDED.gateway, merchant_id = EXCLUDED.merchant_id,
                            secret_ref = EXCLUDED.secret_ref, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .setParameter(1, tenantId).setParameter(2, gatewayId).setParameter(3, merchantId)
                .setParameter(4, secretRef).setParameter(5, actor).executeUpdate();
    }

    /** The gateway with this id, if it runs here (the simulator only where enabled). */
    public PaymentGateway gateway(String id) {
        if (LocalGatewaySimulator.ID.equals(id)) {
            if (!simulator.enabled()) {
                throw new ProblemException(400, "GATEWAY_UNKNOWN", id);
            }
            return simulator;
        }
        for (PaymentGateway g : gateways) {
            if (g.id().equals(id) && !(g instanceof LocalGatewaySimulator)) {
                return g;
            }
        }
        throw new ProblemException(400, "GATEWAY_UNKNOWN", id);
    }

    /** Where the gateway posts its notifications for {@code tenantCode}: the tenant is in the path. */
    public URI notifyUrl(String tenantCode, String gatewayId) {
        String base = notifyBaseUrl.filter(s -> !s.isBlank())
                .orElseGet(() -> "http://localhost:" + (actualPort > 0 ? actualPort : port()));
        return URI.create(base.replaceAll("/+$", "") + "/api/public/t/" + tenantCode + "/payments/notify/" + gatewayId);
    }

    /**
     * The port this server listens on, read when asked: with a random port (tests) Quarkus knows the
     * real one only once it listens, so it must not be read when this bean is created.
     */
    private int port() {
        String key = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return config.getOptionalValue(key, Integer.class).orElse(8080);
    }

    private Optional<byte[]> secret(String ref) {
        return config.getOptionalValue(SECRET_PREFIX + ref, String.class)
                .filter(s -> s.length() >= 16)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }
}
