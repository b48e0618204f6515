package cn.kehou.server.portal;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.quarkus.oidc.runtime.OidcTenantConfig.TokenStateManager.Strategy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How people log in to the portal pages: the OIDC authorization-code flow with PKCE against the
 * tenant's public portal client {@code portal-<code>} (see {@link PortalClients}), asking for
 * {@code organization:*} so a member of several tenants still gets the organization claim. The
 * ID token is verified locally (Keycloak's keys), then {@code TenantAdmission} decides as it does
 * for the API. Every path outside {@code /t/…} keeps the default OIDC tenant: bearer tokens for
 * the API, unchanged.
 *
 * <p>The session and state cookies are scoped to {@code /t}: the browser never sends them to the
 * API, so the API never authenticates by cookie. One portal session at a time: signing in to
 * another region's portal replaces it (Quarkus removes the previous tenant's session cookie).
 */
@ApplicationScoped
public class PortalLogin implements TenantConfigResolver {

    private static final Logger LOG = Logger.getLogger(PortalLogin.class);
    /** RoutingContext attribute: set when the path's tenant has no portal client up its chain. */
    static final String NO_PORTAL = "kehou.portal.none";
    static final String COOKIE_PATH = "/t";

    @Inject
    PortalClients portals;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    /**
     * Encrypts the session cookie (the tokens) and the PKCE state cookie. Production sets it
     * (KEHOU_PORTAL_SECRET, at least 32 characters) so sessions survive restarts and work across
     * instances; without it each start generates one and everyone signs in again.
     */
    @ConfigProperty(name = "kehou.portal.session-secret")
    Optional<String> configuredSecret;

    private String secret;
    /** One config object per portal: Quarkus re-initializes a tenant whose config instance changes. */
    private final Map<String, OidcTenantConfig> configs = new ConcurrentHashMap<>();

    @PostConstruct
    void secret() {
        secret = configuredSecret.filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warn("kehou.portal.session-secret (KEHOU_PORTAL_SECRET) is not set: portal sessions end when the server restarts");
        } else if (secret.length() < 32) {
            throw new IllegalStateException("kehou.portal.session-secret must have at least 32 characters");
        }
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> blocking) {
        Optional<PortalPath> path = PortalPath.parse(context.normalizedPath());
        if (path.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String tenant = path.get().tenant();
        Optional<Optional<String>> known = portals.known(tenant);
        if (known.isPresent()) {
            return Uni.createFrom().item(config(context, known.get()));
        }
        return blocking.runBlocking(() -> config(context, portals.portalTenantFor(tenant)));
    }

    private OidcTenantConfig config(RoutingContext context, Optional<String> portalTenant) {
        if (portalTenant.isEmpty()) {
            context.put(NO_PORTAL, Boolean.TRUE);
            return null;
        }
        return configs.computeIfAbsent(portalTenant.get(), this::build);
    }

    private OidcTenantConfig build(String portalTenant) {
        String client = PortalClients.CLIENT_PREFIX + portalTenant;
        return OidcTenantConfig.builder()
                .tenantId(client)
                .authServerUrl(authServerUrl)
                .clientId(client)
                .applicationType(ApplicationType.WEB_APP)
                .authentication()
                    .pkceRequired()
                    .stateSecret(secret)
                    .scopes("organization:*")
                    // Keycloak accepts redirects under /t/<portal tenant>/ only: a district's pages
                    // return through their city's login path, then on to the page first asked for.
                    .redirectPath(PortalPath.PREFIX + portalTenant + "/login")
                    .restorePathAfterRedirect()
                    .cookiePath(COOKIE_PATH)
                    // Another site's form cannot post with the session: what stands in for a CSRF token.
                    .cookieSameSite(CookieSameSite.LAX)
                    // The portal's language, carried to Keycloak's login page (/t/…/login?ui_locales=en).
                    .forwardParams("ui_locales")
                    // An htmx request whose session ended gets 499 (portal.js reloads the page) instead
                    // of a redirect to Keycloak that a background request cannot follow.
                    .javaScriptAutoRedirect(false)
                    .end()
                .token()
                    .refreshExpired()
                    .end()
                .tokenStateManager()
                    // The pages read the ID token; the access token is not kept in the cookie.
                    .strategy(Strategy.ID_REFRESH_TOKENS)
                    .encryptionSecret(secret)
                    .end()
                .logout()
                    .path(PortalPath.PREFIX + portalTenant + "/logout")
                    .postLogoutPath(PortalPath.PREFIX + portalTenant)
                    .end()
                .build();
    }
}
