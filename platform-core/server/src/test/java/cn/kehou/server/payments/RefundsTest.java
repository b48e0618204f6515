package cn.kehou.server.payments;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static cn.kehou.server.payments.PaymentsFixtures.weekdays;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** 多退少补: refunds by the region's own rule, through the gateway, with their own ledger entries. */
@QuarkusTest
class RefundsTest {

    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";
    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @Inject
    LocalGatewaySimulator simulator;

    @AfterEach
    void calm() {
        simulator.chaos(LocalGatewaySimulator.Chaos.NONE);
    }

    record Billed(PaymentsFixtures.Service service, UUID application, String order, String line) {
    }

    static Billed billed(String tenant, String school, String schoolUser, String parent, LocalDate from, LocalDate to)
            throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(tenant, school, "BASIC_CARE", LocalTime.of(18, 30),
                LocalTime.of(19, 30), 20000, today().minusMonths(1), from, to);
        UUID app = PaymentsFixtures.arranged(s, parent, "退费" + UUID.randomUUID().toString().substring(0, 4));
        String token = Tokens.of(schoolUser);
        PaymentsFixtures.publishAll(token, s, 20000);
        PaymentsFixtures.charge(token, s).then().statusCode(200);
        String line = Db.strings("SELECT id FROM order_line WHERE application_id = '" + app + "'").get(0);
        return new Billed(s, app, Db.strings("SELECT order_id FROM order_line WHERE id = '" + line + "'").get(0), line);
    }

    static String pay(String tenant, String parent, String order) {
        return given().auth().oauth2(Tokens.of(parent)).post("/api/t/" + tenant + "/me/orders/" + order + "/payments")
                .then().statusCode(201).extract().path("transactionId");
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    static long balance(String account) throws Exception {
        return longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line WHERE account_code = '" + account + "'");
    }

    static long trialBalance(String tenant) throws Exception {
        return longOf("SELECT COALESCE(sum(l.debit_fen - l.credit_fen), 0) FROM journal_line l JOIN tenant t ON t.id = l.tenant_id"
                + " WHERE t.code = '" + tenant + "'");
    }

    /** Urumqi's rule (004 §五(一)): the undelivered sessions back, the delivered share rounded down. */
    static long refundFor(long paid, int sessions, int delivered) {
        return paid - paid * delivered / sessions;
    }

    @Test
    void withdrawing_mid_term_refunds_the_sessions_not_delivered_through_the_gateway_and_the_family_sees_it() throws Exception {
        PaymentsFixtures.merchant(UQ, "uq-tianshan-sim", "test-merchant-a");
        LocalDate from = today().minusDays(41);
        LocalDate to = today().plusDays(70);
        Billed b = billed(UQ, UQ_SCHOOL, "urumqi-finance", "urumqi-parent", from, to);
        simulator.payerPays(pay(UQ, "urumqi-parent", b.order()));
        await("the payment is applied", () -> Db.strings("SELECT status FROM payment WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));

        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/applications/" + b.application() + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        int sessions = weekdays(from, to).size();
        int delivered = weekdays(from, today().minusDays(1)).size();
        long expected = refundFor(20000, sessions, delivered);
        assertThat(expected).isPositive().isLessThan(20000);
        await("the refund is paid", () -> Db.strings("SELECT status FROM payment_refund WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));

        JsonPath order = given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/orders/" + b.order())
                .then().statusCode(200).extract().jsonPath();
        assertThat(order.getLong("paidFen")).isEqualTo(20000);
        assertThat(order.getLong("refundedFen")).isEqualTo(expected);
        assertThat(order.getLong("dueFen")).isEqualTo(20000 - expected);
        assertThat(order.getLong("refundOwedFen")).isZero();
        assertThat(order.getString("status")).isEqualTo("PAID");
        assertThat(order.getString("lines[0].adjustments[0].cause")).isEqualTo("WITHDRAWAL");
        assertThat(order.getInt("lines[0].adjustments[0].sessionsTotal")).isEqualTo(sessions);
        assertThat(order.getInt("lines[0].adjustments[0].sessionsDelivered")).isEqualTo(delivered);
        assertThat(order.getLong("lines[0].adjustments[0].refundFen")).isEqualTo(expected);
        assertThat(order.getString("lines[0].explanationZh")).contains("退出后").contains("退费 " + cn.kehou.server.ledger.Money.ofFen(expected).yuan());

        // Its own entries: the adjustment (the treasury owed less, the family owed a refund), the refund
        // funded from the collecting account, then paid out; every balance of this order back to zero.
        assertThat(Db.strings("SELECT l.account_code || '=' || (l.debit_fen - l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id"
                + " WHERE e.idempotency_key = 'adjust:" + b.line() + ":1' ORDER BY l.line_no"))
                .containsExactlyInAnyOrder("REFUNDS_PAYABLE:" + b.order() + "=" + -expected, "TREASURY_PAYABLE=" + expected);
        assertThat(balance("REFUNDS_PAYABLE:" + b.order())).isZero();
        assertThat(balance("PARENT_RECEIVABLE:" + b.line())).isZero();
        assertThat(trialBalance(UQ)).isZero();

        // Withdrawing is settled once: the reconciliation sweep finds nothing more to do for it.
        assertThat(longOf("SELECT count(*) FROM order_adjustment WHERE line_id = '" + b.line() + "'")).isEqualTo(1);
        // The other tenant's parent sees none of it.
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + UQ + "/me/orders/" + b.order()).then().statusCode(403);
    }

    @Test
    void a_payment_that_arrives_after_the_withdrawal_is_refunded_for_what_was_no_longer_owed() throws Exception {
        PaymentsFixtures.merchant(UQ, "uq-tianshan-sim", "test-merchant-a");
        LocalDate from = today().minusDays(30);
        LocalDate to = today().plusDays(60);
        Billed b = billed(UQ, UQ_SCHOOL, "urumqi-school-admin", "urumqi-parent", from, to);
        String transaction = pay(UQ, "urumqi-parent", b.order());
        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/applications/" + b.application() + "/withdraw")
                .then().statusCode(200);
        long expected = refundFor(20000, weekdays(from, to).size(), weekdays(from, today().minusDays(1)).size());
        // Not paid yet: the undelivered part is simply no longer owed.
        assertThat(balance("PARENT_RECEIVABLE:" + b.line())).isEqualTo(20000 - expected);

        // The family pays the 200 yuan it was asked for before withdrawing: the excess goes back.
        simulator.payerPays(transaction);
        await("the excess is refunded", () -> Db.strings("SELECT status FROM payment_refund WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));
        assertThat(longOf("SELECT amount_fen FROM payment_refund WHERE order_id = '" + b.order() + "'")).isEqualTo(expected);
        assertThat(balance("PARENT_RECEIVABLE:" + b.line())).isZero();
        assertThat(balance("REFUNDS_PAYABLE:" + b.order())).isZero();
        assertThat(trialBalance(UQ)).isZero();
    }

    @Test
    void a_session_the_school_calls_off_is_refunded_to_the_family_that_paid_for_it() throws Exception {
        PaymentsFixtures.merchant(YJ, "yj-jiangcheng-sim", "test-merchant-b");
        LocalDate from = today().minusDays(14);
        LocalDate to = today().plusDays(60);
        Billed b = billed(YJ, YJ_SCHOOL, "yj-finance", "yj-parent", from, to);
        simulator.payerPays(pay(YJ, "yj-parent", b.order()));
        await("the payment is applied", () -> Db.strings("SELECT status FROM payment WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));

        LocalDate rainy = today().plusDays(7);
        while (rainy.getDayOfWeek() == DayOfWeek.SATURDAY || rainy.getDayOfWeek() == DayOfWeek.SUNDAY) {
            rainy = rainy.plusDays(1);
        }
        int sessions = weekdays(from, to).size();
        long expected = 20000 - 20000L * (sessions - 1) / sessions;
        String path = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/services/" + b.service().id() + "/cancelled-sessions";
        given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body(Map.of("date", rainy.toString(), "reason", "暴雨红色预警停课")).post(path)
                .then().statusCode(201).body("linesSettled", equalTo(1)).body("refundsFen", equalTo((int) expected));
        given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body(Map.of("date", rainy.toString(), "reason", "again")).post(path)
                .then().statusCode(409).body("code", equalTo("SESSION_ALREADY_CANCELLED"));
        LocalDate saturday = today().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body(Map.of("date", saturday.toString(), "reason", "周末")).post(path)
                .then().statusCode(422).body("code", equalTo("SESSION_NOT_SCHEDULED"));
        // A class teacher may not, nor the other tenant's school.
        given().auth().oauth2(Tokens.of("yj-class-teacher")).contentType(ContentType.JSON)
                .body(Map.of("date", rainy.plusDays(7).toString(), "reason", "x")).post(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of("urumqi-school-admin")).contentType(ContentType.JSON)
                .body(Map.of("date", rainy.plusDays(7).toString(), "reason", "x")).post(path).then().statusCode(403);

        await("the refund is paid", () -> Db.strings("SELECT status FROM payment_refund WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));
        JsonPath order = given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/orders/" + b.order())
                .then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("lines[0].adjustments[0].cause")).isEqualTo("SESSIONS_CANCELLED");
        assertThat(order.getLong("refundedFen")).isEqualTo(expected);
        // 000 §五(四): the platform's dedicated account; the school is owed its basic-care income less the refund.
        String school = Db.strings("SELECT id FROM school WHERE code = '" + YJ_SCHOOL + "'").get(0);
        assertThat(Db.strings("SELECT l.account_code || '=' || (l.debit_fen - l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id"
                + " WHERE e.idempotency_key = 'adjust:" + b.line() + ":1' ORDER BY l.line_no"))
                .containsExactlyInAnyOrder("REFUNDS_PAYABLE:" + b.order() + "=" + -expected, "SCHOOL_PAYABLE:" + school + "=" + expected);
        assertThat(Db.strings("SELECT collecting_account FROM payment_refund WHERE order_id = '" + b.order() + "'"))
                .containsExactly("COLLECTING:PLATFORM_DEDICATED_ACCOUNT");
        assertThat(trialBalance(YJ)).isZero();
    }

    @Test
    void a_refund_the_bank_bounces_is_reversed_in_the_books_and_left_owed() throws Exception {
        PaymentsFixtures.merchant(UQ, "uq-tianshan-sim", "test-merchant-a");
        LocalDate from = today().minusDays(10);
        LocalDate to = today().plusDays(50);
        Billed b = billed(UQ, UQ_SCHOOL, "urumqi-finance", "urumqi-parent", from, to);
        simulator.payerPays(pay(UQ, "urumqi-parent", b.order()));
        await("the payment is applied", () -> Db.strings("SELECT status FROM payment WHERE order_id = '" + b.order() + "'")
                .contains("SUCCEEDED"));
        simulator.chaos(new LocalGatewaySimulator.Chaos(1, 0, Duration.ZERO, false, true, 1));
        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/applications/" + b.application() + "/withdraw")
                .then().statusCode(200);
        await("the refund bounced", () -> Db.strings("SELECT status FROM payment_refund WHERE order_id = '" + b.order() + "'")
                .contains("FAILED"));
        String refund = Db.strings("SELECT id FROM payment_refund WHERE order_id = '" + b.order() + "'").get(0);
        assertThat(longOf("SELECT count(*) FROM journal_entry WHERE idempotency_key = 'refund:" + refund + ":funded:reversal'"
                + " AND reverses_id IS NOT NULL")).isEqualTo(1);
        long owed = -balance("REFUNDS_PAYABLE:" + b.order());
        assertThat(owed).isPositive();
        assertThat(given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/orders/" + b.order())
                .then().statusCode(200).extract().jsonPath().getString("status")).isEqualTo("REFUND_PENDING");
        assertThat(trialBalance(UQ)).isZero();
    }
}
