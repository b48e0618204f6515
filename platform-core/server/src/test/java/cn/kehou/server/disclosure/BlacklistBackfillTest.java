package cn.kehou.server.disclosure;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Providers blacklisted before disclosure existed are published once, with their recorded reason and date. */
@QuarkusTest
class BlacklistBackfillTest {

    @Inject
    BlacklistBackfill backfill;

    @Test
    void a_provider_blacklisted_before_disclosure_is_published_once_with_its_recorded_reason_and_date() throws SQLException {
        String code = DisclosureTest.provider("早年黑名单机构");
        LocalDate since = today().withDayOfMonth(1);
        DisclosureTest.status(code, "BLACKLISTED", "早年违规收费", since);
        // As before disclosure existed: the blacklisting was never published.
        try (var c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "DELETE FROM disclosure_publication WHERE kind = 'BLACKLIST' AND subject = ?", "provider:" + code);
        }
        String url = "/api/public/t/" + DisclosureTest.YJ + "/disclosure/blacklist?year=" + since.getYear();
        assertThat(given().get(url).then().statusCode(200).extract().jsonPath().getList("entries.content.provider")).doesNotContain(code);

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        JsonPath list = given().get(url).then().statusCode(200).extract().jsonPath();
        Map<String, Object> entry = list.<Map<String, Object>>getList("entries.content").stream()
                .filter(e -> code.equals(e.get("provider"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("reason", "早年违规收费").containsEntry("since", since.toString())
                .containsEntry("bureau", DisclosureTest.YJ_CITY);
        // Once: a second run publishes nothing more for it.
        backfill.run();
        assertThat(longOf("SELECT count(*) FROM disclosure_publication WHERE kind = 'BLACKLIST' AND subject = 'provider:" + code + "'"))
                .isEqualTo(1);
    }
}
