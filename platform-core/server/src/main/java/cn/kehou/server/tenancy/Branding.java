package cn.kehou.server.tenancy;

/** How a tenant's portal looks; a tenant without its own inherits its nearest ancestor's. */
public record Branding(String displayName, String displayNameEn, String primaryColor, String accentColor,
                       String logo) {
}
