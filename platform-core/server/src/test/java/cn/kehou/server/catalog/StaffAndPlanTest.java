package cn.kehou.server.catalog;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static cn.kehou.server.catalog.CatalogApi.UQ;
import static cn.kehou.server.catalog.CatalogApi.UQ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.WEEKDAYS;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.YJ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.assign;
import static cn.kehou.server.catalog.CatalogApi.json;
import static cn.kehou.server.catalog.CatalogApi.service;
import static cn.kehou.server.catalog.CatalogApi.site;
import static cn.kehou.server.catalog.CatalogApi.term;
import static cn.kehou.server.catalog.CatalogApi.vettedStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Staff are vetted before they serve and taken off when vetting ends; enrollment waits for the plan. */
@QuarkusTest
class StaffAndPlanTest {

    @Inject
    StaffVetting nightly;

    static String basicCare(String term) {
        return service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", "['READING']", WEEKDAYS, "16:10", "18:00",
                "2027-09-01", "2027-10-29", 0, "").statusCode(201).extract().path("id");
    }

    static String servicePath(String service) {
        return site(YJ, YJ_SCHOOL) + "/services/" + service;
    }

    @Test
    void an_unvetted_person_cannot_be_assigned_and_one_whose_vetting_expired_is_unassigned() throws SQLException {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-09-01", "2028-01-20");
        String service = basicCare(term);
        String volunteer = as("yj-school-admin").body(json("{'nameZh': '志愿者王', 'kind': 'VOLUNTEER'}"))
                .post(site(YJ, YJ_SCHOOL) + "/staff").then().statusCode(201).body("status", equalTo("REGISTERED"))
                .extract().path("id");
        as("yj-school-admin").body("{\"staff\": [\"" + volunteer + "\"]}").put(servicePath(service) + "/staff")
                .then().statusCode(422).body("code", equalTo("STAFF_NOT_VETTED"));

        String teacher = vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "李老师");
        assign("yj-school-admin", YJ, YJ_SCHOOL, service, teacher);
        as("yj-class-teacher").get(site(YJ, YJ_SCHOOL) + "/services").then().statusCode(200);
        as("yj-school-admin").get(site(YJ, YJ_SCHOOL) + "/services").then()
                .body("find { it.id == '" + service + "' }.staff.id", hasItem(teacher));

        // Time passes: the vetting ran out yesterday. The nightly job takes the teacher off.
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement(
                "UPDATE staff_member SET vetted_on = current_date - 400, valid_to = current_date - 1 WHERE id = ?")) {
            s.setObject(1, UUID.fromString(teacher));
            s.executeUpdate();
        }
        nightly.unassignLapsedEverywhere();
        as("yj-school-admin").get(site(YJ, YJ_SCHOOL) + "/services").then()
                .body("find { it.id == '" + service + "' }.staff", empty());
        as("yj-school-admin").get(site(YJ, YJ_SCHOOL) + "/staff").then()
                .body("find { it.id == '" + teacher + "' }.status", equalTo("EXPIRED"));
        as("yj-school-admin").body("{\"staff\": [\"" + teacher + "\"]}").put(servicePath(service) + "/staff")
                .then().statusCode(422).body("code", equalTo("STAFF_NOT_VETTED"));
    }

    @Test
    void withdrawing_or_refusing_a_persons_vetting_takes_them_off_at_once() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-09-01", "2028-01-20");
        String service = basicCare(term);
        String a = vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "赵老师");
        String b = vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "钱老师");
        assign("yj-school-admin", YJ, YJ_SCHOOL, service, a, b);
        as("yj-school-admin").body(json("{'reason': '师德问题'}")).post(site(YJ, YJ_SCHOOL) + "/staff/" + a + "/withdraw")
                .then().statusCode(403);
        as("yj-bureau-admin").body(json("{'reason': '师德问题'}")).post(site(YJ, YJ_SCHOOL) + "/staff/" + a + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("services", empty());
        as("yj-bureau-admin").body(json("{'ethicsOk': true, 'recordCheckOk': false, 'healthOk': true, 'qualificationOk': true,"
                        + " 'validTo': '2029-12-31', 'note': '有不良记录'}"))
                .post(site(YJ, YJ_SCHOOL) + "/staff/" + b + "/vetting").then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        as("yj-school-admin").get(site(YJ, YJ_SCHOOL) + "/services").then()
                .body("find { it.id == '" + service + "' }.staff", empty());
    }

    @Test
    void yangjiang_enrollment_cannot_open_until_the_bureau_approves_the_plan() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-09-01", "2028-01-20");
        String service = basicCare(term);
        assign("yj-school-admin", YJ, YJ_SCHOOL, service, vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "孙老师"));
        as("yj-school-admin").post(servicePath(service) + "/enrollment-open").then().statusCode(422)
                .body("code", equalTo("PLAN_NOT_APPROVED")).body("citation", equalTo("000 §七(三)1"));

        as("yj-school-admin").body(json("{'organisation': '校长负责', 'content': '作业辅导与阅读', 'times': '放学后至18:00',"
                        + " 'venues': '教室', 'staffing': '本校教师', 'safeguards': '考勤与交接', 'timetable': '周一至周五'}"))
                .put(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan").then().statusCode(200).body("status", equalTo("DRAFT"));
        as("yj-school-admin").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/file").then().statusCode(200)
                .body("status", equalTo("FILED")).body("filing.allowed", equalTo(false));
        // Filing is not enough in Yangjiang (000 §七(三)1: 审核同意后执行).
        as("yj-school-admin").post(servicePath(service) + "/enrollment-open").then().statusCode(422)
                .body("code", equalTo("PLAN_NOT_APPROVED"));
        as("yj-school-admin").body("{\"approved\": true}").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/review")
                .then().statusCode(403);
        as("yj-bureau-admin").body("{\"approved\": true}").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/review")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("filing.allowed", equalTo(true));
        as("yj-school-admin").post(servicePath(service) + "/enrollment-open").then().statusCode(200)
                .body("enrollmentOpen", equalTo(true));
    }

    @Test
    void a_returned_plan_is_filed_again_and_an_approved_one_no_longer_changes() throws SQLException {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-09-01", "2028-01-20");
        String plan = json("{'organisation': '校长负责', 'content': '阅读', 'times': '放学后', 'venues': '教室',"
                + " 'staffing': '本校教师', 'safeguards': '考勤', 'timetable': '周一至周五'}");
        as("yj-school-admin").body(plan).put(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan").then().statusCode(200);
        as("yj-school-admin").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/file").then().statusCode(200);
        as("yj-bureau-admin").body("{\"approved\": false}").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/review")
                .then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        as("yj-bureau-admin").body(json("{'approved': false, 'note': '安全保障措施不具体'}"))
                .post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/review").then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        as("yj-school-admin").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/file").then().statusCode(200);
        as("yj-bureau-admin").body("{\"approved\": true}").post(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan/review")
                .then().statusCode(200);
        as("yj-school-admin").body(plan).put(site(YJ, YJ_SCHOOL) + "/terms/" + term + "/plan").then().statusCode(409)
                .body("code", equalTo("PLAN_ALREADY_APPROVED"));

        // 001 五(二)2: every guardian at the school is told of the plan, taking part or not — once, though it was filed twice.
        long guardians = Long.parseLong(Db.strings("SELECT count(DISTINCT g.username) FROM guardianship g JOIN child c"
                + " ON c.tenant_id = g.tenant_id AND c.id = g.child_id JOIN school s ON s.id = c.school_id"
                + " WHERE s.code = '" + YJ_SCHOOL + "' AND g.status = 'CONFIRMED'").get(0));
        assertThat(guardians).isPositive();
        assertThat(Db.strings("SELECT count(*) FROM notice WHERE dedupe_key = 'plan:" + term + "'"))
                .containsExactly(Long.toString(guardians));
        as("yj-parent").get("/api/t/" + YJ + "/me/notices").then().statusCode(200)
                .body("kind", hasItem("SERVICE_PLAN"));
    }

    @Test
    void in_urumqi_enrollment_opens_without_a_filed_plan_because_004_sets_no_filing_rule() {
        String term = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-09-01", "2028-01-20");
        String service = service("urumqi-school-admin", UQ, UQ_SCHOOL, term, "BASIC_CARE", "['READING']", WEEKDAYS,
                "18:30", "20:30", "2027-09-01", "2027-12-31", 40000, "").statusCode(201).extract().path("id");
        String path = site(UQ, UQ_SCHOOL) + "/services/" + service;
        as("urumqi-school-admin").post(path + "/enrollment-open").then().statusCode(422).body("code", equalTo("NO_VETTED_STAFF"));
        String staff = vettedStaff("urumqi-school-admin", "urumqi-tianshan-bureau", UQ, UQ_SCHOOL, "阿依古丽老师");
        assign("urumqi-school-admin", UQ, UQ_SCHOOL, service, staff);
        as("urumqi-school-admin").post(path + "/enrollment-open").then().statusCode(200).body("enrollmentOpen", equalTo(true));
    }

    @Test
    void the_yangjiang_demo_school_has_a_term_with_an_approved_plan() {
        as("yj-class-teacher").get(site(YJ, YJ_SCHOOL) + "/terms").then().statusCode(200)
                .body("find { it.name == '" + DemoCatalogLoader.DEMO_TERM + "' }.plan.status", equalTo("APPROVED"));
        // A teacher reads the catalog but does not change it.
        approvePlanRefusedFor("yj-class-teacher");
        as("yj-class-teacher").get(site(YJ, YJ_SCHOOL) + "/staff").then().statusCode(403);
        as("yj-school-admin").get(site(YJ, "yangjiang-jiangcheng-no2-junior") + "/services").then().statusCode(403);
        as("yj-school-admin").get(site(YJ, YJ_SCHOOL) + "/staff").then().statusCode(200).body("status", not(hasItem("UNKNOWN")));
    }

    private static void approvePlanRefusedFor(String user) {
        as(user).body(json("{'name': '教师学期', 'startsOn': '2027-09-01', 'endsOn': '2028-01-20'}"))
                .post(site(YJ, YJ_SCHOOL) + "/terms").then().statusCode(403);
    }
}
