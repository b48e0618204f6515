package cn.kehou.server.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Portal pages ({@code /t/*}, see application.properties) need a signed-in user, except a tenant's
 * front page and {@code /t/{tenant}/public/…}. An anonymous visitor is sent to the tenant's
 * Keycloak login (the OIDC challenge); who may see what is then {@code TenantAdmission}'s and the
 * permission table's business, exactly as for the API.
 */
@ApplicationScoped
public class PortalAccessPolicy implements HttpSecurityPolicy {

    public static final String NAME = "kehou-portal";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        Optional<PortalPath> path = PortalPath.parse(request.normalizedPath());
        if (path.isEmpty() || path.get().isPublic()) {
            return CheckResult.permit();
        }
        return identity.map(id -> {
            if (!id.isAnonymous()) {
                return CheckResult.PERMIT;
            }
            // No portal client serves this tenant (or no such tenant): there is no login to send
            // the visitor to, so the page itself answers with a readable problem.
            return Boolean.TRUE.equals(request.get(PortalLogin.NO_PORTAL)) ? CheckResult.PERMIT : CheckResult.DENY;
        });
    }

    @Override
    public String name() {
        return NAME;
    }
}
