package cn.kehou.server.identity;

import cn.kehou.server.testing.DemoUsers;
import cn.kehou.server.testing.KeycloakAdmin;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Tokens the API must refuse: expired, meant for another audience, and from a member of no tenant. */
@QuarkusTest
class TokenRefusalTest {

    static final String TENANT = "/api/t/guangdong-yangjiang-jiangcheng";

    static String tokenVia(String client, String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", password).formParam("scope", "openid")
                .when().post(Tokens.tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    @Test
    void an_expired_token_is_a_401_problem() throws InterruptedException {
        // This test client issues tokens that live 2 s (realm file, clearly marked tests-only).
        String token = tokenVia("kehou-test-short-lived", "yj-parent", DemoUsers.byUsername("yj-parent").password());
        given().auth().oauth2(token).when().get(TENANT).then().statusCode(200);
        Thread.sleep(3_500);
        given().auth().oauth2(token).when().get(TENANT)
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void a_token_for_another_audience_is_a_401_problem() {
        String token = tokenVia("kehou-test-no-audience", "yj-parent", DemoUsers.byUsername("yj-parent").password());
        given().auth().oauth2(token).when().get(TENANT)
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void a_valid_user_who_belongs_to_no_tenant_is_a_403_problem() {
        UserRepresentation u = new UserRepresentation();
        u.setUsername("no-tenant-user");
        u.setEnabled(true);
        u.setFirstName("无归属");
        u.setEmail("no-tenant-user@demo.kehou.local");
        u.setEmailVerified(true);
        CredentialRepresentation c = new CredentialRepresentation();
        c.setType(CredentialRepresentation.PASSWORD);
        c.setValue("No-tenant-1");
        c.setTemporary(false);
        u.setCredentials(List.of(c));
        KeycloakAdmin.realm().users().create(u).close();

        given().auth().oauth2(Tokens.fetch("no-tenant-user", "No-tenant-1")).when().get(TENANT)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }
}
