package cn.kehou.server.portal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path of a tenant's portal, {@code /t/{tenant}/…}. Only the tenant's front page
 * ({@code /t/{tenant}}) and what lies under {@code /t/{tenant}/public/} are open to anyone; every
 * other portal page needs a signed-in user.
 */
public record PortalPath(String tenant, String rest) {

    public static final String PREFIX = "/t/";
    /** Tenant codes as tenants/README.md defines them. */
    private static final Pattern PATH = Pattern.compile("^/t/([a-z][a-z0-9-]{0,62})(/.*)?$");

    public static Optional<PortalPath> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        return Optional.of(new PortalPath(m.group(1), rest));
    }

    public boolean isPublic() {
        return rest.isEmpty() || rest.equals("/") || rest.startsWith("/public/");
    }

    /** A local portal path to come back to (a language switch's "back"): no other host, no scheme. */
    public static boolean isSafeReturn(String path) {
        return path != null && path.startsWith(PREFIX) && !path.contains("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20) && parse(path.contains("?") ? path.substring(0, path.indexOf('?')) : path).isPresent();
    }
}
