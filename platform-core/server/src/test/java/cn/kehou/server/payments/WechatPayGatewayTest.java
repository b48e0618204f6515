package cn.kehou.server.payments;

import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static cn.kehou.server.payments.PaymentsFixtures.weekdays;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * WeChat Pay through the official SDK against a local stand-in of its v3 endpoints: the tenant's
 * merchant names gateway {@code wechatpay}; orders, notifications and a refund go through the SDK
 * (request signing, response verification, notification verification and AES-GCM decryption) with
 * keys this test generates. Nothing leaves the machine.
 */
@QuarkusTest
class WechatPayGatewayTest {

    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";
    static final String MCHID = "1900009191";
    static final String APPID = "wxd678efh567hg6787";

    @Inject
    WechatPayGateway gateway;
    @Inject
    WechatPayMerchants wechatMerchants;
    @Inject
    Merchants merchants;
    @Inject
    AsTenant asTenant;

    WechatPayStandIn standIn;
    Tenant tenant;

    @BeforeEach
    void merchantAtTheStandIn() throws Exception {
        standIn = new WechatPayStandIn(MCHID, APPID);
        gateway.baseUrl(standIn.baseUrl());
        // Secrets by reference, as in production; here the references resolve to keys made for this run.
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.setProperty(Merchants.SECRET_PREFIX + "wx-apiv3-" + run, standIn.apiV3Key);
        System.setProperty(Merchants.SECRET_PREFIX + "wx-key-" + run, standIn.merchantPrivateKeyPem());
        given().auth().oauth2(Tokens.of("kehou-admin")).contentType(ContentType.JSON)
                .body(Map.of("gateway", WechatPayGateway.ID, "merchantId", MCHID, "secretRef", "wx-apiv3-" + run))
                .put("/api/t/" + UQ + "/payments/merchant").then().statusCode(200);
        settings(Map.of("appId", APPID, "merchantSerialNo", standIn.merchantSerial, "privateKeyRef", "wx-key-" + run,
                "publicKeyId", standIn.publicKeyId, "publicKeyPem", standIn.platformPublicKeyPem())).then().statusCode(200);
        tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode(UQ)).orElseThrow();
    }

    static Response settings(Map<String, String> body) {
        return given().auth().oauth2(Tokens.of("kehou-admin")).contentType(ContentType.JSON).body(body)
                .put("/api/t/" + UQ + "/payments/merchant/wechatpay");
    }

    @AfterEach
    void backToTheSimulator() {
        gateway.baseUrl(null);
        standIn.close();
        PaymentsFixtures.merchant(UQ, "uq-tianshan-sim", "test-merchant-a");
    }

    record Billed(String order, String application, String line, LocalDate from, LocalDate to) {
    }

    static Billed billed(String child) throws Exception {
        LocalDate from = today().minusDays(30);
        LocalDate to = today().plusDays(60);
        PaymentsFixtures.Service s = PaymentsFixtures.service(UQ, UQ_SCHOOL, "BASIC_CARE", java.time.LocalTime.of(18, 30),
                java.time.LocalTime.of(19, 30), 20000, today().minusMonths(1), from, to);
        UUID app = PaymentsFixtures.arranged(s, "urumqi-parent", child);
        String school = Tokens.of("urumqi-school-admin");
        PaymentsFixtures.publishAll(school, s, 20000);
        PaymentsFixtures.charge(school, s).then().statusCode(200);
        String line = Db.strings("SELECT id FROM order_line WHERE application_id = '" + app + "'").get(0);
        return new Billed(Db.strings("SELECT order_id FROM order_line WHERE id = '" + line + "'").get(0), app.toString(), line, from, to);
    }

    static JsonPath pay(String order) {
        return given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/orders/" + order + "/payments")
                .then().statusCode(201).extract().jsonPath();
    }

    static Response deliver(WechatPayStandIn.Notification n) {
        var request = given().contentType("application/json").body(n.body());
        n.headers().forEach(request::header);
        return request.post("/api/public/t/" + UQ + "/payments/notify/" + WechatPayGateway.ID);
    }

    static long entries() throws Exception {
        return longOf("SELECT count(*) FROM journal_entry e JOIN tenant t ON t.id = e.tenant_id WHERE t.code = '" + UQ + "'");
    }

    static String paymentStatus(String order) throws Exception {
        return Db.strings("SELECT status FROM payment WHERE order_id = '" + order + "'").get(0);
    }

    @Test
    void an_h5_order_is_created_at_wechat_through_the_sdk_with_the_merchants_signature() throws Exception {
        Billed b = billed("微信下单" + UUID.randomUUID().toString().substring(0, 4));
        JsonPath p = pay(b.order());

        assertThat(p.getString("payUrl")).startsWith(standIn.baseUrl() + "/h5pay/checkmweb?prepay_id=wx");
        assertThat(p.getLong("amountFen")).isEqualTo(20000);
        assertThat(standIn.calls).contains("POST /v3/pay/transactions/h5");
        assertThat(standIn.unauthorized).isEmpty();
        // The SDK verified WeChat's signed answer; the trade is there to be asked about.
        Merchants.Account account = asTenant.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> merchants.of(tenant.id)));
        assertThat(account.gateway()).isSameAs(gateway);
        PaymentGateway.Trade trade = asTenant.call(tenant, () -> gateway.query(account.merchant(), p.getString("outTradeNo")));
        assertThat(trade.state()).isEqualTo(PaymentGateway.TradeState.NOTPAY);
        assertThat(trade.amountFen()).isEqualTo(20000);
        assertThat(asTenant.call(tenant, () -> gateway.query(account.merchant(), "no-such-trade")).state())
                .isEqualTo(PaymentGateway.TradeState.NOT_FOUND);

        // JSAPI (inside WeChat): the prepay id comes back with the parameters the page hands to WeChat, signed by the merchant.
        PrepayWithRequestPaymentResponse jsapi = asTenant.call(tenant, () -> gateway.createJsapi(account.merchant(),
                "jsapi-" + UUID.randomUUID().toString().substring(0, 8), 100, "课后服务费",
                URI.create("http://localhost/notify"), "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        assertThat(jsapi.getPackageVal()).startsWith("prepay_id=wx");
        assertThat(jsapi.getAppId()).isEqualTo(APPID);
        String message = APPID + "\n" + jsapi.getTimeStamp() + "\n" + jsapi.getNonceStr() + "\n" + jsapi.getPackageVal() + "\n";
        assertThat(WechatPayStandIn.verify(standIn.merchant.getPublic(), message, jsapi.getPaySign())).isTrue();

        // A WeChat answer that is not signed by WeChat's key is not believed.
        KeyPair impostor = WechatPayStandIn.rsa();
        WechatPayMerchants.Settings wrongKey = new WechatPayMerchants.Settings(APPID, standIn.merchantSerial,
                Db.strings("SELECT private_key_ref FROM wechatpay_merchant WHERE tenant_id = '" + tenant.id + "'").get(0),
                standIn.publicKeyId, WechatPayStandIn.pem("PUBLIC KEY", impostor.getPublic().getEncoded()));
        asTenant.run(tenant, () -> QuarkusTransaction.requiringNew().run(() -> wechatMerchants.configure(tenant.id, wrongKey, "test")));
        PaymentGateway.Failure f = assertThrows(PaymentGateway.Failure.class,
                () -> asTenant.call(tenant, () -> gateway.query(account.merchant(), p.getString("outTradeNo"))));
        assertThat(f.getMessage()).contains("signature");
    }

    @Test
    void a_notification_signed_by_wechat_is_applied_once_and_one_signed_by_another_key_is_rejected_by_the_sdk() throws Exception {
        Billed b = billed("微信通知" + UUID.randomUUID().toString().substring(0, 4));
        String outTradeNo = pay(b.order()).getString("outTradeNo");
        long before = entries();

        // A forgery: well-formed, encrypted with the right API v3 key even, but signed with a foreign key.
        WechatPayStandIn.Notification forged = standIn.paymentNotification(outTradeNo, WechatPayStandIn.rsa().getPrivate());
        deliver(forged).then().statusCode(400).body("code", equalTo("FAIL"));
        assertThat(paymentStatus(b.order())).isEqualTo("CREATED");
        assertThat(entries()).isEqualTo(before);
        assertThat(Db.strings("SELECT verdict || ':' || reason FROM gateway_notification WHERE body = '" + forged.body().replace("'", "''") + "'"))
                .singleElement().asString().startsWith("REJECTED:WeChat Pay signature not verified");

        // The family pays; WeChat's notification is verified, decrypted and applied.
        WechatPayStandIn.Notification paid = standIn.pays(outTradeNo);
        deliver(paid).then().statusCode(200).body("code", equalTo("SUCCESS"));
        assertThat(paymentStatus(b.order())).isEqualTo("SUCCEEDED");
        String transaction = Db.strings("SELECT transaction_id FROM payment WHERE order_id = '" + b.order() + "'").get(0);
        assertThat(transaction).startsWith("42");
        long applied = entries();
        assertThat(applied).isGreaterThan(before);

        // Replayed as is: acknowledged, nothing changes.
        deliver(paid).then().statusCode(200).body("code", equalTo("SUCCESS"));
        assertThat(entries()).isEqualTo(applied);
        assertThat(Db.strings("SELECT verdict FROM gateway_notification WHERE body = '" + paid.body().replace("'", "''") + "' ORDER BY received_at"))
                .containsExactly("APPLIED", "DUPLICATE");
        assertThat(RefundsTest.trialBalance(UQ)).isZero();

        // The same notification to the other tenant's path: that tenant has no such merchant or order.
        var request = given().contentType("application/json").body(paid.body());
        paid.headers().forEach(request::header);
        request.post("/api/public/t/guangdong-yangjiang-jiangcheng/payments/notify/" + WechatPayGateway.ID).then().statusCode(400);
    }

    @Test
    void a_refund_goes_to_wechat_and_its_notification_writes_the_refund_entries() throws Exception {
        Billed b = billed("微信退费" + UUID.randomUUID().toString().substring(0, 4));
        String outTradeNo = pay(b.order()).getString("outTradeNo");
        deliver(standIn.pays(outTradeNo)).then().statusCode(200);

        given().auth().oauth2(Tokens.of("urumqi-parent")).post("/api/t/" + UQ + "/me/applications/" + b.application() + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        long expected = RefundsTest.refundFor(20000, weekdays(b.from(), b.to()).size(), weekdays(b.from(), today().minusDays(1)).size());
        RefundsTest.await("the refund notification is applied", () ->
                Db.strings("SELECT status FROM payment_refund WHERE order_id = '" + b.order() + "'").contains("SUCCEEDED"));

        assertThat(standIn.calls).contains("POST /v3/refund/domestic/refunds");
        assertThat(standIn.unauthorized).isEmpty();
        // WeChat had its answer once the server had applied it, and stops retrying.
        RefundsTest.await("the stand-in has the server's answer", () -> !standIn.refundDeliveries.isEmpty());
        assertThat(standIn.refundDeliveries).containsExactly(200);
        String outRefundNo = Db.strings("SELECT out_refund_no FROM payment_refund WHERE order_id = '" + b.order() + "'").get(0);
        assertThat(longOf("SELECT amount_fen FROM payment_refund WHERE order_id = '" + b.order() + "'")).isEqualTo(expected);
        assertThat(Db.strings("SELECT refund_id FROM payment_refund WHERE order_id = '" + b.order() + "'").get(0)).startsWith("50");
        // WeChat's own record agrees, asked through the SDK.
        Merchants.Account account = asTenant.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> merchants.of(tenant.id)));
        PaymentGateway.RefundTicket ticket = asTenant.call(tenant, () -> gateway.queryRefund(account.merchant(), outRefundNo));
        assertThat(ticket.state()).isEqualTo(PaymentGateway.RefundState.SUCCESS);
        assertThat(ticket.amountFen()).isEqualTo(expected);
        assertThat(asTenant.call(tenant, () -> gateway.queryRefund(account.merchant(), "no-such-refund")).state())
                .isEqualTo(PaymentGateway.RefundState.NOT_FOUND);

        assertThat(RefundsTest.balance("REFUNDS_PAYABLE:" + b.order())).isZero();
        assertThat(RefundsTest.balance("PARENT_RECEIVABLE:" + b.line())).isZero();
        JsonPath order = given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/orders/" + b.order())
                .then().statusCode(200).extract().jsonPath();
        assertThat(order.getLong("refundedFen")).isEqualTo(expected);
        assertThat(RefundsTest.trialBalance(UQ)).isZero();
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + UQ + "/me/orders/" + b.order()).then().statusCode(403);
    }

    @Test
    void the_settings_keep_the_private_key_and_the_api_v3_key_by_reference_only() throws Exception {
        String stored = String.join("|", Db.strings("SELECT row_to_json(w)::text FROM wechatpay_merchant w"
                + " WHERE tenant_id = '" + tenant.id + "'"));
        String der = Base64.getEncoder().encodeToString(standIn.merchant.getPrivate().getEncoded());
        assertThat(stored).contains(standIn.publicKeyId).doesNotContain(der.substring(0, 64)).doesNotContain(standIn.apiV3Key);
        settings(Map.of("appId", APPID, "merchantSerialNo", standIn.merchantSerial, "privateKeyRef", "no-such-key",
                "publicKeyId", standIn.publicKeyId, "publicKeyPem", standIn.platformPublicKeyPem()))
                .then().statusCode(422).body("code", equalTo("MERCHANT_SECRET_UNKNOWN"));
        settings(Map.of("appId", APPID, "merchantSerialNo", standIn.merchantSerial, "privateKeyRef", "test-merchant-a",
                "publicKeyId", standIn.publicKeyId, "publicKeyPem", "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----"))
                .then().body("code", equalTo("VALIDATION_FAILED"));
        // Only who may set the merchant account may set these: not the school's finance, not the parent.
        for (String user : new String[] {"urumqi-finance", "urumqi-parent"}) {
            given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(Map.of("appId", APPID,
                            "merchantSerialNo", standIn.merchantSerial, "privateKeyRef", "test-merchant-a",
                            "publicKeyId", standIn.publicKeyId, "publicKeyPem", standIn.platformPublicKeyPem()))
                    .put("/api/t/" + UQ + "/payments/merchant/wechatpay").then().statusCode(403);
        }
        // The other tenant sees no WeChat settings of this one.
        Tenant other = QuarkusTransaction.requiringNew().call(() -> Tenant.byCode("guangdong-yangjiang-jiangcheng")).orElseThrow();
        assertThat(asTenant.call(other, () -> wechatMerchants.of(MCHID))).isEmpty();
    }
}
