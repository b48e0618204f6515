package cn.kehou.server.portal;

import cn.kehou.server.identity.Caller;
import cn.kehou.server.identity.Role;
import cn.kehou.server.identity.TenantAdmission;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantStatus;
import cn.kehou.server.tenancy.TenantTree;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * One portal request: the frame of the tenant's pages and, for pages behind login, the signed-in
 * user admitted into the tenant by {@link TenantAdmission} — the same rule, roles and row-level
 * security as the API, from the verified ID token.
 */
@RequestScoped
public class PortalSession {

    @Inject
    SecurityIdentity identity;
    @Inject
    TenantAdmission admission;
    @Inject
    Caller caller;
    @Inject
    TenantTree tree;
    @Inject
    PortalClients portals;
    @Inject
    PortalLanguage language;
    @Inject
    Logos logos;
    @Inject
    HttpServerRequest request;

    private Shell shell;

    /** The frame of {@code code}'s portal for anyone: an unknown or closed tenant is a 404 problem. */
    public Shell open(String code) {
        Tenant tenant = Tenant.byCode(code).orElseThrow(() -> new ProblemException(404, "TENANT_UNKNOWN", code));
        if (tenant.status != TenantStatus.ACTIVE) {
            throw new ProblemException(404, "TENANT_NOT_ACTIVE", code, tenant.status);
        }
        // The nearest branding up the chain (TenantTree.effectiveBranding); its declarer holds the logo file.
        Optional<Tenant> brandedBy = tree.chain(tenant).stream().filter(t -> t.branding != null).findFirst();
        boolean en = language.get().english();
        String tenantName = en && tenant.nameEn != null ? tenant.nameEn : tenant.nameZh;
        String brandName = brandedBy.map(t -> en && t.branding.displayNameEn() != null ? t.branding.displayNameEn()
                : t.branding.displayName()).orElse(tenantName);
        String logoUrl = brandedBy.filter(t -> logos.has(t.code, t.branding))
                .map(t -> PortalPath.PREFIX + code + "/public/logo.svg").orElse(null);
        shell = new Shell(language.get(), currentPath(), tenant.code, tenantName, brandName,
                brandedBy.map(t -> t.branding.primaryColor()).orElse(null),
                brandedBy.map(t -> t.branding.accentColor()).orElse(null),
                logoUrl, portals.portalTenantFor(tenant.code).orElse(null), null, false, false);
        return shell;
    }

    /**
     * The frame of a public page: as {@link #open}, and naming the visitor if they are already signed
     * in to this portal (a page that needs no login never sends anyone to Keycloak).
     */
    public Shell visit(String code) {
        Shell open = open(code);
        try {
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                shell = open.signedIn(displayName(token));
            }
        } catch (RuntimeException sessionNotUsable) {
            // An ended or foreign session on a public page: show it to a visitor.
        }
        return shell;
    }

    /**
     * The frame for the signed-in user after {@link TenantAdmission} let them into {@code code}; the
     * {@link Caller} then holds their roles here. Refuses (401/403/404/503 problems) as the API does.
     */
    public Shell enter(String code) {
        JsonWebToken token = idToken();
        shell = open(code).signedIn(displayName(token));
        admission.admit(code, token);
        shell = shell.asAdmitted(caller.holds(Role.PARENT));
        return shell;
    }

    /** The frame for the signed-in user before they are admitted anywhere (the choice after login). */
    public Shell signedIn(String code) {
        JsonWebToken token = idToken();
        shell = open(code).signedIn(displayName(token));
        return shell;
    }

    /** The verified ID token of the signed-in user, or a 401 problem. */
    public JsonWebToken idToken() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new ProblemException(401, "UNAUTHENTICATED");
        }
        return token;
    }

    /** The frame built so far in this request, if any (a problem page draws itself in it). */
    public Optional<Shell> current() {
        return Optional.ofNullable(shell);
    }

    private String currentPath() {
        String query = request.query();
        return query == null || query.isEmpty() ? request.path() : request.path() + "?" + query;
    }

    private static String displayName(JsonWebToken token) {
        for (String claim : new String[] {"name", "given_name", "preferred_username"}) {
            Object v = token.getClaim(claim);
            String text = v instanceof JsonString json ? json.getString() : v == null ? null : v.toString();
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return token.getName();
    }
}
