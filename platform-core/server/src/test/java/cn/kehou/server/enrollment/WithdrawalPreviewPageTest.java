package cn.kehou.server.enrollment;

import cn.kehou.server.payments.LocalGatewaySimulator;
import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.portal.PortalFormat;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.PortalBrowser;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.Callable;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static cn.kehou.server.payments.PaymentsFixtures.weekdays;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Withdrawing is always possible; before confirming, the family sees what it would get back, by
 * the region's own refund rule — and the refund that follows is exactly that amount.
 */
@QuarkusTest
class WithdrawalPreviewPageTest {

    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";
    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @TestHTTPResource("/")
    URI base;
    @Inject
    LocalGatewaySimulator simulator;

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    @Test
    void a_paying_family_sees_the_refund_before_withdrawing_and_then_gets_exactly_that() throws Exception {
        PaymentsFixtures.merchant(UQ, "uq-tianshan-sim", "test-merchant-a");
        LocalDate from = today().minusDays(41);
        LocalDate to = today().plusDays(70);
        PaymentsFixtures.Service s = PaymentsFixtures.service(UQ, UQ_SCHOOL, "BASIC_CARE", LocalTime.of(18, 30),
                LocalTime.of(19, 30), 20000, today().minusMonths(1), from, to);
        UUID app = PaymentsFixtures.arranged(s, "urumqi-parent", "退出预览" + UUID.randomUUID().toString().substring(0, 4));
        String school = Tokens.of("urumqi-finance");
        PaymentsFixtures.publishAll(school, s, 20000);
        PaymentsFixtures.charge(school, s).then().statusCode(200);
        String order = Db.strings("SELECT order_id FROM order_line WHERE application_id = '" + app + "'").get(0);
        String trade = given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/orders/" + order + "/payments")
                .then().statusCode(201).extract().path("transactionId");
        simulator.payerPays(trade);
        await("the payment is applied", () -> Db.strings("SELECT status FROM payment WHERE order_id = '" + order + "'")
                .contains("SUCCEEDED"));

        // Urumqi (004 §五(一)): the sessions not delivered come back; a session on the day of withdrawal is not counted.
        int sessions = weekdays(from, to).size();
        int delivered = weekdays(from, today().minusDays(1)).size();
        long expected = 20000 - 20000L * delivered / sessions;

        // The API's preview writes nothing and says the same.
        given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/applications/" + app + "/withdrawal")
                .then().statusCode(200).body("billed", equalTo(true)).body("quote.paidFen", equalTo(20000))
                .body("quote.refundFen", equalTo((int) expected)).body("quote.sessionsDelivered", equalTo(delivered))
                .body("quote.sessionsTotal", equalTo(sessions));
        assertThat(longOf("SELECT count(*) FROM order_adjustment WHERE line_id IN (SELECT id FROM order_line WHERE application_id = '"
                + app + "')")).isZero();
        // Another region's parent gets nothing of it.
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + UQ + "/me/applications/" + app + "/withdrawal")
                .then().statusCode(403);

        try (PortalBrowser parent = PortalBrowser.open(base)) {
            parent.login("xinjiang-urumqi", "urumqi-parent").phone();
            parent.go("/t/" + UQ + "/enrollment/applications/" + app);
            parent.page().click("#withdraw");
            assertThat(parent.path()).isEqualTo("/t/" + UQ + "/enrollment/applications/" + app + "/withdraw");
            assertThat(parent.page().textContent("#paid")).isEqualTo("¥200.00");
            assertThat(parent.page().textContent("#refund")).isEqualTo(PortalFormat.yuan(expected));
            assertThat(parent.text()).contains("退费预览", "截至今天已服务 " + delivered + " 次，共 " + sessions + " 次", "可随时退出");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            parent.screenshot("enrollment-withdraw-preview-phone");
            parent.page().click("#confirm-withdraw");
            parent.page().waitForURL("**?done=withdrawn");
            assertThat(parent.page().getAttribute("section.status", "data-status")).isEqualTo("WITHDRAWN");
            assertThat(parent.page().locator("#withdraw").count()).isZero();
        }
        assertThat(Db.strings("SELECT status FROM enrollment_application WHERE id = '" + app + "'")).containsExactly("WITHDRAWN");
        assertThat(longOf("SELECT refund_fen FROM order_adjustment WHERE line_id IN (SELECT id FROM order_line WHERE application_id = '"
                + app + "') AND cause = 'WITHDRAWAL'")).isEqualTo(expected);
        await("the refund is paid", () -> Db.strings("SELECT status || ':' || amount_fen FROM payment_refund WHERE order_id = '"
                + order + "'").contains("SUCCEEDED:" + expected));
    }

    @Test
    void withdrawing_before_anything_was_charged_says_so_and_writes_only_the_withdrawal() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        UUID child = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "未缴退出" + UUID.randomUUID().toString().substring(0, 4), 2, "yj-parent");
        String id = given().auth().oauth2(Tokens.of("yj-parent")).contentType("application/json")
                .header("Idempotency-Key", "preview-" + child)
                .body("{\"child\": \"" + child + "\", \"service\": \"" + service.id() + "\"}")
                .post("/api/t/" + YJ + "/me/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/applications/" + id + "/withdrawal")
                .then().statusCode(200).body("billed", equalTo(false)).body("quote", nullValue());
        try (PortalBrowser parent = PortalBrowser.withoutJavaScript(base)) {
            parent.login("guangdong-yangjiang", "yj-parent");
            parent.go("/t/" + YJ + "/enrollment/applications/" + id + "/withdraw");
            assertThat(parent.page().textContent("#nothing-billed")).contains("尚未收费");
            parent.page().click("#confirm-withdraw");
            parent.page().waitForURL("**?done=withdrawn");
            assertThat(parent.text()).contains("已退出", "不影响孩子的任何权益");
            // A resent form (the back button) is refused on the page itself, readably, and changes nothing.
            com.microsoft.playwright.APIResponse again = parent.page().request()
                    .post(parent.url("/t/" + YJ + "/enrollment/applications/" + id + "/withdraw"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text()).contains("该申请已结束", "data-problem=\"APPLICATION_ENDED\"", "已退出");
        }
        assertThat(Db.strings("SELECT status || '/' || holds_seat FROM enrollment_application WHERE id = '" + id + "'"))
                .containsExactly("WITHDRAWN/false");
        assertThat(longOf("SELECT seats_taken FROM school_service WHERE id = '" + service.id() + "'")).isZero();
        // Ended: nothing more to preview.
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/applications/" + id + "/withdrawal")
                .then().statusCode(409).body("code", equalTo("APPLICATION_ENDED"));
    }
}
