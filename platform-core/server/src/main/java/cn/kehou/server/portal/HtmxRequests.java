package cn.kehou.server.portal;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An htmx request runs in the background and cannot follow a redirect to Keycloak: when its
 * session has ended it gets 499 instead (see {@link PortalLogin}), and portal.js reloads the page.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
