package cn.kehou.server.identity;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.KeycloakAdmin;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Onboarding against the real Keycloak: organization, first admin, portal client, roles. */
@QuarkusTest
class OnboardingTest {

    static Response onboard(String token, String parent, String code, String kind, String admin) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"code\": \"" + code + "\", \"nameZh\": \"测试" + code + "\", \"nameEn\": \"Test " + code + "\","
                        + " \"kind\": \"" + kind + "\", \"branding\": {\"displayName\": \"" + code + " 课后服务\"},"
                        + " \"admin\": {\"username\": \"" + admin + "\", \"displayName\": \"管理员\", \"phone\": \"13700000001\"}}")
                .when().post("/api/t/" + parent + "/tenants");
    }

    @Test
    void a_province_bureau_onboards_a_city_whose_admin_sees_only_the_city_until_suspended() {
        Response province = onboard(Tokens.of("kehou-admin"), "platform", "hubei", "PROVINCE", "hubei-admin");
        province.then().statusCode(201).body("status", equalTo("ACTIVE"));
        String hubeiAdmin = Tokens.fetch("hubei-admin", province.path("adminInitialPassword"));

        Response city = onboard(hubeiAdmin, "hubei", "hubei-wuhan", "CITY", "wuhan-admin");
        city.then().statusCode(201);
        String wuhanAdmin = Tokens.fetch("wuhan-admin", city.path("adminInitialPassword"));
        assertThat(KeycloakAdmin.realm().clients().findByClientId("portal-hubei-wuhan")).hasSize(1);
        assertThat(KeycloakAdmin.realm().organizations().getAll()).extracting(o -> o.getAlias()).contains("hubei", "hubei-wuhan");

        given().auth().oauth2(wuhanAdmin).when().get("/api/t/hubei-wuhan")
                .then().statusCode(200).body("myRoles", hasItem("bureau-admin"));
        given().auth().oauth2(wuhanAdmin).when().get("/api/t/hubei").then().statusCode(403);
        given().auth().oauth2(wuhanAdmin).when().get("/api/t/guangdong-yangjiang").then().statusCode(403);
        // The province reaches its new city.
        given().auth().oauth2(hubeiAdmin).when().get("/api/t/hubei-wuhan").then().statusCode(200);

        given().auth().oauth2(hubeiAdmin).contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\"}")
                .when().post("/api/t/hubei/tenants/hubei-wuhan/status").then().statusCode(200);
        given().auth().oauth2(wuhanAdmin).when().get("/api/t/hubei-wuhan")
                .then().statusCode(403).body("code", equalTo("TENANT_NOT_ACTIVE"));

        given().auth().oauth2(hubeiAdmin).contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\"}")
                .when().post("/api/t/hubei/tenants/hubei-wuhan/status").then().statusCode(200);
        given().auth().oauth2(wuhanAdmin).when().get("/api/t/hubei-wuhan").then().statusCode(200);
        // A city cannot suspend its province, nor a bureau a tenant outside its tree.
        given().auth().oauth2(wuhanAdmin).contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\"}")
                .when().post("/api/t/hubei-wuhan/tenants/hubei/status").then().statusCode(403);
    }

    @Test
    void a_failed_keycloak_step_leaves_no_half_created_tenant() throws SQLException {
        // Arrange a clash at the last Keycloak step: the portal client already exists.
        ClientRepresentation clash = new ClientRepresentation();
        clash.setClientId("portal-hainan");
        KeycloakAdmin.realm().clients().create(clash).close();
        try {
            onboard(Tokens.of("kehou-admin"), "platform", "hainan", "PROVINCE", "hainan-admin")
                    .then().statusCode(502).contentType("application/problem+json")
                    .body("code", equalTo("ONBOARDING_FAILED"));

            assertThat(Db.strings("SELECT code FROM tenant WHERE code = 'hainan'")).isEmpty();
            assertThat(Db.strings("SELECT count(*) FROM tenant_closure cl JOIN tenant t ON t.id = cl.descendant_id"
                    + " WHERE t.code = 'hainan'")).containsExactly("0");
            assertThat(KeycloakAdmin.realm().users().searchByUsername("hainan-admin", true)).isEmpty();
            assertThat(KeycloakAdmin.realm().organizations().getAll()).extracting(o -> o.getAlias()).doesNotContain("hainan");
        } finally {
            KeycloakAdmin.realm().clients().findByClientId("portal-hainan")
                    .forEach(c -> KeycloakAdmin.realm().clients().get(c.getId()).remove());
        }
    }

    @Test
    void onboarding_under_a_tenant_of_the_wrong_level_or_by_a_non_bureau_is_refused() {
        onboard(Tokens.of("urumqi-bureau-admin"), "xinjiang-urumqi", "xinjiang-urumqi-bad", "PROVINCE", "bad-admin")
                .then().statusCode(400).body("code", equalTo("TENANT_KIND_INVALID"));
        onboard(Tokens.of("urumqi-school-admin"), "xinjiang-urumqi-tianshan", "xinjiang-urumqi-x", "DISTRICT", "x-admin")
                .then().statusCode(403);
    }
}
