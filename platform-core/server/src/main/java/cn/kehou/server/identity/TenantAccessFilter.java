package cn.kehou.server.identity;

import cn.kehou.server.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API request to {@code /api/t/{tenant}/…} passes {@link TenantAdmission} with its bearer
 * token before any resource runs.
 */
public class TenantAccessFilter {

    static final String TENANT_PATH = "/api/t/";

    @Inject
    SecurityIdentity identity;
    @Inject
    TenantAdmission admission;

    @ServerRequestFilter
    public void admit(ContainerRequestContext request, UriInfo uri) {
        String path = uri.getPath();
        if (!path.startsWith(TENANT_PATH)) {
            return;
        }
        String rest = path.substring(TENANT_PATH.length());
        String code = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new ProblemException(401, "UNAUTHENTICATED");
        }
        admission.admit(code, token);
    }
}
