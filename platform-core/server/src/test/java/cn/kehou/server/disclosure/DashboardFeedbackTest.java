package cn.kehou.server.disclosure;

import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static cn.kehou.server.disclosure.DisclosureTest.YJ;
import static cn.kehou.server.disclosure.DisclosureTest.YJ_SCHOOL;
import static cn.kehou.server.disclosure.DisclosureTest.as;
import static cn.kehou.server.disclosure.DisclosureTest.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bureau dashboard counts the complaints (监督举报) filed about a school and scores its
 * satisfaction surveys (001: 满意度调查) from the answers, which carry no person (issue 13 §6).
 */
@QuarkusTest
class DashboardFeedbackTest {

    @Test
    void a_complaint_and_a_survey_answer_show_on_the_bureaus_dashboard_for_that_school() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String dashboard = "/api/t/" + YJ + "/dashboard?from=" + today.minusDays(1) + "&to=" + today;
        long before = complaints(as("yj-bureau-admin").get(dashboard).then().statusCode(200).extract().jsonPath());

        given().contentType("application/json")
                .body(json("{'about': 'SCHOOL', 'school': '" + YJ_SCHOOL + "', 'body': '看板计数的举报'}"))
                .post("/api/public/t/" + YJ + "/complaints").then().statusCode(201);

        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", LocalTime.of(16, 10), LocalTime.of(17, 40),
                0, null, today.minusDays(20), today.plusDays(60));
        PaymentsFixtures.arranged(s, "yj-parent", "看板调查孩子");
        String survey = as("yj-school-admin").body(json("{'service': '" + s.id() + "', 'title': '看板满意度', 'questions': ['满意吗', '安全吗']}"))
                .post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/surveys").then().statusCode(201).extract().path("id");
        as("yj-parent").body(json("{'scores': [5, 3]}")).post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers")
                .then().statusCode(201);

        JsonPath after = as("yj-bureau-admin").get(dashboard).then().statusCode(200).extract().jsonPath();
        assertThat(complaints(after)).isEqualTo(before + 1);
        Float percent = after.get("schools.find { it.code == '" + YJ_SCHOOL + "' }.figures.satisfactionPercent");
        assertThat(percent).isNotNull();
        // Every score of the school's surveys sent in the period, 1 → 0 % and 5 → 100 %, straight from the table.
        try (Connection c = Db.superuser(); ResultSet r = c.createStatement().executeQuery("""
                SELECT avg(score) FROM survey s JOIN survey_answer a ON a.tenant_id = s.tenant_id AND a.survey_id = s.id
                CROSS JOIN LATERAL unnest(a.scores) score JOIN school sc ON sc.tenant_id = s.tenant_id AND sc.id = s.school_id
                WHERE sc.code = '%s' AND (s.sent_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '%s' AND '%s'"""
                .formatted(YJ_SCHOOL, today.minusDays(1), today))) {
            r.next();
            assertThat(percent.doubleValue()).isCloseTo((r.getDouble(1) - 1) / 4 * 100, within(0.051));
        }
        // The answer is counted, and the school's own survey view still names nobody (DisclosureTest covers that).
        Integer answers = after.get("schools.find { it.code == '" + YJ_SCHOOL + "' }.figures.surveyAnswers");
        assertThat(answers).isGreaterThanOrEqualTo(1);
    }

    private static long complaints(JsonPath dashboard) {
        Integer n = dashboard.get("schools.find { it.code == '" + YJ_SCHOOL + "' }.figures.complaints");
        return n == null ? 0 : n;
    }
}
