package cn.kehou.server.portal;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The portal's login wiring, seen from HTTP (the browser tests walk it for real): which Keycloak
 * client a tenant's pages use, PKCE, the organization scope, cookies kept off the API, public pages
 * open to all, and the API's bearer tokens unchanged.
 */
@QuarkusTest
class PortalLoginTest {

    @Test
    void a_district_page_sends_an_anonymous_visitor_to_its_citys_portal_client_with_pkce() {
        Response r = given().redirects().follow(false).when().get("/t/guangdong-yangjiang-jiangcheng/home");
        assertThat(r.statusCode()).isEqualTo(302);
        URI login = URI.create(r.header("Location"));
        Map<String, String> q = query(login);
        assertThat(login.getPath()).endsWith("/realms/kehou/protocol/openid-connect/auth");
        assertThat(q).containsEntry("client_id", "portal-guangdong-yangjiang")
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge")
                .containsKey("state");
        assertThat(q.get("redirect_uri")).endsWith("/t/guangdong-yangjiang/login");
        assertThat(q.get("scope").split(" ")).contains("openid", "organization:*");
        // The login state lives in a cookie the browser sends only to /t.
        assertThat(r.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("q_auth_portal-guangdong-yangjiang").contains("Path=/t;").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void each_region_logs_in_through_its_own_portal_client() {
        Response r = given().redirects().follow(false).when().get("/t/xinjiang-urumqi-tianshan/children");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(query(URI.create(r.header("Location")))).containsEntry("client_id", "portal-xinjiang-urumqi");
        Response province = given().redirects().follow(false).when().get("/t/jiangxi-nanchang/home");
        assertThat(query(URI.create(province.header("Location")))).containsEntry("client_id", "portal-jiangxi");
    }

    @Test
    void the_login_link_carries_the_portal_language_to_keycloak() {
        Response r = given().redirects().follow(false).when().get("/t/guangdong-yangjiang/login?ui_locales=en");
        assertThat(query(URI.create(r.header("Location")))).containsEntry("ui_locales", "en");
    }

    @Test
    void a_tenants_front_page_is_public_and_a_district_wears_its_citys_branding() {
        given().when().get("/t/guangdong-yangjiang").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Language", "zh-CN")
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("阳江课后服务"))
                .body(containsString("--brand:#0a6e8a"))
                .body(containsString("阳江市江城区第一小学"))
                .body(containsString("/t/guangdong-yangjiang/login?ui_locales=zh-CN"));
        given().when().get("/t/guangdong-yangjiang-jiangcheng").then().statusCode(200)
                .body(containsString("阳江课后服务")).body(containsString("江城区"))
                .body(containsString("--brand:#0a6e8a"))
                .body(containsString("/t/guangdong-yangjiang-jiangcheng/public/logo.svg"));
        given().when().get("/t/xinjiang-urumqi").then().statusCode(200)
                .body(containsString("乌鲁木齐课后服务")).body(containsString("--brand:#00838f"))
                .body(not(containsString("阳江市江城区第一小学")));
    }

    @Test
    void a_tenant_without_a_portal_client_shows_its_page_without_a_login() {
        given().when().get("/t/guangdong").then().statusCode(200)
                .body(containsString("广东课后服务"))
                .body(not(containsString("/login")))
                .body(containsString("本地区的在线服务尚未开通"));
    }

    @Test
    void the_logo_is_the_tenants_own_or_inherited_and_served_as_an_inert_image() {
        given().when().get("/t/guangdong-yangjiang-jiangcheng/public/logo.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("阳江课后服务"));
        given().when().get("/t/xinjiang-urumqi-tianshan/public/logo.svg").then().statusCode(200)
                .body(containsString("乌鲁木齐课后服务"));
    }

    @Test
    void a_problem_on_a_portal_page_is_a_readable_page_in_the_chosen_language() {
        given().when().get("/t/no-such-region").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("地区不存在")).body(containsString("TENANT_UNKNOWN"));
        given().cookie(Language.COOKIE, "en").when().get("/t/no-such-region").then().statusCode(404)
                .body(containsString("<html lang=\"en\">")).body(containsString("No such region"));
        given().when().get("/t/guangdong-yangjiang/public/nothing-here").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("NOT_FOUND_PATH"));
    }

    @Test
    void the_language_switch_remembers_the_choice_and_returns_only_to_a_portal_page() {
        Response r = given().redirects().follow(false)
                .queryParam("to", "en").queryParam("back", "/t/guangdong-yangjiang/home")
                .when().get("/t/guangdong-yangjiang/public/lang");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(URI.create(r.header("Location")).getPath()).isEqualTo("/t/guangdong-yangjiang/home");
        assertThat(r.header("Set-Cookie")).startsWith("kehou_lang=en").contains("Path=/t");
        given().cookie(Language.COOKIE, "en").when().get("/t/guangdong-yangjiang").then()
                .header("Content-Language", "en").body(containsString("Yangjiang After-School Services"));
        Response away = given().redirects().follow(false)
                .queryParam("to", "en").queryParam("back", "https://elsewhere.example/t/x")
                .when().get("/t/guangdong-yangjiang/public/lang");
        assertThat(URI.create(away.header("Location")).getPath()).isEqualTo("/t/guangdong-yangjiang");
        assertThat(URI.create(away.header("Location")).getHost()).isEqualTo("localhost");
    }

    @Test
    void the_api_still_takes_bearer_tokens_and_never_redirects_to_a_login_page() {
        given().auth().oauth2(Tokens.of("yj-parent")).when().get("/api/t/guangdong-yangjiang-jiangcheng/me/children")
                .then().statusCode(200).body("nameZh", org.hamcrest.Matchers.hasItem("陈小明"));
        given().redirects().follow(false).when().get("/api/t/guangdong-yangjiang-jiangcheng/me/children")
                .then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void the_pages_stay_out_of_the_api_description() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/t/{tenant}/me/children"))
                .body(not(containsString("\"/t/{tenant}")));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
