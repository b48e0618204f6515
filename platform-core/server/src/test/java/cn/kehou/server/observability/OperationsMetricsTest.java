package cn.kehou.server.observability;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator scrapes at /q/metrics: requests and problems labelled with the admitted tenant,
 * and no series for a tenant code nobody was admitted to.
 */
@QuarkusTest
class OperationsMetricsTest {

    static final String YANGJIANG = "guangdong-yangjiang-jiangcheng";

    @Test
    void requests_and_problems_are_counted_per_admitted_tenant() {
        double before = value(scrape(), "kehou_http_requests_seconds_count", YANGJIANG, "GET", "2xx");
        given().auth().oauth2(Tokens.of("yj-school-admin")).get("/api/t/" + YANGJIANG + "/schools").then().statusCode(200);
        given().auth().oauth2(Tokens.of("yj-school-admin")).get("/api/t/" + YANGJIANG + "/schools").then().statusCode(200);
        String after = scrape();
        assertThat(value(after, "kehou_http_requests_seconds_count", YANGJIANG, "GET", "2xx")).isEqualTo(before + 2);

        // A refusal inside the tenant is counted under its stable code.
        given().auth().oauth2(Tokens.of("yj-school-admin")).get("/api/t/" + YANGJIANG + "/schools/no-such-school/services")
                .then().statusCode(404);
        assertThat(scrape()).containsPattern("kehou_problems_total\\{[^}]*code=\"[A-Z_]+\"[^}]*tenant=\"" + YANGJIANG + "\"");

        // A made-up tenant in a URL is refused before admission and creates no series of its own.
        given().auth().oauth2(Tokens.of("yj-school-admin")).get("/api/t/made-up-tenant-x/schools").then().statusCode(404);
        assertThat(scrape()).doesNotContain("made-up-tenant-x");
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample of {@code name} with these labels (labels are sorted by name in the exposition). */
    private static double value(String text, String name, String tenant, String method, String outcome) {
        Pattern p = Pattern.compile("^" + name + "\\{method=\"" + method + "\",outcome=\"" + outcome + "\",tenant=\""
                + Pattern.quote(tenant) + "\"} ([0-9.E+-]+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
