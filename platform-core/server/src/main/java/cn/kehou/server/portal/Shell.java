package cn.kehou.server.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The frame every portal page is drawn in: the tenant's name, colours and logo (its own or its
 * nearest ancestor's branding), the language switch and, once signed in, who is signed in.
 *
 * @param tenantCode   the tenant whose portal this is; null on a page that has none (an unknown tenant)
 * @param portalTenant the tenant whose Keycloak portal client signs people in here; null if none
 * @param userName     who is signed in; null for a visitor
 * @param admitted     the signed-in user holds a role in this tenant (TenantAdmission let them in)
 * @param parent       ... and one of those roles is parent: the page offers "my children"
 */
public record Shell(Language lang, String path, String tenantCode, String tenantName, String brandName,
                    String primaryColor, String accentColor, String logoUrl, String portalTenant,
                    String userName, boolean admitted, boolean parent) {

    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    static final String DEFAULT_PRIMARY = "#1f5f8b";
    static final String DEFAULT_ACCENT = "#f2a900";

    public Shell {
        // Colours go into a style attribute: only #rrggbb ever gets there.
        primaryColor = primaryColor != null && COLOUR.matcher(primaryColor).matches() ? primaryColor : DEFAULT_PRIMARY;
        accentColor = accentColor != null && COLOUR.matcher(accentColor).matches() ? accentColor : DEFAULT_ACCENT;
    }

    /** A frame without a tenant, for a problem on a path that names none we know. */
    public static Shell plain(Language lang, String path, String appName) {
        return new Shell(lang, path, null, null, appName, null, null, null, null, null, false, false);
    }

    /** The frame for a signed-in user, before (or without) a role in this tenant. */
    public Shell signedIn(String userName) {
        return new Shell(lang, path, tenantCode, tenantName, brandName, primaryColor, accentColor, logoUrl, portalTenant,
                userName, false, false);
    }

    /** The frame for a user admitted into this tenant. */
    public Shell asAdmitted(boolean parent) {
        return new Shell(lang, path, tenantCode, tenantName, brandName, primaryColor, accentColor, logoUrl, portalTenant,
                userName, true, parent);
    }

    public boolean hasTenant() {
        return tenantCode != null;
    }

    public boolean canSignIn() {
        return portalTenant != null;
    }

    public boolean loggedIn() {
        return userName != null;
    }

    public String brandStyle() {
        return "--brand:" + primaryColor + ";--accent:" + accentColor;
    }

    public String frontUrl() {
        return PortalPath.PREFIX + tenantCode;
    }

    public String homeUrl() {
        return frontUrl() + "/home";
    }

    public String childrenUrl() {
        return frontUrl() + "/children";
    }

    /** Sign-in starts here: Keycloak's page then speaks the portal's language. */
    public String loginUrl() {
        return frontUrl() + "/login?ui_locales=" + lang.tag();
    }

    /** The OIDC logout path of the portal client that signed the user in. */
    public String logoutUrl() {
        return PortalPath.PREFIX + portalTenant + "/logout";
    }

    public String languageSwitchUrl() {
        String back = path != null && PortalPath.isSafeReturn(path) ? path : frontUrl();
        return frontUrl() + "/public/lang?to=" + lang.other().tag() + "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    public String htmxUrl() {
        return Assets.HTMX;
    }
}
