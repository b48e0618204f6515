package cn.kehou.server.stipends;

import cn.kehou.server.testing.PortalBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.stipends.StipendFixtures.YJ;
import static cn.kehou.server.stipends.StipendFixtures.YJ_SCHOOL;
import static cn.kehou.server.stipends.StipendFixtures.YJ_SCHOOL_NAME;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone, signed in through Keycloak: the finance office computes and publishes June
 * 2025 on the school's stipend page (001 §五(二)4: 在校内公示), and the service teacher finds their
 * periods and the certificate link (003 §八) from their home page.
 */
@QuarkusTest
class StipendPagesPhoneTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void finance_publishes_a_month_on_the_page_and_the_teacher_reads_their_periods_on_a_phone() throws Exception {
        StipendFixtures.Service s = StipendFixtures.service(YJ, YJ_SCHOOL, 40, "16:10", "16:50",
                LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 6));
        UUID teacher = StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·手机冯老师");
        String api = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/stipends";
        given().auth().oauth2(cn.kehou.server.testing.Tokens.of("yj-finance")).contentType(ContentType.JSON)
                .body(Map.of("username", "yj-service-teacher", "bankName", "测试银行", "cardLast4", "5678"))
                .put(api + "/payees/" + teacher).then().statusCode(200);

        try (PortalBrowser finance = PortalBrowser.open(base)) {
            finance.phone().login("guangdong-yangjiang", "yj-finance");
            finance.page().click("[data-waiting=STIPENDS] a");
            finance.go("/t/" + YJ + "/schools/" + YJ_SCHOOL + "/stipends?period=2025-06");
            finance.page().fill("#stipend-rate", "50");
            finance.page().fill("#labour-rate", "80");
            finance.page().click("#rate-form button");
            finance.page().click("#compute");
            assertThat(finance.page().getAttribute("#lines li[data-staff='" + teacher + "']", "data-periods")).isEqualTo("5");
            assertThat(finance.page().textContent("#lines li[data-staff='" + teacher + "']")).contains("测试银行 **** 5678");
            finance.page().click("#publish");
            assertThat(finance.page().getAttribute("#run-status", "data-status")).isEqualTo("PUBLISHED");
            assertThat(finance.scrollWidth()).as("fits a 375 px phone").isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            finance.screenshot("stipends-school-published");
            // The bank has paid: finance records it once; the page shows it paid and offers it no more.
            finance.page().click("#pay");
            assertThat(finance.page().textContent("#paid")).contains("已发放");
            assertThat(finance.page().querySelector("#pay")).isNull();
        }

        try (PortalBrowser phone = PortalBrowser.open(base)) {
            phone.phone().login("guangdong-yangjiang", "yj-service-teacher");
            phone.page().click("[data-waiting=STIPENDS] a");
            assertThat(phone.path()).isEqualTo("/t/" + YJ + "/me/stipends");
            assertThat(phone.page().textContent("#hours")).contains(YJ_SCHOOL_NAME + " · " + s.termName() + "：服务 5 次，共 5 课时");
            assertThat(phone.page().getAttribute("#certificate", "href")).endsWith("/me/stipends/certificate.pdf");
            assertThat(phone.scrollWidth()).as("fits a 375 px phone").isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            phone.screenshot("stipends-teacher-phone");
        }
    }
}
