package cn.kehou.server.attendance;

import cn.kehou.server.portal.PhoneLayoutTest;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.attendance.AttendanceFixtures.YJ;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.as;
import static cn.kehou.server.attendance.AttendanceFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two end-of-day pages on a 375 px phone, signed in through Keycloak: the guardian registers a
 * pickup person and a one-off delegate for today and sees where the child is today (and who took it
 * home, when); the school admin finds a child checked in and never released on the exceptions page
 * and opens its roster. Both pages are readable by a screen reader and fit the phone in both languages.
 */
@QuarkusTest
class AttendancePagesPhoneTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_parent_registers_pickup_persons_and_sees_today_and_the_school_admin_sees_who_never_went_home() throws SQLException {
        var s = AttendanceFixtures.allDay(YJ, YJ_SCHOOL);
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        UUID child = AttendanceFixtures.arranged(s, "yj-parent", "接送甲" + suffix);
        UUID stays = AttendanceFixtures.arranged(s, "yj-parent", "接送乙" + suffix);
        AttendanceFixtures.duty(s, "yj-school-admin", "yj-service-teacher");
        AttendanceFixtures.checkIn("yj-service-teacher", s, child, stays).then().statusCode(200);
        String card = "#child-" + child + " ";
        List<String> problems = new java.util.ArrayList<>();

        try (PortalBrowser phone = PortalBrowser.open(base)) {
            phone.phone().login("guangdong-yangjiang", "yj-parent");
            // From the children page to the child's card on the pickup page.
            phone.go("/t/" + YJ + "/children");
            phone.page().click("li[data-child='" + child + "'] a.pickup");
            assertThat(phone.path()).isEqualTo("/t/" + YJ + "/pickup");
            String status = phone.page().textContent(card + ".today-status li[data-service='" + s.id() + "']");
            assertThat(status).contains("在场", "签到", "现在负责：yj-service-teacher");

            // A standing pickup person.
            phone.page().fill(card + "input[name=name]", "王叔叔");
            phone.page().fill(card + "input[name=relation]", "舅舅");
            phone.page().fill(card + "input[name=phone]", "13800000031");
            phone.page().click(card + "form.add-person button[type=submit]");
            assertThat(phone.page().textContent(card + "ul.standing")).contains("王叔叔（舅舅）13800000031");

            // A one-off delegate for today.
            phone.page().fill(card + "input[name=name]", "李阿姨");
            phone.page().fill(card + "input[name=relation]", "邻居");
            phone.page().fill(card + "input[name=phone]", "13800000032");
            phone.page().fill(card + "input[name=validOn]", today().toString());
            phone.page().click(card + "form.add-person button[type=submit]");
            assertThat(phone.page().textContent(card + "ul.delegates")).contains("李阿姨（邻居）13800000032", "仅限 " + today());

            // A phone number that is not one: shown at the field, nothing registered, what was typed kept.
            phone.page().fill(card + "input[name=name]", "张三");
            phone.page().fill(card + "input[name=relation]", "朋友");
            phone.page().fill(card + "input[name=phone]", "not a phone");
            phone.page().click(card + "form.add-person button[type=submit]");
            assertThat(phone.page().textContent("#e-phone-" + child)).contains("电话号码");
            assertThat(phone.page().inputValue(card + "input[name=name]")).isEqualTo("张三");
            measure(phone, "pickup-errors", problems);

            // In the database, and as the API and the roster see them.
            assertThat(Db.strings("SELECT name || '|' || coalesce(valid_on::text, '') || '|' || registered_by FROM pickup_person"
                    + " WHERE child_id = '" + child + "' ORDER BY name"))
                    .containsExactly("李阿姨|" + today() + "|yj-parent", "王叔叔||yj-parent");
            JsonPath persons = as("yj-parent").get("/api/t/" + YJ + "/me/children/" + child + "/pickup-persons")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(persons.getList("name", String.class)).containsExactlyInAnyOrder("王叔叔", "李阿姨");
            String delegate = Db.strings("SELECT id::text FROM pickup_person WHERE child_id = '" + child + "' AND name = '李阿姨'").get(0);

            // Revoking the standing one on the page.
            phone.go("/t/" + YJ + "/pickup");
            phone.page().click(card + "ul.standing li:has-text('王叔叔') button.revoke");
            assertThat(phone.page().textContent(card + "ul.standing")).doesNotContain("王叔叔");
            assertThat(Db.strings("SELECT (revoked_at IS NOT NULL)::text FROM pickup_person WHERE child_id = '" + child
                    + "' AND name = '王叔叔'")).containsExactly("true");

            // The delegate takes the child home; the guardian sees with whom and when.
            AttendanceFixtures.depart("yj-service-teacher", s, child, Map.of("pickupPerson", delegate)).then().statusCode(200);
            phone.go("/t/" + YJ + "/pickup");
            String gone = phone.page().textContent(card + ".today-status li[data-service='" + s.id() + "']");
            assertThat(gone).contains("已离校").containsPattern("李阿姨 于 \\d\\d:\\d\\d 接走");
            assertThat(phone.page().getAttribute("#child-" + stays + " .today-status li[data-service='" + s.id() + "']",
                    "data-status")).isEqualTo("PRESENT");
            measure(phone, "pickup", problems);
            phone.page().click("a[hreflang=en]");
            assertThat(phone.page().textContent(card + ".today-status")).contains("Picked up by 李阿姨 at");
            measure(phone, "pickup-en", problems);
        }

        try (PortalBrowser phone = PortalBrowser.open(base)) {
            phone.phone().login("guangdong-yangjiang", "yj-school-admin");
            // The school admin's home links the end-of-day list.
            phone.page().click("[data-waiting=SESSIONS] a[href$='/schools/" + YJ_SCHOOL + "/attendance-exceptions']");
            assertThat(phone.path()).isEqualTo("/t/" + YJ + "/schools/" + YJ_SCHOOL + "/attendance-exceptions");
            String row = "ul.still-present li[data-child='" + stays + "']";
            assertThat(phone.page().textContent(row)).contains("接送乙" + suffix, "现在负责：yj-service-teacher");
            assertThat(phone.page().locator("ul.still-present li[data-child='" + child + "']").count())
                    .as("gone home: not an exception").isZero();
            measure(phone, "attendance-exceptions", problems);
            // The same list through the API.
            List<Map<String, Object>> api = as("yj-school-admin")
                    .get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/attendance-exceptions?date=" + today())
                    .then().statusCode(200).extract().jsonPath().getList("");
            assertThat(api).anySatisfy(u -> assertThat(u).containsEntry("child", stays.toString()).containsEntry("status", "PRESENT"));
            // Its roster opens from the row.
            phone.page().click(row + " a");
            assertThat(phone.path()).isEqualTo("/t/" + YJ + "/rosters/" + YJ_SCHOOL + "/" + s.id() + "/" + today());
            assertThat(phone.page().getAttribute("li[data-child='" + stays + "']", "data-status")).isEqualTo("PRESENT");
            // Another date: the form works without script.
            phone.go("/t/" + YJ + "/schools/" + YJ_SCHOOL + "/attendance-exceptions");
            phone.page().fill("#day", today().minusDays(1).toString());
            phone.page().click("form.day button");
            assertThat(phone.page().url()).contains("date=" + today().minusDays(1));
            assertThat(phone.page().locator("ul.still-present li[data-child='" + stays + "']").count()).isZero();
            phone.page().click("a[hreflang=en]");
            measure(phone, "attendance-exceptions-en", problems);
        }
        assertThat(problems).as("too wide or unreadable on a phone").isEmpty();
    }

    @Test
    void without_javascript_a_parent_is_refused_a_past_delegate_date_on_the_page_and_registers_one_for_tomorrow() throws SQLException {
        var s = AttendanceFixtures.allDay(YJ, YJ_SCHOOL);
        UUID child = AttendanceFixtures.arranged(s, "yj-parent", "无脚本" + UUID.randomUUID().toString().substring(0, 4));
        String card = "#child-" + child + " ";
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.go("/t/guangdong-yangjiang");
            browser.page().click(".hero a.button");
            browser.page().waitForSelector("input[name=username]");
            browser.signIn("yj-parent");
            browser.go("/t/" + YJ + "/pickup");
            assertThat(browser.page().getAttribute(card + ".today-status li[data-service='" + s.id() + "']", "data-status"))
                    .isEqualTo("EXPECTED");
            assertThat(browser.page().textContent(card + ".today-status")).contains("未签到", "还没有签到");

            browser.page().fill(card + "input[name=name]", "赵伯伯");
            browser.page().fill(card + "input[name=relation]", "邻居");
            browser.page().fill(card + "input[name=phone]", "13800000033");
            browser.page().fill(card + "input[name=validOn]", today().minusDays(1).toString());
            browser.page().click(card + "form.add-person button[type=submit]");
            // The API's refusal, in the page's language, next to this child's form; the form keeps what was typed.
            assertThat(browser.page().getAttribute("#refusal-" + child, "data-problem")).isEqualTo("DELEGATE_DATE_PAST");
            assertThat(browser.page().textContent("#refusal-" + child)).contains("委托日期已过");
            assertThat(browser.page().inputValue(card + "input[name=name]")).isEqualTo("赵伯伯");
            assertThat(Db.strings("SELECT count(*)::text FROM pickup_person WHERE child_id = '" + child + "'")).containsExactly("0");

            browser.page().fill(card + "input[name=validOn]", today().plusDays(1).toString());
            browser.page().click(card + "form.add-person button[type=submit]");
            assertThat(browser.page().textContent(card + "ul.delegates")).contains("赵伯伯（邻居）13800000033", "仅限 " + today().plusDays(1));
            assertThat(Db.strings("SELECT valid_on::text FROM pickup_person WHERE child_id = '" + child + "'"))
                    .containsExactly(today().plusDays(1).toString());
        }
    }

    private static void measure(PortalBrowser phone, String name, List<String> problems) {
        phone.screenshot("phone-" + name);
        @SuppressWarnings("unchecked")
        List<String> unreadable = (List<String>) phone.page().evaluate(PhoneLayoutTest.READABILITY);
        unreadable.forEach(p -> problems.add(name + ": " + p));
        if (phone.scrollWidth() > PortalBrowser.PHONE_WIDTH) {
            problems.add(name + ": " + phone.scrollWidth() + " px wide");
        }
    }
}
