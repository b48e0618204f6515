package cn.kehou.server.attendance;

import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.attendance.AttendanceFixtures.YJ;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service teacher's phone (375 px), signed in through Keycloak: taps children in, "all present",
 * hands them over, and is refused an unauthorised pickup person on the page with the instruction
 * to call the guardian; the authorised one takes the child home.
 */
@QuarkusTest
class RosterPhoneTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void the_service_teacher_checks_children_in_on_a_phone_and_an_unauthorised_pickup_person_is_refused() throws SQLException {
        var s = AttendanceFixtures.allDay(YJ, YJ_SCHOOL);
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        UUID first = AttendanceFixtures.arranged(s, "yj-parent", "手机甲" + suffix);
        UUID second = AttendanceFixtures.arranged(s, "yj-parent", "手机乙" + suffix);
        AttendanceFixtures.duty(s, "yj-school-admin", "yj-service-teacher");
        as("yj-parent").contentType(ContentType.JSON).body(Map.of("name", "陈奶奶", "relation", "祖母", "phone", "13800000021"))
                .post("/api/t/" + YJ + "/me/children/" + first + "/pickup-persons").then().statusCode(201);

        try (PortalBrowser phone = PortalBrowser.open(base)) {
            phone.phone().login("guangdong-yangjiang", "yj-service-teacher");
            assertThat(phone.path()).isEqualTo("/t/" + YJ + "/home");
            // Today's session is waiting on the home page; it opens the roster.
            phone.page().click("[data-waiting=SESSIONS] a[href$='" + s.id() + "/" + AttendanceFixtures.today() + "']");
            assertThat(phone.text()).contains("全部到齐", "手机甲" + suffix, "手机乙" + suffix, "未签到");

            // A tap checks one child in; "all present" the rest.
            phone.page().click("li[data-child='" + first + "'] button.check-in");
            assertThat(phone.page().getAttribute("li[data-child='" + first + "']", "data-status")).isEqualTo("PRESENT");
            assertThat(phone.page().getAttribute("li[data-child='" + second + "']", "data-status")).isEqualTo("EXPECTED");
            phone.page().click("#all-present");
            assertThat(phone.page().getAttribute("li[data-child='" + second + "']", "data-status")).isEqualTo("PRESENT");
            assertThat(phone.page().textContent("li[data-child='" + first + "']")).contains("现在负责：yj-service-teacher");

            // Hand-over to the class teacher.
            phone.page().fill("#handover-to", "yj-class-teacher");
            phone.page().click("form.handover button");
            assertThat(phone.page().textContent("li[data-child='" + first + "']")).contains("现在负责：yj-class-teacher");

            // Someone not on the guardian's list: refused on the page, with what to do.
            String card = "li[data-child='" + first + "'] ";
            phone.page().check(card + "input[name=person][value=other]");
            phone.page().fill(card + "input[name=name]", "陌生人");
            phone.page().fill(card + "input[name=phone]", "13999999999");
            phone.page().click(card + "button.release");
            assertThat(phone.page().textContent("#refusal")).contains("接送人未经授权", "请勿把孩子交给此人", "致电监护人");
            assertThat(phone.page().getAttribute("li[data-child='" + first + "']", "data-status")).isEqualTo("PRESENT");
            assertThat(phone.scrollWidth()).as("fits a 375 px phone").isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            phone.screenshot("attendance-roster-pickup-refused");

            // The grandmother the guardian registered takes the child home.
            phone.page().check(card + "input[name=person] >> nth=0");
            phone.page().click(card + "button.release");
            assertThat(phone.page().getAttribute("li[data-child='" + first + "']", "data-status")).isEqualTo("DEPARTED");
            assertThat(phone.page().textContent("li[data-child='" + first + "']")).contains("陈奶奶 接走");
            assertThat(phone.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            phone.screenshot("attendance-roster-phone");
        }
    }
}
