package cn.kehou.server.identity;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** A parent registers, asks to be linked to a child, and sees the child only once the school confirms. */
@QuarkusTest
class ParentAndGuardianTest {

    static final String TENANT = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @Test
    void a_registered_parent_sees_a_child_only_after_the_school_confirms_and_then_records_consent() throws SQLException {
        given().contentType(ContentType.JSON)
                .body("{\"phone\": \"13912345678\", \"password\": \"Parent-pass-1\", \"displayName\": \"陈爸爸\"}")
                .when().post("/api/public/t/" + TENANT + "/parents")
                .then().statusCode(201);
        String parent = Tokens.fetch("13912345678", "Parent-pass-1");
        given().auth().oauth2(parent).when().get("/api/t/" + TENANT + "/me/children").then().statusCode(200).body("$", empty());

        String requestId = given().auth().oauth2(parent).contentType(ContentType.JSON)
                .body("{\"school\": \"" + SCHOOL + "\", \"childName\": \"陈小明\", \"grade\": 2, \"className\": \"二(1)班\","
                        + " \"relation\": \"FATHER\"}")
                .when().post("/api/t/" + TENANT + "/me/guardianships")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(parent).when().get("/api/t/" + TENANT + "/me/children").then().body("$", empty());

        // The parent cannot confirm it; another school's teacher cannot either; the class teacher can.
        given().auth().oauth2(parent).when().post("/api/t/" + TENANT + "/schools/" + SCHOOL + "/guardianships/" + requestId + "/confirm")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("urumqi-class-teacher"))
                .when().post("/api/t/" + TENANT + "/schools/" + SCHOOL + "/guardianships/" + requestId + "/confirm")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("yj-class-teacher")).when().get("/api/t/" + TENANT + "/schools/" + SCHOOL + "/guardianships")
                .then().statusCode(200).body("id", hasItem(requestId));
        given().auth().oauth2(Tokens.of("yj-class-teacher"))
                .when().post("/api/t/" + TENANT + "/schools/" + SCHOOL + "/guardianships/" + requestId + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));

        String childId = given().auth().oauth2(parent).when().get("/api/t/" + TENANT + "/me/children")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].nameZh", equalTo("陈小明"))
                .body("[0].myConsentGiven", equalTo(false)).extract().path("[0].id");

        String sha = given().auth().oauth2(parent).when().get("/api/t/" + TENANT + "/me/consent-text")
                .then().statusCode(200).extract().path("sha256");
        given().auth().oauth2(parent).contentType(ContentType.JSON)
                .body("{\"textVersion\": \"pipl-consent-v1\", \"textSha256\": \"0000\"}")
                .when().post("/api/t/" + TENANT + "/me/children/" + childId + "/consent")
                .then().statusCode(409).body("code", equalTo("CONSENT_TEXT_CHANGED"));
        given().auth().oauth2(parent).contentType(ContentType.JSON)
                .body("{\"textVersion\": \"pipl-consent-v1\", \"textSha256\": \"" + sha + "\"}")
                .when().post("/api/t/" + TENANT + "/me/children/" + childId + "/consent")
                .then().statusCode(201);
        given().auth().oauth2(parent).when().get("/api/t/" + TENANT + "/me/children").then().body("[0].myConsentGiven", equalTo(true)).body("[0].consentOnFile", equalTo(true));
        assertThat(Db.strings("SELECT username FROM pipl_consent WHERE child_id = '" + childId + "'")).contains("13912345678");
    }

    @Test
    void a_parent_sees_only_their_own_children_and_none_of_another_tenant() {
        given().auth().oauth2(Tokens.of("yj-parent")).when().get("/api/t/" + TENANT + "/me/children")
                .then().statusCode(200).body("nameZh", hasItem("陈小明")).body("nameZh", not(hasItem("韩小乐")));
        given().auth().oauth2(Tokens.of("urumqi-parent")).when().get("/api/t/xinjiang-urumqi-tianshan/me/children")
                .then().statusCode(200).body("nameZh", hasItem("韩小乐")).body("nameZh", not(hasItem("陈小明")));
        given().auth().oauth2(Tokens.of("urumqi-parent")).when().get("/api/t/" + TENANT + "/me/children").then().statusCode(403);
    }

    @Test
    void registration_refuses_a_bad_phone_a_weak_password_and_a_taken_number() {
        given().contentType(ContentType.JSON).body("{\"phone\": \"12345\", \"password\": \"Parent-pass-1\", \"displayName\": \"X\"}")
                .when().post("/api/public/t/" + TENANT + "/parents")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("phone"));
        given().contentType(ContentType.JSON).body("{\"phone\": \"13912340000\", \"password\": \"abcdefgh\", \"displayName\": \"X\"}")
                .when().post("/api/public/t/" + TENANT + "/parents")
                .then().statusCode(400).body("code", equalTo("PASSWORD_TOO_WEAK"));
        given().contentType(ContentType.JSON).body("{\"phone\": \"13912340001\", \"password\": \"Parent-pass-1\", \"displayName\": \"X\"}")
                .when().post("/api/public/t/" + TENANT + "/parents").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"phone\": \"13912340001\", \"password\": \"Parent-pass-1\", \"displayName\": \"X\"}")
                .when().post("/api/public/t/" + TENANT + "/parents").then().statusCode(409).body("code", equalTo("PHONE_TAKEN"));
    }
}
