package cn.kehou.server.portal;

import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every main action works in a browser that runs no script: plain links and forms, server-rendered. */
@QuarkusTest
class NoScriptJourneyTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_parent_signs_in_finds_their_children_gets_form_errors_switches_language_and_signs_out_without_javascript() {
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.go("/t/guangdong-yangjiang");
            assertThat(browser.text()).contains("阳江课后服务", "阳江市江城区第一小学");
            browser.page().click(".hero a.button");
            browser.page().waitForSelector("input[name=username]");
            assertThat(browser.page().textContent("#kc-header-wrapper")).contains("阳江课后服务");
            browser.signIn("yj-parent");
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/home");
            assertThat(browser.text()).contains("我的主页", "陈小明");

            browser.page().click("nav.main-nav >> text=我的孩子");
            assertThat(browser.text()).contains("陈小明", "陈小红", "阳江市江城区第二初级中学");

            browser.page().click("main >> text=关联孩子");
            browser.page().click("#link-form button[type=submit]");
            // The whole page came back (no script), with each error next to its field.
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/children/link");
            assertThat(browser.page().textContent("#form-errors")).contains("提交的信息有误");
            for (String field : new String[] {"school", "childName", "grade", "className", "relation"}) {
                assertThat(browser.page().textContent("#e-" + field)).as(field).contains("请填写此项");
            }
            browser.page().selectOption("#f-school", "yangjiang-jiangcheng-no1-primary");
            browser.page().fill("#f-childName", "陈小明");
            browser.page().selectOption("#f-grade", "2");
            browser.page().fill("#f-className", "二(1)班");
            browser.page().check("input[name=relation][value=FATHER]");
            browser.page().click("#link-form button[type=submit]");
            // The API's refusal (409 GUARDIANSHIP_EXISTS) as a sentence above the form, the input kept.
            assertThat(browser.page().textContent("#form-errors")).contains("已提交过关联申请");
            assertThat(browser.page().inputValue("#f-childName")).isEqualTo("陈小明");

            browser.page().click("a[hreflang=en]");
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/children/link");
            assertThat(browser.text()).contains("Link a child", "Child's name", "Send request");
            browser.page().click("#link-form button[type=submit]");
            assertThat(browser.page().textContent("#e-childName")).contains("Please fill this in");

            browser.page().click("text=Sign out");
            browser.page().waitForURL(Pattern.compile(".*/t/guangdong-yangjiang(\\?.*)?$"));
            assertThat(browser.text()).contains("Sign in").doesNotContain("Sign out");
        }
    }
}
