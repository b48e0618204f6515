package cn.kehou.server.portal;

import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the shell fits a 375 px phone without sideways scrolling, in both languages, for
 * each role's home, and keeps the basics a screen reader needs; each is saved as a screenshot in
 * target/portal-screenshots/ to look at.
 */
@QuarkusTest
public class PhoneLayoutTest {

    @TestHTTPResource("/")
    URI base;

    private final List<String> tooWide = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    /**
     * What a screen reader needs from every page of ours: the language declared, one h1, a label
     * for every field, a text alternative for every image, a name for every link and button.
     */
    public static final String READABILITY = """
            () => {
              const problems = [];
              if (!document.documentElement.lang) problems.push('no lang on <html>');
              if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
              for (const f of document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                if (f.labels.length === 0) problems.push('unlabelled ' + (f.id || f.name));
              for (const i of document.querySelectorAll('img'))
                if (!i.hasAttribute('alt')) problems.push('img without alt ' + i.src);
              for (const a of document.querySelectorAll('a, button'))
                if (!a.textContent.trim() && !a.getAttribute('aria-label')) problems.push('nameless ' + a.outerHTML.slice(0, 60));
              return problems;
            }""";

    @Test
    void every_page_fits_a_375_px_screen_in_chinese_and_in_english() {
        try (PortalBrowser anyone = PortalBrowser.open(base)) {
            anyone.phone();
            for (String lang : new String[] {"zh", "en"}) {
                check(anyone, "/t/guangdong-yangjiang", "front-yangjiang-" + lang);
                check(anyone, "/t/guangdong-yangjiang-jiangcheng", "front-jiangcheng-" + lang);
                check(anyone, "/t/xinjiang-urumqi", "front-urumqi-" + lang);
                check(anyone, "/t/guangdong", "front-guangdong-no-portal-" + lang);
                check(anyone, "/t/no-such-region", "problem-unknown-region-" + lang);
                // Next round in the other language.
                anyone.go("/t/guangdong-yangjiang").page().click("a[hreflang]");
            }
            anyone.openLogin("guangdong-yangjiang");
            measure(anyone, "keycloak-login-yangjiang");
        }
        for (String user : new String[] {"yj-parent", "yj-class-teacher", "yj-school-admin", "yj-service-teacher",
                "yj-finance", "yj-bureau-admin", "yj-inspector", "yj-provider-admin"}) {
            try (PortalBrowser browser = PortalBrowser.open(base)) {
                browser.phone().login("guangdong-yangjiang", user);
                measure(browser, "home-" + user);
                if (user.equals("yj-finance")) {
                    check(browser, "/t/guangdong-yangjiang-jiangcheng/schools/yangjiang-jiangcheng-no1-primary/books", "books");
                }
                if (user.equals("yj-parent")) {
                    check(browser, "/t/guangdong-yangjiang-jiangcheng/children", "children");
                    check(browser, "/t/guangdong-yangjiang-jiangcheng/children/link", "link");
                    browser.page().click("#link-form button[type=submit]");
                    browser.page().waitForSelector("#form-errors");
                    measure(browser, "link-errors");
                    check(browser, "/t/guangdong-yangjiang-jiangcheng/orders", "orders");
                    check(browser, "/t/xinjiang-urumqi-tianshan/home", "problem-forbidden");
                    browser.page().click("a[hreflang=en]");
                    measure(browser, "problem-forbidden-en");
                    check(browser, "/t/guangdong-yangjiang/login", "home-after-login-en");
                }
            }
        }
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.phone().login("xinjiang-urumqi", "urumqi-teacher-parent");
            measure(browser, "choose");
        }
        assertThat(tooWide).as("pages wider than 375 px").isEmpty();
        assertThat(unreadable).as("pages a screen reader cannot read well").isEmpty();
    }

    private void check(PortalBrowser browser, String path, String name) {
        browser.go(path);
        measure(browser, name);
    }

    private void measure(PortalBrowser browser, String name) {
        browser.screenshot("phone-" + name);
        if (!name.startsWith("keycloak")) {
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) browser.page().evaluate(READABILITY);
            problems.forEach(p -> unreadable.add(name + ": " + p));
        }
        int width = browser.scrollWidth();
        if (width > PortalBrowser.PHONE_WIDTH) {
            tooWide.add(name + " (" + browser.path() + "): " + width + " px");
        }
    }
}
