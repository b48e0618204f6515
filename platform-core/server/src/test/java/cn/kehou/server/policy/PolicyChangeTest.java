package cn.kehou.server.policy;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * 003: service ends no earlier than 30 minutes after the local usual off-work time, a per-city
 * setting. A bureau previews raising Nanchang's from 17:30 to 18:00, sees exactly the schools whose
 * end time becomes too early, and activates it for a future date without changing today's answers.
 */
@QuarkusTest
class PolicyChangeTest {

    static final String BUREAU = "jx-bureau-admin";
    static final String CHANGE_DAY = "2027-03-01";

    static void schedule(String tenant, String school, String start, String end) {
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON)
                .body("{\"kind\": \"BASIC_CARE\", \"start\": \"" + start + "\", \"end\": \"" + end + "\","
                        + " \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"],"
                        + " \"validFrom\": \"2027-02-22\", \"validTo\": \"2027-06-30\"}")
                .when().post("/api/t/" + tenant + "/schools/" + school + "/schedules").then().statusCode(201);
    }

    @Test
    void raising_nanchangs_off_work_time_lists_exactly_the_schools_ending_too_early_and_takes_effect_on_its_date()
            throws SQLException {
        // A second Nanchang school that already ends late enough, and a Ganzhou school (own setting).
        // 003 §三 also asks for 2 hours after dismissal, so each window starts at its school's dismissal.
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON)
                .body("{\"code\": \"nanchang-honggutan-primary\", \"nameZh\": \"南昌市红谷滩小学\", \"nameEn\": \"Honggutan Primary\","
                        + " \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:30\"}")
                .when().post("/api/t/jiangxi-nanchang/schools").then().statusCode(201);
        schedule("jiangxi-nanchang", "nanchang-donghu-no3-primary", "16:20", "18:20");
        schedule("jiangxi-nanchang", "nanchang-honggutan-primary", "16:30", "18:30");
        schedule("jiangxi-ganzhou", "ganzhou-zhanggong-binjiang-junior", "16:50", "18:50");

        String change = "{\"effectiveFrom\": \"" + CHANGE_DAY + "\", \"pluginConfig\": {\"offWorkTime\": \"18:00\"},"
                + " \"note\": \"下班时间调整\"}";
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON).body(change)
                .when().post("/api/t/jiangxi-nanchang/policy/versions/preview")
                .then().statusCode(200)
                .body("schedulesChecked", equalTo(2))
                .body("refused.school", containsInAnyOrder("nanchang-donghu-no3-primary"))
                .body("refused[0].firstRefused", equalTo(CHANGE_DAY))
                .body("refused[0].refusedToday", equalTo(false));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON)
                .body("{\"effectiveFrom\": \"" + today + "\", \"pluginConfig\": {\"offWorkTime\": \"18:00\"}}")
                .when().post("/api/t/jiangxi-nanchang/policy/versions")
                .then().statusCode(400).body("code", equalTo("EFFECTIVE_DATE_NOT_FUTURE"));
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON).body(change)
                .when().post("/api/t/jiangxi-nanchang/policy/versions")
                .then().statusCode(201).body("refused", hasSize(1));

        given().auth().oauth2(Tokens.of(BUREAU)).when().get("/api/t/jiangxi-nanchang/policy?date=" + today)
                .then().statusCode(200).body("config.offWorkTime.value", equalTo("17:30"));
        given().auth().oauth2(Tokens.of(BUREAU)).when().get("/api/t/jiangxi-nanchang/policy?date=" + CHANGE_DAY)
                .then().statusCode(200).body("config.offWorkTime.value", equalTo("18:00"))
                .body("config.offWorkTime.source", equalTo("jiangxi-nanchang"));
        // A term straddling the change is evaluated day by day: refused only from the change on.
        given().auth().oauth2(Tokens.of(BUREAU)).contentType(ContentType.JSON)
                .body("{\"school\": \"nanchang-donghu-no3-primary\", \"kind\": \"BASIC_CARE\", \"start\": \"16:20\","
                        + " \"end\": \"18:20\", \"from\": \"2027-02-22\", \"to\": \"2027-03-05\","
                        + " \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"]}")
                .when().post("/api/t/jiangxi-nanchang/policy/window-check")
                .then().statusCode(200).body("daysChecked", equalTo(10)).body("refusals", hasSize(5))
                .body("refusals.date", everyItem(greaterThanOrEqualTo(CHANGE_DAY)));

        given().auth().oauth2(Tokens.of(BUREAU)).when().get("/api/t/jiangxi-nanchang/policy/versions")
                .then().statusCode(200).body("[1].effectiveFrom", equalTo(CHANGE_DAY)).body("[1].activatedBy", equalTo(BUREAU));
        assertThat(Db.strings("SELECT detail->'after'->'config'->>'offWorkTime' FROM audit_event WHERE action = 'policy.activate' AND subject = 'tenant:jiangxi-nanchang'"))
                .containsExactly("18:00");
    }
}
