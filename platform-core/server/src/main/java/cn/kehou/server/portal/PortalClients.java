package cn.kehou.server.portal;

import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Keycloak portal client a tenant's pages log in with: {@code portal-<code>} of the tenant
 * itself or of its nearest ancestor that has one. Region tenants and onboarded tenants get their
 * own client; a district shares its city's (江城区 logs in through portal-guangdong-yangjiang, whose
 * login page says 阳江课后服务). Keycloak is asked once per tenant; the answer is kept.
 */
@ApplicationScoped
public class PortalClients {

    public static final String CLIENT_PREFIX = "portal-";
    /** "No portal up this chain" is asked again after a while: a tenant may be onboarded meanwhile. */
    private static final Duration FORGET_ABSENT = Duration.ofMinutes(1);

    @Inject
    Keycloak keycloak;
    @Inject
    TenantTree tree;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    private record Answer(Optional<String> portalTenant, Instant at) {
    }

    private final Map<String, Answer> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Boolean> clientExists = new ConcurrentHashMap<>();

    /** The answer already known for {@code tenantCode}, without blocking; empty if it must be looked up. */
    public Optional<Optional<String>> known(String tenantCode) {
        Answer a = byTenant.get(tenantCode);
        if (a == null || (a.portalTenant().isEmpty() && a.at().plus(FORGET_ABSENT).isBefore(Instant.now()))) {
            return Optional.empty();
        }
        return Optional.of(a.portalTenant());
    }

    /**
     * The code of the tenant whose portal client serves {@code tenantCode}'s pages, or empty when
     * the tenant is unknown or nothing up its chain has a portal client. Blocking (database, Keycloak).
     */
    public Optional<String> portalTenantFor(String tenantCode) {
        Optional<Optional<String>> known = known(tenantCode);
        if (known.isPresent()) {
            return known.get();
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Optional<Tenant> tenant = Tenant.byCode(tenantCode);
            if (tenant.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> portal = tree.chain(tenant.get()).stream()
                    .map(t -> t.code)
                    .filter(this::hasClient)
                    .findFirst();
            byTenant.put(tenantCode, new Answer(portal, Instant.now()));
            return portal;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private boolean hasClient(String tenantCode) {
        Boolean exists = clientExists.get(tenantCode);
        if (exists == null) {
            exists = !keycloak.realm(realm).clients().findByClientId(CLIENT_PREFIX + tenantCode).isEmpty();
            // A client that exists stays (clients are never renamed); an absent one is asked again later.
            if (exists) {
                clientExists.put(tenantCode, true);
            }
        }
        return exists;
    }
}
