package cn.kehou.server.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the real Keycloak, by a demo user's password (the kehou-cli client). */
public final class Tokens {

    /** A token and when it was fetched: the realm's tokens live 300 s, a long suite outlives them. */
    private record Cached(String token, long fetchedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - fetchedAtNanos < java.util.concurrent.TimeUnit.SECONDS.toNanos(200);
        }
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }

    /** An access token for a demo user, reused while it has well over a minute left to live. */
    public static String of(String username) {
        return CACHE.compute(username, (u, cached) -> cached != null && cached.fresh() ? cached
                : new Cached(fetch(u, DemoUsers.byUsername(u).password()), System.nanoTime())).token();
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
