package cn.kehou.server.catalog;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A school's schedule is checked by the tenant's plugin when saved and refused with its code and citation. */
@QuarkusTest
class ScheduleTest {

    static ValidatableResponse save(String user, String tenant, String school, String start, String end, String from, String to) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"kind\": \"BASIC_CARE\", \"start\": \"" + start + "\", \"end\": \"" + end + "\","
                        + " \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"],"
                        + " \"validFrom\": \"" + from + "\", \"validTo\": \"" + to + "\"}")
                .when().post("/api/t/" + tenant + "/schools/" + school + "/schedules").then();
    }

    @Test
    void a_yangjiang_schedule_from_june_ending_1745_is_refused_with_the_plugins_citation_and_1800_is_accepted() {
        save("yj-school-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "16:10", "17:45",
                "2027-06-01", "2027-07-09")
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("WINDOW_ENDS_TOO_EARLY"))
                .body("citation", containsString("000"))
                .body("detail", containsString("2027-06-01"));
        save("yj-school-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "16:10", "18:00",
                "2027-06-01", "2027-07-09").statusCode(201);
        given().auth().oauth2(Tokens.of("yj-class-teacher"))
                .when().get("/api/t/guangdong-yangjiang-jiangcheng/schools/yangjiang-jiangcheng-no1-primary/schedules")
                .then().statusCode(200).body("end", hasItem("18:00:00"));
    }

    @Test
    void an_urumqi_schedule_of_two_and_a_half_hours_a_day_is_refused() {
        save("urumqi-school-admin", "xinjiang-urumqi-tianshan", "urumqi-tianshan-no1-primary", "18:30", "21:00",
                "2027-03-01", "2027-06-30")
                .statusCode(422).body("citation", containsString("004"));
    }

    @Test
    void a_teacher_cannot_set_a_schedule_and_a_school_admin_not_at_another_school() {
        save("yj-class-teacher", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "16:10", "18:00",
                "2027-06-01", "2027-06-30").statusCode(403);
        save("yj-school-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no2-junior", "16:40", "18:40",
                "2027-06-01", "2027-06-30").statusCode(403);
    }
}
