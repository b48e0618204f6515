package cn.kehou.server.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A real browser on the portal: Debian's Chromium driven by Playwright for Java (no browser
 * download: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}), headless, started once per test JVM with
 * a fresh profile. Each {@code PortalBrowser} is a fresh browser context (its own cookies) —
 * open one per test class, or per user when two must not share a session.
 *
 * <pre>
 * try (PortalBrowser browser = PortalBrowser.open(base)) {
 *     browser.login("guangdong-yangjiang", "yj-parent");      // through Keycloak's own page
 *     browser.phone().go("/t/guangdong-yangjiang-jiangcheng/children");
 *     browser.screenshot("yj-children");                       // target/portal-screenshots/
 * }
 * </pre>
 */
public final class PortalBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    public static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    public static final int PHONE_WIDTH = 375;

    private static Playwright playwright;
    private static Browser chromium;
    private static final Set<String> ALLOWED_BASES = new LinkedHashSet<>();

    private final URI base;
    private final BrowserContext context;
    private final Page page;

    private PortalBrowser(URI base, BrowserContext context) {
        this.base = base;
        this.context = context;
        this.page = context.newPage();
    }

    /** A fresh context (no cookies) in Chinese, desktop-sized, with JavaScript. */
    public static PortalBrowser open(URI base) {
        return open(base, true);
    }

    /** A fresh context whose pages run no script: every main action must still work. */
    public static PortalBrowser withoutJavaScript(URI base) {
        return open(base, false);
    }

    private static synchronized PortalBrowser open(URI base, boolean javaScript) {
        allowRedirectsTo(base);
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return new PortalBrowser(base, context);
    }

    /** The JVM's one Chromium, started on first use and closed when the JVM ends. */
    static synchronized Browser browser() {
        if (chromium == null) {
            playwright = Playwright.create();
            chromium = launch(playwright, Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    playwright.close();
                } catch (RuntimeException ignored) {
                    // the JVM is ending
                }
            }, "playwright-close"));
        }
        return chromium;
    }

    /**
     * Another Chromium with its own environment (e.g. a fontconfig without CJK fonts). The caller
     * closes it; it shares the JVM's Playwright driver.
     */
    public static synchronized Browser launchWith(Map<String, String> env) {
        browser();
        return launch(playwright, env);
    }

    private static Browser launch(Playwright playwright, Map<String, String> env) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium fonts-noto-cjk (see .ci/run)");
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS);
        if (!env.isEmpty()) {
            Map<String, String> all = new HashMap<>(System.getenv());
            all.putAll(env);
            options.setEnv(all);
        }
        // Playwright gives every launch a fresh, temporary user-data directory.
        return playwright.chromium().launch(options);
    }

    /**
     * The realm registers the portal clients' redirects for the local run's port (8080); the test
     * server listens elsewhere, so the test adds its own base to every portal client, as an admin
     * would for another host. Idempotent per JVM.
     */
    static synchronized void allowRedirectsTo(URI base) {
        String origin = base.getScheme() + "://" + base.getAuthority();
        if (!ALLOWED_BASES.add(origin)) {
            return;
        }
        var clients = KeycloakAdmin.realm().clients();
        for (ClientRepresentation c : clients.findAll()) {
            if (!c.getClientId().startsWith("portal-")) {
                continue;
            }
            String tenant = c.getClientId().substring("portal-".length());
            ClientResource resource = clients.get(c.getId());
            ClientRepresentation r = resource.toRepresentation();
            List<String> redirects = new ArrayList<>(r.getRedirectUris());
            redirects.add(origin + "/t/" + tenant + "/*");
            r.setRedirectUris(redirects);
            Map<String, String> attributes = new HashMap<>(r.getAttributes());
            attributes.merge("post.logout.redirect.uris", origin + "/*", (a, b) -> a + "##" + b);
            r.setAttributes(attributes);
            resource.update(r);
        }
    }

    public Page page() {
        return page;
    }

    public URI base() {
        return base;
    }

    /** Opens a path of the test server (e.g. {@code /t/guangdong-yangjiang}). */
    public PortalBrowser go(String path) {
        page.navigate(url(path));
        return this;
    }

    public String url(String path) {
        return base.resolve(path).toString();
    }

    /** The path (and query) of the page now shown. */
    public String path() {
        URI now = URI.create(page.url());
        return now.getRawQuery() == null ? now.getRawPath() : now.getRawPath() + "?" + now.getRawQuery();
    }

    /** 375 px wide, a phone's screen. */
    public PortalBrowser phone() {
        page.setViewportSize(PHONE_WIDTH, 812);
        return this;
    }

    public PortalBrowser desktop() {
        page.setViewportSize(1280, 900);
        return this;
    }

    /** Starts signing in to {@code tenant}'s portal and stops on Keycloak's login page. */
    public PortalBrowser openLogin(String tenant) {
        go("/t/" + tenant + "/login");
        page.waitForSelector("input[name=username]");
        return this;
    }

    /**
     * Signs a demo user in on Keycloak's page (username, then password: Keycloak with organizations
     * asks for them one after the other) and waits until the portal shows a page again.
     */
    public PortalBrowser signIn(String username) {
        String password = DemoUsers.byUsername(username).password();
        page.fill("input[name=username]", username);
        if (page.isVisible("input[name=password]")) {
            page.fill("input[name=password]", password);
            page.click("#kc-login");
        } else {
            page.click("#kc-login");
            page.waitForSelector("input[name=password]");
            page.fill("input[name=password]", password);
            page.click("#kc-login");
        }
        page.waitForURL(Pattern.compile("^" + Pattern.quote(origin()) + "/t/.*"));
        page.waitForLoadState();
        return this;
    }

    /** Signs {@code username} in through {@code tenant}'s portal; the browser ends on their landing page. */
    public PortalBrowser login(String tenant, String username) {
        return openLogin(tenant).signIn(username);
    }

    private String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** {@code document.documentElement.scrollWidth}: at most the viewport's width means no sideways scrolling. */
    public int scrollWidth() {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }

    /** A full-page screenshot in target/portal-screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The page's visible text (what a reader sees, without markup). */
    public String text() {
        return page.innerText("body");
    }

    /** A computed CSS property of the first element matching {@code selector}. */
    public String style(String selector, String property) {
        return (String) page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)",
                List.of(selector, property));
    }

    @Override
    public void close() {
        context.close();
    }
}
