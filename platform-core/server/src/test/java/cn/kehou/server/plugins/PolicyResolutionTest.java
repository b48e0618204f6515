package cn.kehou.server.plugins;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Which rule applies, and from where: a district inherits its city's plugin and overrides config
 * only; the plugins' seed rules hold through the API with the seed's own numbers and dates.
 */
@QuarkusTest
class PolicyResolutionTest {

    static final String TIANSHAN = "xinjiang-urumqi-tianshan";

    @AfterEach
    void restore() throws SQLException {
        setConfig(TIANSHAN, "{}");
    }

    static ValidatableResponse windowCheck(String user, String tenant, String school, String kind, String start, String end,
                                           String from, String to) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"school\": \"" + school + "\", \"kind\": \"" + kind + "\", \"start\": \"" + start + "\", \"end\": \""
                        + end + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}")
                .when().post("/api/t/" + tenant + "/policy/window-check").then();
    }

    @Test
    void a_district_gets_its_citys_plugin_with_its_own_config_values() throws SQLException {
        given().auth().oauth2(Tokens.of("urumqi-tianshan-bureau")).when().get("/api/t/" + TIANSHAN + "/policy")
                .then().statusCode(200)
                .body("pluginId", equalTo("xinjiang-urumqi")).body("inheritedFrom", equalTo("xinjiang-urumqi"))
                .body("config.'window.maxMinutes'.value", equalTo("120"))
                .body("config.'window.maxMinutes'.source", equalTo("default"))
                .body("extensionPoints", hasItem("ServiceWindowPolicy"));

        setConfig(TIANSHAN, "{\"window.maxMinutes\": \"90\"}");

        given().auth().oauth2(Tokens.of("urumqi-tianshan-bureau")).when().get("/api/t/" + TIANSHAN + "/policy")
                .then().statusCode(200)
                .body("pluginId", equalTo("xinjiang-urumqi")).body("inheritedFrom", equalTo("xinjiang-urumqi"))
                .body("config.'window.maxMinutes'.value", equalTo("90"))
                .body("config.'window.maxMinutes'.source", equalTo(TIANSHAN))
                .body("config.'fee.capPerDailyHourPerTerm'.value", equalTo("200.00"));
        // Urumqi schools dismiss at 18:30 (Beijing time). 105 minutes: over the district's own 90,
        // within the city's 120 for its sibling district.
        windowCheck("urumqi-tianshan-bureau", TIANSHAN, "urumqi-tianshan-no1-primary", "BASIC_CARE", "18:30", "20:15",
                "2026-11-02", "2026-11-06").statusCode(200).body("allowed", equalTo(false));
        windowCheck("urumqi-bureau-admin", "xinjiang-urumqi-saybag", "urumqi-saybag-no1-primary", "BASIC_CARE", "18:30", "20:15",
                "2026-11-02", "2026-11-06").statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void an_invalid_config_value_makes_the_tenant_not_ready_naming_the_field() throws SQLException {
        setConfig(TIANSHAN, "{\"window.maxMinutes\": \"two hours\"}");
        given().auth().oauth2(Tokens.of("urumqi-tianshan-bureau")).header("Accept-Language", "en")
                .when().get("/api/t/" + TIANSHAN + "/policy")
                .then().statusCode(503).body("code", equalTo("TENANT_NOT_READY")).body("detail", containsString("window.maxMinutes"));
    }

    @Test
    void yangjiang_after_school_ending_1745_is_refused_in_june_and_accepted_in_november() {
        // 000 §: 1 May–31 Oct service ends no earlier than 18:00, otherwise no earlier than 17:30.
        windowCheck("yj-bureau-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "BASIC_CARE",
                "16:30", "17:45", "2026-06-01", "2026-06-05")
                .statusCode(200).body("allowed", equalTo(false)).body("daysChecked", equalTo(5))
                .body("refusals[0].reasons[0].citation", containsString("000"));
        windowCheck("yj-bureau-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "BASIC_CARE",
                "16:30", "17:45", "2026-11-02", "2026-11-06")
                .statusCode(200).body("allowed", equalTo(true));
        windowCheck("yj-bureau-admin", "guangdong-yangjiang-jiangcheng", "yangjiang-jiangcheng-no1-primary", "BASIC_CARE",
                "16:30", "18:00", "2026-06-01", "2026-06-05")
                .statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void urumqi_refuses_a_two_and_a_half_hour_day_and_a_saturday() {
        // 004: at most 2 hours a day, Monday to Friday.
        windowCheck("urumqi-tianshan-bureau", TIANSHAN, "urumqi-tianshan-no1-primary", "BASIC_CARE", "18:30", "21:00",
                "2026-11-02", "2026-11-02").statusCode(200).body("allowed", equalTo(false))
                .body("refusals[0].reasons.citation", hasItem(containsString("004")));
        windowCheck("urumqi-tianshan-bureau", TIANSHAN, "urumqi-tianshan-no1-primary", "BASIC_CARE", "18:30", "20:30",
                "2026-11-02", "2026-11-06").statusCode(200).body("allowed", equalTo(true));
        given().auth().oauth2(Tokens.of("urumqi-tianshan-bureau")).contentType(ContentType.JSON)
                .body("{\"school\": \"urumqi-tianshan-no1-primary\", \"kind\": \"BASIC_CARE\", \"start\": \"18:30\","
                        + " \"end\": \"20:00\", \"from\": \"2026-11-07\", \"to\": \"2026-11-07\", \"days\": [\"SATURDAY\"]}")
                .when().post("/api/t/" + TIANSHAN + "/policy/window-check")
                .then().statusCode(200).body("allowed", equalTo(false)).body("daysChecked", equalTo(1));
    }

    static void setConfig(String tenant, String json) throws SQLException {
        try (Connection c = Db.superuser();
             PreparedStatement s = c.prepareStatement("UPDATE tenant SET plugin_config = CAST(? AS jsonb) WHERE code = ?")) {
            s.setString(1, json);
            s.setString(2, tenant);
            s.executeUpdate();
        }
    }
}
