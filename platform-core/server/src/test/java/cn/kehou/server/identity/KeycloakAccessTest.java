package cn.kehou.server.identity;

import cn.kehou.server.testing.DemoUsers;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Access decided from real tokens of the real Keycloak, with the realm file from the repo. */
@QuarkusTest
class KeycloakAccessTest {

    @Test
    void a_demo_user_gets_a_token_with_their_organization_and_reaches_their_tenant() {
        String token = Tokens.of("yj-parent");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload).contains("\"organization\"").contains("guangdong-yangjiang-jiangcheng").contains("kehou-api");

        given().auth().oauth2(token)
                .when().get("/api/t/guangdong-yangjiang-jiangcheng")
                .then().statusCode(200)
                .body("code", equalTo("guangdong-yangjiang-jiangcheng"))
                .body("myRoles", hasItem("parent"))
                .body("branding.displayName", equalTo("阳江课后服务"));
    }

    @Test
    void a_user_of_one_tenant_is_refused_in_another() {
        given().auth().oauth2(Tokens.of("yj-parent"))
                .when().get("/api/t/xinjiang-urumqi-tianshan")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void a_bureau_admin_of_a_city_acts_in_its_districts_but_a_district_admin_not_in_the_city() {
        given().auth().oauth2(Tokens.of("urumqi-bureau-admin"))
                .when().get("/api/t/xinjiang-urumqi-saybag/schools")
                .then().statusCode(200).body("code", hasItem("urumqi-saybag-no1-primary"));
        given().auth().oauth2(Tokens.of("urumqi-tianshan-bureau"))
                .when().get("/api/t/xinjiang-urumqi/schools")
                .then().statusCode(403);
    }

    @Test
    void no_token_or_a_forged_token_gets_a_401_problem() {
        given().when().get("/api/t/guangdong-yangjiang-jiangcheng")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        String real = Tokens.of("yj-parent");
        String[] parts = real.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged)
                .when().get("/api/t/guangdong-yangjiang-jiangcheng")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void a_wrong_password_gets_no_token() {
        given().formParam("grant_type", "password").formParam("client_id", "kehou-cli")
                .formParam("username", "yj-parent").formParam("password", DemoUsers.byUsername("yj-parent").password() + "x")
                .when().post(Tokens.tokenEndpoint())
                .then().statusCode(401);
    }
}
