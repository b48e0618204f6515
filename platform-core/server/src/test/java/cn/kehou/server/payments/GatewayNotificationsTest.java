package cn.kehou.server.payments;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.kehou.server.payments.PaymentsFixtures.CHINA;
import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's notifications against the real server over HTTP: every one delivered ten times in
 * shuffled order with deliveries lost and retried, plus forgeries — each payment applied once.
 */
@QuarkusTest
class GatewayNotificationsTest {

    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";
    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String MERCHANT = "uq-tianshan-sim";
    static final byte[] KEY = "test-merchant-a-key-not-for-production".getBytes(StandardCharsets.UTF_8);

    @Inject
    LocalGatewaySimulator simulator;
    @Inject
    Reconciliation reconciliation;

    @AfterEach
    void calm() {
        simulator.chaos(LocalGatewaySimulator.Chaos.NONE);
    }

    /** A billed, published one-hour service for urumqi-parent, and the payment opened for its order. */
    record Opened(String order, String payment, String outTradeNo, String transactionId, String line) {
    }

    static Opened billedAndOpened(String childName) throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(UQ, UQ_SCHOOL, "BASIC_CARE", LocalTime.of(18, 30),
                LocalTime.of(19, 30), 20000, today().minusMonths(1), today().minusDays(20), today().plusDays(90));
        PaymentsFixtures.arranged(s, "urumqi-parent", childName);
        String school = Tokens.of("urumqi-school-admin");
        PaymentsFixtures.publishAll(school, s, 20000);
        PaymentsFixtures.charge(school, s).then().statusCode(200);
        String line = Db.strings("SELECT id FROM order_line WHERE service_id = '" + s.id() + "'").get(0);
        String order = Db.strings("SELECT order_id FROM order_line WHERE id = '" + line + "'").get(0);
        JsonPath p = given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/orders/" + order + "/payments")
                .then().statusCode(201).extract().jsonPath();
        assertThat(p.getLong("amountFen")).isEqualTo(20000);
        assertThat(p.getString("payUrl")).contains(LocalGatewaySimulator.CASHIER_PATH);
        return new Opened(order, p.getString("id"), p.getString("outTradeNo"), p.getString("transactionId"), line);
    }

    static String body(String outTradeNo, String transactionId, long amountFen) {
        return "{\"id\": \"forged\", \"eventType\": \"TRANSACTION.SUCCESS\", \"merchantId\": \"" + MERCHANT + "\","
                + " \"outTradeNo\": \"" + outTradeNo + "\", \"transactionId\": \"" + transactionId + "\", \"amountFen\": " + amountFen + "}";
    }

    static Response post(String tenant, LocalGatewaySimulator.Notification n) {
        var request = given().contentType("application/json").body(n.body());
        n.headers().forEach(request::header);
        return request.post("/api/public/t/" + tenant + "/payments/notify/local-sim");
    }

    static List<String> verdicts(String where) throws Exception {
        return Db.strings("SELECT verdict FROM gateway_notification WHERE " + where + " ORDER BY verdict");
    }

    @Test
    void a_storm_of_replayed_shuffled_and_forged_notifications_applies_each_payment_exactly_once() throws Exception {
        PaymentsFixtures.merchant(UQ, MERCHANT, "test-merchant-a");
        List<Opened> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opened.add(billedAndOpened("风暴" + i));
        }
        long collectingBefore = longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line l JOIN tenant t"
                + " ON t.id = l.tenant_id WHERE t.code = '" + UQ + "' AND account_code = 'COLLECTING:BUDGET_MANAGEMENT'");

        // Forgeries, each sent ten times, interleaved with the storm: no key, the wrong key, a signed
        // wrong amount, a signed unknown order, and a genuine-looking one posted to another tenant.
        Opened first = opened.get(0);
        List<LocalGatewaySimulator.Notification> forged = List.of(
                new LocalGatewaySimulator.Notification(java.util.Map.of(), body(first.outTradeNo(), first.transactionId(), 20000)),
                LocalGatewaySimulator.signed("someone-elses-key-0123456789".getBytes(StandardCharsets.UTF_8),
                        body(first.outTradeNo(), first.transactionId(), 20000)),
                LocalGatewaySimulator.signed(KEY, body(opened.get(1).outTradeNo(), opened.get(1).transactionId(), 1)),
                LocalGatewaySimulator.signed(KEY, body("KH-no-such-order", "4200999", 20000)));
        LocalGatewaySimulator.Notification elsewhere = LocalGatewaySimulator.signed(KEY,
                body(opened.get(2).outTradeNo(), opened.get(2).transactionId(), 20000));

        long abandonedBefore = simulator.deliveries().abandoned();
        simulator.chaos(new LocalGatewaySimulator.Chaos(10, 0.2, Duration.ofMillis(400), false, false, 20261123L));
        ExecutorService forgers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        List<Runnable> sends = new ArrayList<>();
        for (int copy = 0; copy < 10; copy++) {
            forged.forEach(n -> sends.add(() -> statuses.add(forgers.submit(() -> post(UQ, n).statusCode()))));
            sends.add(() -> statuses.add(forgers.submit(() -> post(YJ, elsewhere).statusCode())));
        }
        Collections.shuffle(sends, new Random(7));
        opened.forEach(o -> simulator.payerPays(o.transactionId()));
        sends.forEach(Runnable::run);
        for (Future<Integer> f : statuses) {
            assertThat(f.get()).isEqualTo(400);
        }
        forgers.shutdown();
        assertThat(simulator.awaitQuiet(Duration.ofSeconds(90))).as("every notification delivered").isTrue();
        assertThat(simulator.deliveries().abandoned()).as("none given up after its retries").isEqualTo(abandonedBefore);

        for (Opened o : opened) {
            assertThat(Db.strings("SELECT status || '/' || settled_by FROM payment WHERE id = '" + o.payment() + "'"))
                    .containsExactly("SUCCEEDED/NOTIFICATION");
            // Ten genuine deliveries: one applied, nine known duplicates.
            List<String> genuine = verdicts("event_key = '" + o.transactionId() + "' AND tenant_id = (SELECT id FROM tenant"
                    + " WHERE code = '" + UQ + "') AND verdict <> 'REJECTED'");
            assertThat(genuine).hasSize(10);
            assertThat(genuine.stream().filter("APPLIED"::equals)).hasSize(1);
            assertThat(longOf("SELECT count(*) FROM journal_entry WHERE idempotency_key LIKE 'payment:" + o.payment() + ":%'"))
                    .isEqualTo(2);
            assertThat(longOf("SELECT count(*) FROM payment_allocation WHERE payment_id = '" + o.payment() + "'")).isEqualTo(1);
            assertThat(longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line"
                    + " WHERE account_code = 'PARENT_RECEIVABLE:" + o.line() + "'")).isZero();
        }
        // The forgeries: stored, rejected with their reason, and nothing moved for them.
        assertThat(Db.strings("SELECT DISTINCT reason FROM gateway_notification WHERE verdict = 'REJECTED' AND tenant_id ="
                + " (SELECT id FROM tenant WHERE code = '" + UQ + "') AND received_at > now() - interval '10 minutes'"))
                .anyMatch(r -> r.startsWith("unsigned"))
                .anyMatch(r -> r.equals("bad signature"))
                .anyMatch(r -> r.startsWith("amount 1 fen"))
                .anyMatch(r -> r.startsWith("unknown order KH-no-such-order"));
        assertThat(longOf("SELECT count(*) FROM gateway_notification n JOIN tenant t ON t.id = n.tenant_id WHERE t.code = '" + YJ
                + "' AND n.out_trade_no = '" + opened.get(2).outTradeNo() + "' AND n.verdict = 'REJECTED'")).isEqualTo(10);
        long collectingAfter = longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line l JOIN tenant t"
                + " ON t.id = l.tenant_id WHERE t.code = '" + UQ + "' AND account_code = 'COLLECTING:BUDGET_MANAGEMENT'");
        assertThat(collectingAfter - collectingBefore).isEqualTo(4 * 20000);
        assertThat(longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line l JOIN tenant t"
                + " ON t.id = l.tenant_id WHERE t.code = '" + UQ + "'")).as("trial balance").isZero();
        assertThat(longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line l JOIN tenant t"
                + " ON t.id = l.tenant_id WHERE t.code = '" + YJ + "'")).as("the other tenant's trial balance").isZero();

        // A replay long after changes nothing.
        post(UQ, LocalGatewaySimulator.signed(KEY, body(first.outTradeNo(), first.transactionId(), 20000))).then().statusCode(200);
        assertThat(longOf("SELECT count(*) FROM payment_allocation WHERE payment_id = '" + first.payment() + "'")).isEqualTo(1);
        assertThat(given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/orders/" + first.order())
                .then().statusCode(200).extract().jsonPath().getString("status")).isEqualTo("PAID");
    }

    @Test
    void a_payment_whose_notifications_never_arrive_is_settled_by_asking_the_gateway() throws Exception {
        PaymentsFixtures.merchant(UQ, MERCHANT, "test-merchant-a");
        Opened o = billedAndOpened("静默");
        simulator.chaos(new LocalGatewaySimulator.Chaos(1, 0, Duration.ZERO, true, false, 1));
        simulator.payerPays(o.transactionId());
        Thread.sleep(300);
        assertThat(Db.strings("SELECT status FROM payment WHERE id = '" + o.payment() + "'")).containsExactly("CREATED");

        // The job runs on one instance at a time; if the scheduled run holds it just now, try again.
        for (int i = 0; i < 20 && Db.strings("SELECT status FROM payment WHERE id = '" + o.payment() + "'").contains("CREATED"); i++) {
            reconciliation.reconcile(OffsetDateTime.now(CHINA).plusMinutes(5));
            Thread.sleep(200);
        }
        assertThat(Db.strings("SELECT status || '/' || settled_by FROM payment WHERE id = '" + o.payment() + "'"))
                .containsExactly("SUCCEEDED/QUERY");
        assertThat(longOf("SELECT count(*) FROM journal_entry WHERE idempotency_key = 'payment:" + o.payment() + ":captured'"))
                .isEqualTo(1);

        // The gateway's late notification finally arrives: known, not applied again.
        simulator.chaos(LocalGatewaySimulator.Chaos.NONE);
        post(UQ, LocalGatewaySimulator.signed(KEY, body(o.outTradeNo(), o.transactionId(), 20000))).then().statusCode(200);
        assertThat(verdicts("event_key = '" + o.transactionId() + "'")).containsExactly("DUPLICATE");
        assertThat(longOf("SELECT count(*) FROM payment_allocation WHERE payment_id = '" + o.payment() + "'")).isEqualTo(1);
    }

    @Test
    void an_unpaid_payment_past_its_time_is_closed_at_the_gateway_and_a_new_one_can_be_opened() throws Exception {
        PaymentsFixtures.merchant(UQ, MERCHANT, "test-merchant-a");
        Opened o = billedAndOpened("未付");
        for (int i = 0; i < 20 && Db.strings("SELECT status FROM payment WHERE id = '" + o.payment() + "'").contains("CREATED"); i++) {
            reconciliation.reconcile(OffsetDateTime.now(CHINA).plusHours(1));
            Thread.sleep(200);
        }
        assertThat(Db.strings("SELECT status FROM payment WHERE id = '" + o.payment() + "'")).containsExactly("CLOSED");
        // A closed trade cannot be paid any more; the family opens a new payment.
        simulator.payerPays(o.transactionId());
        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/orders/" + o.order() + "/payments")
                .then().statusCode(201);
    }
}
