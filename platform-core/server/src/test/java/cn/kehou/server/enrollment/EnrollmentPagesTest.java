package cn.kehou.server.enrollment;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.PortalBrowser;
import cn.kehou.server.testing.Tokens;
import com.microsoft.playwright.Locator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parents, class teachers and school admins of two regions do enrollment in a real browser, signed
 * in through Keycloak's own login page: apply on a phone, the region's reviews in the school's
 * queue, the family's confirmation and signatures, until the child is arranged — checked in the
 * database. Yangjiang (000) has no class review; Urumqi (004) has one.
 */
@QuarkusTest
class EnrollmentPagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";

    @TestHTTPResource("/")
    URI base;

    static String one(String sql) throws Exception {
        List<String> rows = Db.strings(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The parent finds the service under the child on the browse page, applies, and lands on the application. */
    static String applyInBrowser(PortalBrowser parent, String tenant, UUID child, UUID service, String pickup, String note) {
        parent.go("/t/" + tenant + "/enrollment");
        parent.page().click("[data-child='" + child + "'] [data-service='" + service + "'] a.button.primary");
        assertThat(parent.path()).startsWith("/t/" + tenant + "/enrollment/apply");
        parent.page().check("input[name=pickup][value=" + pickup + "]");
        if (note != null) {
            parent.page().fill("#f-pickupNote", note);
        }
        parent.page().click("#apply-form button[type=submit]");
        parent.page().waitForURL("**/enrollment/applications/*?done=applied");
        assertThat(parent.text()).contains("报名已提交");
        String path = parent.path();
        return path.substring(path.lastIndexOf('/') + 1, path.indexOf('?'));
    }

    /** Signs every document the page offers, one form at a time, as the parent would. */
    static void signAll(PortalBrowser parent) {
        Locator forms = parent.page().locator("form.sign button");
        for (int guard = 0; forms.count() > 0 && guard < 5; guard++) {
            forms.first().click();
            parent.page().waitForURL("**?done=signed");
        }
    }

    static void review(PortalBrowser staff, String tenant, String school, String application, String decision) {
        staff.go("/t/" + tenant + "/schools/" + school + "/applications");
        staff.page().fill("[data-application='" + application + "'] input[name=note]", "材料齐全");
        staff.page().click("[data-application='" + application + "'] button[value=" + decision + "]");
        staff.page().waitForURL("**/applications?done=*");
    }

    @Test
    void a_yangjiang_family_applies_on_a_phone_the_school_approves_and_after_confirming_and_signing_the_child_is_arranged()
            throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        String name = unique("页面阳江");
        UUID child = EnrollmentFixtures.child(YJ, YJ_SCHOOL, name, 2, "yj-parent");
        try (PortalBrowser parent = PortalBrowser.open(base); PortalBrowser teacher = PortalBrowser.open(base);
             PortalBrowser admin = PortalBrowser.open(base)) {
            parent.login("guangdong-yangjiang", "yj-parent").phone();
            // The parent's home says services are open to the children, and the nav leads there.
            assertThat(parent.page().textContent("section[data-role=PARENT] [data-waiting=SERVICES]")).contains("项服务可以报名");
            parent.page().click("nav.main-nav >> text=课后服务报名");
            assertThat(parent.path()).isEqualTo("/t/" + YJ + "/enrollment");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);

            String id = applyInBrowser(parent, YJ, child, service.id(), "DELEGATE", "奶奶接，13800000000");
            assertThat(parent.page().getAttribute("section.status", "data-step")).isEqualTo("SCHOOL_REVIEW");
            assertThat(parent.text()).contains("已占名额，审核中", "等待学校审核", "家长申请", "学校审核/核准", "家长确认", "签订协议")
                    // 000's flow has no class review; publishing and payment are not steps the family waits at here.
                    .doesNotContain("班级初审");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            parent.screenshot("enrollment-yj-application-phone");
            // The home lists the new application first, linked to it.
            parent.go("/t/" + YJ + "/home");
            assertThat(parent.page().textContent("section[data-role=PARENT] [data-waiting=SERVICES] .card")).contains(name, "已占名额");

            // Yangjiang's class teacher sees the application but the step is the school admin's.
            teacher.login("guangdong-yangjiang", "yj-class-teacher");
            teacher.go("/t/" + YJ + "/schools/" + YJ_SCHOOL + "/applications");
            assertThat(teacher.page().locator("[data-application='" + id + "']").first().textContent())
                    .contains(name, "该环节由学校管理员办理");
            assertThat(teacher.page().locator("[data-application='" + id + "'] form.review").count()).isZero();

            admin.login("guangdong-yangjiang", "yj-school-admin");
            assertThat(admin.page().textContent("section[data-role=SCHOOL_ADMIN] [data-waiting=APPLICATIONS]"))
                    .contains(name, "学校审核/核准");
            review(admin, YJ, YJ_SCHOOL, id, "approve");
            assertThat(admin.text()).contains("已通过");

            parent.go("/t/" + YJ + "/enrollment/applications/" + id);
            assertThat(parent.page().getAttribute("section.status", "data-step")).isEqualTo("CONFIRM");
            parent.page().click("#confirm");
            parent.page().waitForURL("**?done=confirmed");
            assertThat(parent.page().getAttribute("section.status", "data-step")).isEqualTo("SIGN_AGREEMENT");
            // The exact texts are shown with their version and hash before signing.
            assertThat(parent.page().locator("article.document").count()).isEqualTo(3);
            assertThat(parent.text()).contains("家校安全责任承诺书", "接送 Pickup: 委托接送：奶奶接，13800000000", "SHA-256");
            signAll(parent);
            assertThat(parent.page().getAttribute("section.status", "data-status")).isEqualTo("ARRANGED");
            assertThat(parent.text()).contains("已安排", "由 yj-parent 签署");
        }
        assertThat(one("SELECT status || '/' || step || '/' || holds_seat FROM enrollment_application WHERE child_id = '" + child + "'"))
                .isEqualTo("ARRANGED/ARRANGE/true");
        assertThat(one("SELECT pickup FROM enrollment_application WHERE child_id = '" + child + "'"))
                .isEqualTo("委托接送：奶奶接，13800000000");
        assertThat(Db.strings("SELECT s.document_code || '|' || s.signer || '|' || length(s.text_sha256) || '|' || (s.client LIKE '%Chrome%')"
                + " FROM agreement_signature s JOIN enrollment_application a ON a.id = s.application_id WHERE a.child_id = '" + child
                + "' ORDER BY s.document_code"))
                .containsExactly("APPLICATION|yj-parent|64|true", "SAFETY_COMMITMENT|yj-parent|64|true",
                        "SERVICE_CONTRACT|yj-parent|64|true");
        assertThat(Db.strings("SELECT e.actor FROM enrollment_event e JOIN enrollment_application a ON a.id = e.application_id"
                + " WHERE a.child_id = '" + child + "' AND e.note = '材料齐全'")).containsExactly("yj-school-admin");
        assertThat(one("SELECT seats_taken FROM school_service WHERE id = '" + service.id() + "'")).isEqualTo("1");
    }

    @Test
    void an_urumqi_family_applies_the_class_teacher_then_the_school_approve_and_after_signing_the_child_is_arranged()
            throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(UQ, UQ_SCHOOL, 5, "FIRST_COME", true, null, null);
        String name = unique("页面乌市");
        UUID child = EnrollmentFixtures.child(UQ, UQ_SCHOOL, name, 2, "urumqi-parent");
        String id;
        try (PortalBrowser parent = PortalBrowser.open(base); PortalBrowser teacher = PortalBrowser.open(base);
             PortalBrowser admin = PortalBrowser.open(base); PortalBrowser stranger = PortalBrowser.open(base)) {
            parent.login("xinjiang-urumqi", "urumqi-parent").phone();
            id = applyInBrowser(parent, UQ, child, service.id(), "GUARDIAN", null);
            assertThat(parent.page().getAttribute("section.status", "data-step")).isEqualTo("CLASS_REVIEW");
            assertThat(parent.text()).contains("等待班主任初审", "班级初审", "学校审核/核准", "签订协议", "统筹安排");

            // 004 §三(四): 班级初审 — the class teacher's home lists it, the queue groups it under the class.
            teacher.login("xinjiang-urumqi", "urumqi-class-teacher");
            assertThat(teacher.page().textContent("section[data-role=CLASS_TEACHER] [data-waiting=APPLICATIONS]"))
                    .contains(name, "班级初审");
            teacher.go("/t/" + UQ + "/schools/" + UQ_SCHOOL + "/applications");
            assertThat(teacher.page().textContent("[data-class='一班']")).contains(name);
            review(teacher, UQ, UQ_SCHOOL, id, "approve");
            // The next step, 学校核准, is not the class teacher's.
            assertThat(teacher.page().locator("[data-application='" + id + "'] form.review").count()).isZero();

            admin.login("xinjiang-urumqi", "urumqi-school-admin");
            assertThat(admin.page().textContent("section[data-role=SCHOOL_ADMIN] [data-waiting=APPLICATIONS]")).contains(name);
            review(admin, UQ, UQ_SCHOOL, id, "approve");

            parent.go("/t/" + UQ + "/enrollment/applications/" + id);
            assertThat(parent.page().getAttribute("section.status", "data-step")).isEqualTo("SIGN_AGREEMENT");
            assertThat(parent.text()).contains("课后服务自愿服务协议", "可随时退出");
            signAll(parent);
            assertThat(parent.page().getAttribute("section.status", "data-status")).isEqualTo("ARRANGED");

            // Yangjiang's parent, signed in through Urumqi's portal, is refused this family's application.
            stranger.login("guangdong-yangjiang", "yj-parent");
            stranger.go("/t/" + UQ + "/enrollment/applications/" + id);
            assertThat(stranger.text()).contains("FORBIDDEN").doesNotContain(name);
        }
        assertThat(one("SELECT status || '/' || step FROM enrollment_application WHERE id = '" + id + "'")).isEqualTo("ARRANGED/ARRANGE");
        assertThat(Db.strings("SELECT actor FROM enrollment_event WHERE application_id = '" + id + "' AND note = '材料齐全'"
                + " ORDER BY at")).containsExactly("urumqi-class-teacher", "urumqi-school-admin");
        assertThat(one("SELECT count(*) FROM agreement_signature WHERE application_id = '" + id
                + "' AND document_code = 'VOLUNTARY_SERVICE_AGREEMENT'")).isEqualTo("1");
        // The other tenant's school sees none of it through the API either.
        given().auth().oauth2(Tokens.of("yj-school-admin")).get("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/applications")
                .then().statusCode(403);
    }

    @Test
    void the_school_draws_a_lottery_on_its_page_and_the_parent_reads_position_group_and_seed() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(UQ, UQ_SCHOOL, 2, "LOTTERY", true, today.minusDays(3), today);
        String name = unique("摇号页面");
        UUID child = EnrollmentFixtures.child(UQ, UQ_SCHOOL, name, 2, "urumqi-parent");
        for (int i = 0; i < 4; i++) {
            UUID other = EnrollmentFixtures.child(UQ, UQ_SCHOOL, unique("摇号他家"), 2, "urumqi-lottery-family-" + i);
            try (var c = Db.superuser()) {
                EnrollmentFixtures.exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant,"
                        + " status, step, idempotency_key) SELECT tenant_id, ?, ?, id, ?, 'PENDING', 'CLASS_REVIEW', ? FROM child"
                        + " WHERE id = ?", UUID.randomUUID(), service.id(), "urumqi-lottery-family-" + i, "lotpage-" + other, other);
            }
        }
        try (PortalBrowser parent = PortalBrowser.open(base); PortalBrowser admin = PortalBrowser.open(base)) {
            parent.login("xinjiang-urumqi", "urumqi-parent").phone();
            String id = applyInBrowser(parent, UQ, child, service.id(), "GUARDIAN", null);
            assertThat(parent.page().getAttribute("section.status", "data-status")).isEqualTo("PENDING");

            admin.login("xinjiang-urumqi", "urumqi-school-admin");
            String lottery = "/t/" + UQ + "/schools/" + UQ_SCHOOL + "/services/" + service.id() + "/lottery";
            admin.go(lottery);
            assertThat(admin.text()).contains("报名尚未截止");
            try (var c = Db.superuser()) {
                EnrollmentFixtures.exec(c, "UPDATE school_service SET signup_to = ? WHERE id = ?", today.minusDays(1), service.id());
            }
            admin.go(lottery);
            assertThat(admin.page().textContent("#pending")).isEqualTo("5");
            admin.page().fill("#f-seed", "20261123");
            admin.page().click("#draw-form button[type=submit]");
            admin.page().waitForSelector("section.run");
            // The whole run: seed, every family's position and group, who was placed and why.
            assertThat(admin.page().textContent("section.run .seed")).isEqualTo("20261123");
            assertThat(admin.page().locator("section.run li[data-position]").count()).isEqualTo(5);
            assertThat(admin.page().locator("section.run li[data-placed=true]").count()).isEqualTo(2);
            assertThat(admin.text()).contains(name, "录取 2 人，候补 3 人", "按抽签位次安排时仍有名额", "排到时名额已用完");

            parent.go("/t/" + UQ + "/enrollment/applications/" + id);
            String position = one("SELECT explanation->>'position' FROM enrollment_application WHERE id = '" + id + "'");
            assertThat(parent.page().textContent("#lottery-seed")).isEqualTo("20261123");
            assertThat(parent.page().textContent("#lottery-position")).isEqualTo(position);
            assertThat(parent.page().textContent("#lottery-group")).isEqualTo("一般");
            String status = one("SELECT status FROM enrollment_application WHERE id = '" + id + "'");
            assertThat(parent.page().getAttribute("section.status", "data-status")).isEqualTo(status);
            if (status.equals("WAITLISTED")) {
                assertThat(parent.page().textContent("#waitlist-position")).matches("候补第 [1-3] 位");
            }
        }
    }
}
