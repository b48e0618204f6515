package cn.kehou.server.problem;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Bad input never becomes a 500 or a stack trace: a problem+json with a stable code. */
@QuarkusTest
class ProblemDetailsTest {

    static final String SCHOOLS = "/api/t/guangdong-yangjiang-jiangcheng/schools";

    String admin() {
        return Tokens.of("yj-bureau-admin");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"code\": \"x\",")
                .when().post(SCHOOLS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON")).body("detail", not(containsString("Exception")));
    }

    @Test
    void missing_fields_are_listed_in_the_callers_language() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"code\": \"new-school\"}")
                .when().post(SCHOOLS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("Some of the information is not valid"))
                .body("errors.field", hasItem("nameZh"))
                .body("errors.field", hasItem("normalDismissal"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"new-school\"}")
                .when().post(SCHOOLS)
                .then().statusCode(400).body("title", equalTo("提交的信息有误"));
    }

    @Test
    void an_unknown_enum_value_names_the_allowed_ones() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"x1\", \"nameZh\": \"新校\", \"nameEn\": \"New\", \"level\": \"UNIVERSITY\", \"urban\": true,"
                        + " \"boarding\": false, \"normalDismissal\": \"16:30\"}")
                .when().post(SCHOOLS)
                .then().statusCode(400).body("code", equalTo("UNKNOWN_VALUE"))
                .body("errors[0].field", equalTo("level")).body("errors[0].message", containsString("PRIMARY"));
    }

    @Test
    void an_unknown_tenant_code_is_a_404_problem() {
        given().auth().oauth2(admin()).when().get("/api/t/atlantis/schools")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("TENANT_UNKNOWN"));
        given().when().get("/api/public/t/atlantis")
                .then().statusCode(404).body("code", equalTo("TENANT_UNKNOWN"));
    }

    @Test
    void an_oversize_body_is_a_413_problem() {
        String big = "{\"nameZh\": \"" + "长".repeat(200_000) + "\"}";
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(big)
                .when().post(SCHOOLS)
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void a_wrong_media_type_is_a_415_problem() {
        given().auth().oauth2(admin()).contentType(ContentType.XML).body("<school/>")
                .when().post(SCHOOLS)
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void a_valid_school_is_created_audited_and_invisible_to_another_tenant() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"yangjiang-test-primary\", \"nameZh\": \"阳江测试小学\", \"nameEn\": \"Yangjiang Test Primary\","
                        + " \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:40\"}")
                .when().post(SCHOOLS)
                .then().statusCode(201).body("code", equalTo("yangjiang-test-primary"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"code\": \"yangjiang-test-primary\", \"nameZh\": \"重复\", \"nameEn\": \"Dup\","
                        + " \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:40\"}")
                .when().post(SCHOOLS)
                .then().statusCode(409).body("code", equalTo("SCHOOL_CODE_TAKEN"));
        given().auth().oauth2(Tokens.of("urumqi-bureau-admin")).when().get("/api/t/xinjiang-urumqi-tianshan/schools")
                .then().statusCode(200).body("code", not(hasItem("yangjiang-test-primary")));
        given().auth().oauth2(Tokens.of("urumqi-bureau-admin")).contentType(ContentType.JSON)
                .body("{\"code\": \"sneaky\", \"nameZh\": \"越权\", \"nameEn\": \"Sneaky\","
                        + " \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:40\"}")
                .when().post(SCHOOLS)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void a_parent_cannot_add_a_school() {
        given().auth().oauth2(Tokens.of("yj-parent")).contentType(ContentType.JSON)
                .body("{\"code\": \"parent-school\", \"nameZh\": \"家长学校\", \"nameEn\": \"Parent School\","
                        + " \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:40\"}")
                .when().post(SCHOOLS)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
