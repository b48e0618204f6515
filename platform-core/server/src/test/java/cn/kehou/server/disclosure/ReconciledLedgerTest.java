package cn.kehou.server.disclosure;

import cn.kehou.server.settlement.MonthScenario;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A term whose month the school has CONFIRMED in its reconciliation with the platform publishes the
 * confirmed totals (source RECONCILED, naming the version); a term without one keeps the ledger.
 */
@QuarkusTest
class ReconciledLedgerTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @Test
    void a_confirmed_reconciliation_is_the_source_of_the_terms_ledger_summary() throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2022, 3), null); // a month no other test settles at this school
        String site = "/api/t/" + YJ + "/schools/" + SCHOOL;
        String term = m.care.term().toString();

        // Before the school confirms: the ledger as it stands.
        Map<String, Object> before = summary(site, term);
        assertThat(before).containsEntry("source", "LEDGER");

        given().auth().oauth2(Tokens.of("yj-finance")).post("/api/t/" + YJ + "/settlements/" + m.period()).then().statusCode(200);
        String recon = site + "/reconciliations/" + m.period();
        JsonPath view = given().auth().oauth2(Tokens.of("yj-finance")).get(recon).then().statusCode(200).extract().jsonPath();
        Map<String, Long> platform = new LinkedHashMap<>();
        List<Map<String, Object>> lines = view.getList("lines");
        lines.forEach(l -> platform.put((String) l.get("code"), ((Number) l.get("platformValue")).longValue()));
        given().auth().oauth2(Tokens.of("yj-finance")).contentType(ContentType.JSON).body(Map.of("figures", platform))
                .put(recon + "/school-figures").then().statusCode(200);
        given().auth().oauth2(Tokens.of("yj-finance")).contentType(ContentType.JSON).body("{}").post(recon + "/confirm")
                .then().statusCode(200);

        Map<String, Object> after = summary(site, term);
        assertThat(after).containsEntry("source", "RECONCILED");
        assertThat(after.get("reconciliations")).isEqualTo(List.of("2022-03 v1"));
        assertThat(((Number) after.get("paidFen")).longValue()).isEqualTo(m.collected());
        assertThat(((Number) after.get("refundedFen")).longValue()).isEqualTo(m.refunded());

        // Published, the summary carries the confirmed figures and their source.
        JsonPath published = given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body("{\"kind\": \"LEDGER_SUMMARY\", \"term\": \"" + term + "\"}").post(site + "/disclosures")
                .then().statusCode(201).extract().jsonPath();
        assertThat(published.getString("content.source")).isEqualTo("RECONCILED");
        assertThat(published.getLong("content.paidFen")).isEqualTo(m.collected());
    }

    private static Map<String, Object> summary(String site, String term) {
        List<Map<String, Object>> all = given().auth().oauth2(Tokens.of("yj-school-admin")).get(site + "/ledger-summary")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(s -> term.equals(s.get("term"))).findFirst().orElseThrow();
    }
}
