package cn.kehou.server.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the real Keycloak, by a demo user's password (the kehou-cli client). */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }

    /** An access token for a demo user (cached per test JVM: tokens live 5 minutes). */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, u -> fetch(u, DemoUsers.byUsername(u).password()));
    }

    public static String fetch(String username, String password) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "kehou-cli")
                .formParam("username", username)
                .formParam("password", password)
                // organization:* — a user in two tenants otherwise gets no organization claim.
                .formParam("scope", "openid organization:*")
                .post(tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
