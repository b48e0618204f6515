package cn.kehou.server.plugins;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.KehouTestEnvironment;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * PF4J loads the built plugin jars from a directory; a tenant bound to a plugin that is missing or
 * needs another plugin API is not ready and refuses its requests, while other tenants keep working.
 */
@QuarkusTest
class FailClosedPluginTest {

    static final String DISTRICT = "xinjiang-urumqi-saybag";

    @AfterEach
    void unbind() throws SQLException {
        bind(DISTRICT, null);
    }

    @Test
    void the_built_plugins_run_and_serve_their_tenants() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Regional plugins' }.data.'xinjiang-urumqi'", startsWith("ready: xinjiang-urumqi"))
                .body("checks.find { it.name == 'Regional plugins' }.data.'guangdong-yangjiang-jiangcheng'", startsWith("ready: guangdong-yangjiang"));
        given().auth().oauth2(Tokens.of("urumqi-teacher-parent")).when().get("/api/t/" + DISTRICT)
                .then().statusCode(200);
    }

    @Test
    void a_tenant_bound_to_a_missing_plugin_is_not_ready_and_refuses_requests() throws SQLException {
        bind(DISTRICT, "missing-region");

        given().auth().oauth2(Tokens.of("urumqi-teacher-parent")).when().get("/api/t/" + DISTRICT)
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("TENANT_NOT_READY")).body("detail", containsString("missing-region"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Regional plugins' }.data.'" + DISTRICT + "'", startsWith("NOT READY"));
        // Its sibling district under the same city keeps working.
        given().auth().oauth2(Tokens.of("urumqi-teacher-parent")).when().get("/api/t/xinjiang-urumqi-tianshan")
                .then().statusCode(200);
    }

    @Test
    void a_tenant_bound_to_a_plugin_built_for_another_api_version_is_not_ready() throws SQLException {
        bind(DISTRICT, KehouTestEnvironment.INCOMPATIBLE_PLUGIN);

        given().auth().oauth2(Tokens.of("urumqi-teacher-parent")).header("Accept-Language", "en")
                .when().get("/api/t/" + DISTRICT)
                .then().statusCode(503).body("code", equalTo("TENANT_NOT_READY"))
                .body("detail", containsString("requires plugin API >=2.0.0"));
        given().auth().oauth2(Tokens.of("yj-parent")).when().get("/api/t/guangdong-yangjiang-jiangcheng")
                .then().statusCode(200);
    }

    static void bind(String tenant, String pluginId) throws SQLException {
        try (Connection c = Db.superuser();
             PreparedStatement s = c.prepareStatement("UPDATE tenant SET plugin_id = ? WHERE code = ?")) {
            s.setString(1, pluginId);
            s.setString(2, tenant);
            s.executeUpdate();
        }
    }
}
