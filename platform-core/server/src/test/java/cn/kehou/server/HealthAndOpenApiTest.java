package cn.kehou.server;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void readiness_checks_the_database_and_keycloak() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "OIDC Provider Health Check"));
    }

    @Test
    void the_openapi_document_lists_the_tenant_api() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("/api/t/{tenant}/schools"));
    }

    @Test
    void the_public_directory_lists_the_regions_without_login() {
        given().when().get("/api/public/tenants")
                .then().statusCode(200).body("code", hasItems("guangdong-yangjiang", "xinjiang-urumqi", "jiangxi"));
        given().when().get("/api/public/t/xinjiang-urumqi")
                .then().statusCode(200).body("schools.code", hasItems("urumqi-tianshan-no1-primary", "urumqi-saybag-no1-primary"));
    }
}
