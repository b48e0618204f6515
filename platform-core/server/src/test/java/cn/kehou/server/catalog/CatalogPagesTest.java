package cn.kehou.server.catalog;

import cn.kehou.server.portal.PhoneLayoutTest;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.PortalBrowser;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.kehou.server.catalog.CatalogApi.UQ_CITY;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.YJ_CITY;
import static cn.kehou.server.catalog.CatalogApi.YJ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.approvePlan;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.providerWithCourse;
import static cn.kehou.server.catalog.CatalogApi.term;
import static cn.kehou.server.catalog.CatalogApi.vettedStaff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog pages in a real browser, signed in through Keycloak's page: a school admin's service
 * refused by the Yangjiang plugin on the form, fixed, saved and opened; the same page on a phone;
 * a bureau admin vetting a provider and a person.
 */
@QuarkusTest
class CatalogPagesTest {

    static final String SETUP = "/t/" + YJ + "/setup/" + YJ_SCHOOL;

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_school_admin_sees_the_plugins_refusal_in_chinese_on_the_form_fixes_the_end_to_1800_saves_and_opens_enrollment()
            throws SQLException {
        // A term of its own, so the services counted below are this test's only.
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        approvePlan("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, term);
        String teacher = vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "页面测试老师");
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-school-admin");
            // The school admin's home leads to the setup.
            browser.page().click("section[data-role=SCHOOL_ADMIN] a[href='" + SETUP + "']");
            assertThat(browser.text()).contains("课后服务设置", "学期", "服务项目");
            browser.go(SETUP + "/services/new?term=" + term);
            Page page = browser.page();
            page.selectOption("#f-kind", "BASIC_CARE");
            page.fill("#f-titleZh", "六月托管（页面）");
            page.check("input[name=tags][value=READING]");
            page.check("input[name=tags][value=HOMEWORK]");
            page.fill("#f-start", "16:10");
            page.fill("#f-end", "17:45");
            page.fill("#f-validFrom", "2027-06-01");
            page.fill("#f-validTo", "2027-07-09");
            page.fill("#f-capacity", "30");
            page.fill("#f-fee", "300");
            page.fill("#f-feeCostedOn", "2027-01-15");
            page.fill("#f-venue", "一楼阅览室");
            page.fill("#f-content1", "自主阅读绘本");
            page.click("#service-form button[type=submit]");

            // The plugin's refusal, in Chinese, with its citation, on the form that keeps what was typed.
            page.waitForSelector("#service-form [data-problem=WINDOW_ENDS_TOO_EARLY]");
            String refusal = page.textContent("#form-errors");
            assertThat(refusal).contains("未通过本地区课后服务规定的检查", "夏令时段课后服务不早于 18:00 结束", "17:45",
                    "依据：000 §三(二)", "WINDOW_ENDS_TOO_EARLY");
            assertThat(browser.path()).isEqualTo(SETUP + "/services/new?term=" + term);
            assertThat(page.inputValue("#f-titleZh")).isEqualTo("六月托管（页面）");
            assertThat(page.inputValue("#f-content1")).isEqualTo("自主阅读绘本");
            assertThat(page.isChecked("input[name=tags][value=HOMEWORK]")).isTrue();
            assertThat(services(term)).as("the refused attempt wrote nothing").isEmpty();

            page.fill("#f-end", "18:00");
            page.click("#service-form button[type=submit]");
            page.waitForURL("**/services/*?done=saved");
            assertThat(browser.text()).contains("已保存", "六月托管（页面）", "未开放报名");

            page.check("#staff-form input[value='" + teacher + "']");
            page.click("#staff-form button[type=submit]");
            page.waitForURL("**/services/*?done=saved");
            page.click("#publish-form button[type=submit]");
            page.waitForURL("**/services/*?done=published");
            assertThat(page.textContent("#service-state")).contains("已开放报名");
            // Once open, the form no longer saves.
            assertThat(page.locator("#service-form button[type=submit]").count()).isZero();
        }
        List<Object[]> stored = services(term);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)[0]).isEqualTo(LocalTime.of(18, 0));
        assertThat(stored.get(0)[1]).isEqualTo(true);
        assertThat(stored.get(0)[2]).isEqualTo("六月托管（页面）");
    }

    @Test
    void without_javascript_a_school_admin_sets_up_a_term_writes_and_files_its_plan_and_saves_a_service_after_a_refusal()
            throws SQLException {
        String name = CatalogApi.fresh("无脚本学期");
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.login("guangdong-yangjiang", "yj-school-admin");
            browser.go(SETUP);
            Page page = browser.page();
            page.fill("#t-name", name);
            page.fill("#t-startsOn", "2027-03-01");
            page.fill("#t-endsOn", "2027-07-09");
            page.click("#term-form button[type=submit]");
            page.waitForURL("**/setup/" + YJ_SCHOOL + "?saved=true");
            String card = "[data-term]:has-text('" + name + "')";
            String term = page.getAttribute(card, "data-term");

            page.click(card + " a:has-text('实施方案')");
            page.click("#plan-form button[type=submit]");
            assertThat(page.textContent("#form-errors")).contains("请修改以下内容");
            for (String field : List.of("organisation", "content", "times", "venues", "staffing", "safeguards", "timetable")) {
                page.fill("#p-" + field, "按学校实际安排：" + field);
            }
            page.click("#plan-form button[type=submit]");
            assertThat(page.textContent(".plan-status")).contains("草稿");
            page.click("text=报教育局备案/审批");
            assertThat(page.textContent(".plan-status")).contains("已报备");

            browser.go(SETUP + "/services/new?term=" + term);
            page.fill("#f-titleZh", "无脚本托管");
            page.check("input[name=tags][value=READING]");
            page.fill("#f-start", "16:10");
            page.fill("#f-end", "17:45");
            page.fill("#f-validFrom", "2027-06-01");
            page.fill("#f-capacity", "20");
            page.fill("#f-fee", "0");
            page.fill("#f-venue", "图书室");
            page.click("#service-form button[type=submit]");
            // Without script the whole page comes back, refused, with the form as typed.
            assertThat(page.textContent("#form-errors")).contains("依据：000 §三(二)", "18:00");
            assertThat(page.inputValue("#f-titleZh")).isEqualTo("无脚本托管");
            assertThat(services(term)).isEmpty();
            page.fill("#f-end", "18:00");
            page.click("#service-form button[type=submit]");
            assertThat(browser.path()).endsWith("?done=saved");
            assertThat(browser.text()).contains("已保存", "无脚本托管");
            assertThat(services(term)).hasSize(1);
        }
    }

    @Test
    void the_service_form_and_its_refusal_fit_a_375_px_phone() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.phone().login("guangdong-yangjiang", "yj-school-admin");
            List<String> tooWide = new ArrayList<>();
            for (String path : List.of(SETUP, SETUP + "/services/new?term=" + term, SETUP + "/terms/" + term + "/plan")) {
                browser.go(path);
                measure(browser, tooWide);
            }
            browser.go(SETUP + "/services/new?term=" + term);
            browser.page().fill("#f-titleZh", "手机上的托管");
            browser.page().check("input[name=tags][value=READING]");
            browser.page().fill("#f-start", "16:10");
            browser.page().fill("#f-end", "17:45");
            browser.page().fill("#f-validFrom", "2027-06-01");
            browser.page().fill("#f-capacity", "30");
            browser.page().fill("#f-fee", "300");
            browser.page().fill("#f-venue", "教室");
            browser.page().click("#service-form button[type=submit]");
            browser.page().waitForSelector("#form-errors");
            assertThat(browser.page().textContent("#form-errors")).contains("依据：000 §三(二)");
            measure(browser, tooWide);
            browser.screenshot("phone-catalog-service-refused");
            assertThat(tooWide).as("catalog pages wider than 375 px or hard to read").isEmpty();
        }
    }

    @Test
    void a_bureau_admin_approves_and_then_blacklists_a_provider_and_vets_a_person_on_the_vetting_pages() {
        String[] provider = providerWithCourse(YJ_CITY, 200000, 1, 6);
        String code = provider[0];
        String person = as("yj-school-admin").body("{\"nameZh\": \"页面志愿者\", \"kind\": \"VOLUNTEER\"}")
                .post(CatalogApi.site(YJ, YJ_SCHOOL) + "/staff").then().statusCode(201).extract().path("id");
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-bureau-admin");
            // The bureau's home lists what waits for vetting and leads to the pages.
            assertThat(browser.page().textContent("section[data-role=BUREAU_ADMIN] [data-waiting=APPROVALS]"))
                    .contains("页面志愿者");
            browser.page().click("section[data-role=BUREAU_ADMIN] a[href='/t/" + YJ_CITY + "/vetting/providers']");
            Page page = browser.page();
            String card = "[data-provider='" + code + "']";
            assertThat(page.textContent(card)).contains("未审核");
            page.click(card + " summary:has-text('批准')");
            page.check(card + " input[name=scope][value=QUALITY_COURSE]");
            page.fill(card + " input[name=validFrom]", "2026-01-01");
            page.fill(card + " input[name=validTo]", "2029-12-31");
            page.click(card + " .approve button[type=submit]");
            page.waitForURL("**/vetting/providers?done=" + code);
            assertThat(page.textContent(card)).contains("已通过");
            as("yj-bureau-admin").get("/api/t/" + YJ_CITY + "/providers/" + code).then().statusCode(200)
                    .body("standing", org.hamcrest.Matchers.equalTo("APPROVED"));

            // Blacklisting needs a reason: refused inline first, then recorded.
            page.click(card + " summary:has-text('拉黑')");
            page.selectOption(card + " select[name=status]", "BLACKLISTED");
            page.click(card + " .status button[type=submit]");
            page.waitForSelector(card + " .error-summary");
            assertThat(page.textContent(card + " .error-summary")).contains("REASON_REQUIRED");
            page.selectOption(card + " select[name=status]", "BLACKLISTED");
            page.fill(card + " input[name=reason]", "违规收费");
            page.click(card + " .status button[type=submit]");
            page.waitForURL("**/vetting/providers?done=" + code);
            assertThat(page.textContent(card)).contains("已列入黑名单", "违规收费");
            as("yj-bureau-admin").get("/api/t/" + YJ_CITY + "/providers/" + code).then()
                    .body("standing", org.hamcrest.Matchers.equalTo("BLACKLISTED"));
            // Another region's bureau is not bound by Yangjiang's decisions.
            as("urumqi-bureau-admin").get("/api/t/" + UQ_CITY + "/providers/" + code).then()
                    .body("standing", org.hamcrest.Matchers.equalTo("NOT_APPROVED"));

            browser.go("/t/" + YJ_CITY + "/vetting/staff");
            String row = "[data-staff='" + person + "']";
            assertThat(page.textContent(row)).contains("页面志愿者", "待审核");
            page.check(row + " input[name=ethicsOk]");
            page.check(row + " input[name=recordCheckOk]");
            page.check(row + " input[name=healthOk]");
            page.check(row + " input[name=qualificationOk]");
            page.fill(row + " input[name=validTo]", "2029-06-30");
            page.click(row + " button[type=submit]");
            page.waitForURL("**/vetting/staff?done=" + person);
            assertThat(page.textContent(row)).contains("已通过", "2029-06-30");
        }
        as("yj-school-admin").get(CatalogApi.site(YJ, YJ_SCHOOL) + "/staff").then()
                .body("find { it.id == '" + person + "' }.status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void a_provider_admin_adds_a_course_with_its_off_campus_price_and_an_academic_course_is_refused_on_the_page() {
        String title = CatalogApi.fresh("页面科学课");
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-provider-admin");
            browser.page().click("section[data-role=PROVIDER_ADMIN] a[href='/t/" + YJ_CITY + "/offerings']");
            Page page = browser.page();
            String section = "[data-provider=lingnan-science-studio]";
            assertThat(page.textContent(section)).contains("少儿科创实验");

            page.fill(section + " input[name=titleZh]", "语文培优");
            page.check(section + " input[name=tags][value=ACADEMIC_SUBJECT]");
            page.check(section + " input[name=days][value=MONDAY]");
            page.fill(section + " input[name=offCampus]", "1200");
            page.click(section + " button[type=submit]");
            page.waitForSelector(section + " [data-problem=PROVIDER_COURSE_NOT_ALLOWED]");
            assertThat(page.textContent(section)).doesNotContain("语文培优");

            page.fill(section + " input[name=titleZh]", title);
            page.check(section + " input[name=tags][value=SCIENCE]");
            page.check(section + " input[name=days][value=FRIDAY]");
            page.selectOption(section + " select[name=gradeFrom]", "1");
            page.selectOption(section + " select[name=gradeTo]", "2");
            page.fill(section + " input[name=offCampus]", "1500.50");
            page.click(section + " button[type=submit]");
            page.waitForURL("**/offerings?saved=lingnan-science-studio");
            assertThat(page.textContent(section)).contains(title, "¥1,500.50");
        }
        as("yj-bureau-admin").get("/api/t/" + YJ_CITY + "/providers/lingnan-science-studio").then()
                .body("courses.find { it.titleZh == '" + title + "' }.offCampusFen", org.hamcrest.Matchers.equalTo(150050))
                .body("courses.titleZh", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("语文培优")));
    }

    @Test
    void the_vetting_and_course_pages_fit_a_375_px_phone() {
        List<String> problems = new ArrayList<>();
        try (PortalBrowser bureau = PortalBrowser.open(base); PortalBrowser provider = PortalBrowser.open(base)) {
            bureau.phone().login("guangdong-yangjiang", "yj-bureau-admin");
            for (String path : List.of("/t/" + YJ_CITY + "/vetting/providers", "/t/" + YJ_CITY + "/vetting/staff")) {
                bureau.go(path);
                measure(bureau, problems);
            }
            provider.phone().login("guangdong-yangjiang", "yj-provider-admin");
            provider.go("/t/" + YJ_CITY + "/offerings");
            measure(provider, problems);
        }
        assertThat(problems).as("catalog pages wider than 375 px or hard to read").isEmpty();
    }

    /** Width, and what a screen reader needs (the portal's own check, PhoneLayoutTest.READABILITY). */
    private static void measure(PortalBrowser browser, List<String> problems) {
        int width = browser.scrollWidth();
        if (width > PortalBrowser.PHONE_WIDTH) {
            problems.add(browser.path() + ": " + width + " px");
        }
        @SuppressWarnings("unchecked")
        List<String> unreadable = (List<String>) browser.page().evaluate(PhoneLayoutTest.READABILITY);
        unreadable.forEach(p -> problems.add(browser.path() + ": " + p));
    }

    /** {end, enrollment open, title} of every service stored in {@code term}, underneath row-level security. */
    private static List<Object[]> services(String term) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement(
                "SELECT end_time, enrollment_open, title_zh FROM school_service WHERE term_id = ?")) {
            s.setObject(1, UUID.fromString(term));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getObject(1, LocalTime.class), r.getBoolean(2), r.getString(3)});
                }
            }
        }
        return rows;
    }
}
