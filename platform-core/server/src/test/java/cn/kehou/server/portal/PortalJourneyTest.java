package cn.kehou.server.portal;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People of two regions sign in through Keycloak's real login page in a real browser, against the
 * real server, Keycloak and PostgreSQL, and land on their homes in their own region's colours.
 */
@QuarkusTest
class PortalJourneyTest {

    static final String YANGJIANG_BLUE = "rgb(10, 110, 138)";   // #0a6e8a, tenants/guangdong-yangjiang
    static final String URUMQI_TEAL = "rgb(0, 131, 143)";       // #00838f, tenants/xinjiang-urumqi

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_yangjiang_parent_and_an_urumqi_parent_land_on_their_own_homes_and_see_only_their_own_children() {
        try (PortalBrowser yj = PortalBrowser.open(base); PortalBrowser urumqi = PortalBrowser.open(base)) {
            yj.openLogin("guangdong-yangjiang");
            assertThat(yj.page().textContent("#kc-header-wrapper")).contains("阳江课后服务");
            assertThat(yj.page().title()).contains("阳江课后服务");
            yj.signIn("yj-parent");
            assertThat(yj.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/home");
            assertThat(yj.text()).contains("阳江课后服务", "江城区", "我的主页", "家长", "陈小明", "陈小红")
                    .doesNotContain("韩小乐", "乌鲁木齐");
            assertThat(yj.style(".masthead", "background-color")).isEqualTo(YANGJIANG_BLUE);

            urumqi.openLogin("xinjiang-urumqi");
            assertThat(urumqi.page().textContent("#kc-header-wrapper")).contains("乌鲁木齐课后服务");
            urumqi.signIn("urumqi-parent");
            assertThat(urumqi.path()).isEqualTo("/t/xinjiang-urumqi-tianshan/home");
            assertThat(urumqi.text()).contains("乌鲁木齐课后服务", "天山区", "韩小乐").doesNotContain("陈小明", "阳江");
            assertThat(urumqi.style(".masthead", "background-color")).isEqualTo(URUMQI_TEAL);

            urumqi.go("/t/xinjiang-urumqi-tianshan/children");
            assertThat(urumqi.text()).contains("我的孩子", "韩小乐", "乌鲁木齐市天山区第一小学").doesNotContain("陈小明");

            // Yangjiang's parent asking for Urumqi's children signs in to Urumqi's portal (single
            // sign-on) and is refused there, readably, in the Urumqi frame.
            yj.go("/t/xinjiang-urumqi-tianshan/children");
            assertThat(yj.path()).isEqualTo("/t/xinjiang-urumqi-tianshan/children");
            assertThat(yj.text()).contains("没有权限", "FORBIDDEN", "退出登录").doesNotContain("韩小乐");
            assertThat(yj.style(".masthead", "background-color")).isEqualTo(URUMQI_TEAL);
        }
    }

    @Test
    void every_role_lands_on_a_home_that_lists_what_waits_for_it() {
        Map<String, String> homes = Map.of(
                "yj-bureau-admin", "guangdong-yangjiang:BUREAU_ADMIN",
                "yj-inspector", "guangdong-yangjiang:BUREAU_INSPECTOR",
                "yj-provider-admin", "guangdong-yangjiang:PROVIDER_ADMIN",
                "yj-provider-staff", "guangdong-yangjiang:PROVIDER_STAFF",
                "yj-school-admin", "guangdong-yangjiang-jiangcheng:SCHOOL_ADMIN",
                "yj-class-teacher", "guangdong-yangjiang-jiangcheng:CLASS_TEACHER",
                "yj-service-teacher", "guangdong-yangjiang-jiangcheng:SERVICE_TEACHER",
                "yj-finance", "guangdong-yangjiang-jiangcheng:SCHOOL_FINANCE",
                "yj-parent", "guangdong-yangjiang-jiangcheng:PARENT");
        homes.forEach((user, where) -> {
            String tenant = where.split(":")[0];
            String role = where.split(":")[1];
            try (PortalBrowser browser = PortalBrowser.open(base)) {
                browser.login("guangdong-yangjiang", user);
                assertThat(browser.path()).as(user).isEqualTo("/t/" + tenant + "/home");
                assertThat(browser.page().locator("section[data-role=" + role + "]").count()).as(user).isEqualTo(1);
                assertThat(browser.page().locator("section[data-role=" + role + "] .waiting").count()).as(user).isPositive();
                assertThat(browser.text()).as(user).contains("我的主页", "退出登录");
            }
        });
    }

    @Test
    void someone_with_roles_in_two_districts_chooses_where_to_go() {
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("xinjiang-urumqi", "urumqi-teacher-parent");
            assertThat(browser.path()).isEqualTo("/t/xinjiang-urumqi/login");
            assertThat(browser.text()).contains("选择要进入的地区", "天山区", "班主任", "沙依巴克区", "家长");
            browser.page().click("text=沙依巴克区");
            assertThat(browser.path()).isEqualTo("/t/xinjiang-urumqi-saybag/home");
            assertThat(browser.text()).contains("艾力").doesNotContain("韩小乐");
        }
    }

    @Test
    void the_language_switch_is_remembered_across_pages_and_reaches_keycloak() {
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.go("/t/guangdong-yangjiang");
            browser.page().click("a[hreflang=en]");
            assertThat(browser.text()).contains("Yangjiang After-School Services", "Schools in this region", "Primary school");
            assertThat(browser.page().getAttribute("html", "lang")).isEqualTo("en");
            browser.page().click(".hero a.button");
            assertThat(browser.page().textContent("#kc-header-wrapper")).contains("阳江课后服务");
            assertThat(browser.page().getAttribute("html", "lang")).isEqualTo("en");
            browser.signIn("yj-parent");
            assertThat(browser.text()).contains("My home", "Parent", "My children", "Today is");
            browser.page().click("nav.main-nav >> text=My children");
            assertThat(browser.text()).contains("Link a child", "Grade 2");
            browser.page().click("a[hreflang=zh-CN]");
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/children");
            assertThat(browser.text()).contains("关联孩子", "2年级");
        }
    }

    @Test
    void a_parent_asks_to_be_linked_to_a_child_with_errors_shown_in_place_and_the_class_teacher_sees_it_waiting()
            throws SQLException {
        try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name)
                    SELECT s.tenant_id, gen_random_uuid(), s.id, '林小雨', 3, '三(2)班' FROM school s
                    WHERE s.code = 'yangjiang-jiangcheng-no1-primary'
                      AND NOT EXISTS (SELECT 1 FROM child WHERE name_zh = '林小雨')""");
        }
        try (PortalBrowser parent = PortalBrowser.open(base); PortalBrowser teacher = PortalBrowser.open(base)) {
            parent.login("guangdong-yangjiang", "yj-parent");
            parent.go("/t/guangdong-yangjiang-jiangcheng/children/link");
            parent.page().click("#link-form button[type=submit]");
            // htmx replaced the form in place: the page did not change, the errors sit by their fields.
            parent.page().waitForSelector("#form-errors");
            assertThat(parent.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/children/link");
            assertThat(parent.page().textContent("#e-childName")).contains("请填写此项");
            assertThat(parent.page().getAttribute("#f-childName", "aria-invalid")).isEqualTo("true");
            assertThat(parent.page().getAttribute("#f-childName", "aria-describedby")).isEqualTo("e-childName");
            assertThat((Boolean) parent.page().evaluate("() => document.activeElement.id === 'form-errors'")).isTrue();

            parent.page().selectOption("#f-school", "yangjiang-jiangcheng-no1-primary");
            parent.page().fill("#f-childName", "林小雨");
            parent.page().selectOption("#f-grade", "3");
            parent.page().fill("#f-className", "三(9)班");
            parent.page().check("input[name=relation][value=MOTHER]");
            parent.page().click("#link-form button[type=submit]");
            parent.page().waitForSelector("#form-errors >> text=未找到该学生");
            assertThat(parent.text()).contains("请核对学校、姓名、年级和班级");
            assertThat(parent.page().inputValue("#f-childName")).isEqualTo("林小雨");

            parent.page().fill("#f-className", "三(2)班");
            parent.page().click("#link-form button[type=submit]");
            parent.page().waitForURL("**/children?requested=true");
            assertThat(parent.text()).contains("关联申请已提交");

            teacher.login("guangdong-yangjiang", "yj-class-teacher");
            assertThat(teacher.page().textContent("section[data-role=CLASS_TEACHER] [data-waiting=REVIEWS]"))
                    .contains("林小雨", "母亲申请关联", "3年级 三(2)班");
        }
    }

    @Test
    void signing_out_ends_the_portal_session() {
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-finance");
            // The front page knows who is signed in and leads to their home.
            browser.go("/t/guangdong-yangjiang");
            assertThat(browser.text()).contains("已登录：关会计", "我的主页");
            browser.page().click(".hero a.button");
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang-jiangcheng/home");
            browser.page().click("text=退出登录");
            browser.page().waitForURL(Pattern.compile(".*/t/guangdong-yangjiang(\\?.*)?$"));
            assertThat(browser.text()).contains("登录").doesNotContain("退出登录");
            browser.go("/t/guangdong-yangjiang-jiangcheng/home");
            assertThat(browser.page().isVisible("input[name=username]")).isTrue();
        }
    }
}
