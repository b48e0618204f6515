package cn.kehou.server.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in of the few WeChat Pay API v3 endpoints the gateway uses, so the real SDK is
 * exercised end to end without the internet: it checks the merchant's Authorization signature
 * (WECHATPAY2-SHA256-RSA2048 over method, path, timestamp, nonce and body with the merchant's
 * key), signs every answer with its own platform key (the "WeChat Pay public key" the merchant is
 * configured with), and sends notifications as WeChat does: the resource AES-256-GCM encrypted with
 * the API v3 key, the envelope signed. Keys are generated per run; nothing here is a real key.
 */
public final class WechatPayStandIn implements AutoCloseable {

    static final String SIGN_TYPE = "WECHATPAY2-SHA256-RSA2048";
    private static final Pattern TOKEN = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    final String mchid;
    final String appId;
    final String merchantSerial;
    final String apiV3Key;
    final String publicKeyId = "PUB_KEY_ID_" + digits(28);
    final KeyPair platform = rsa();
    final KeyPair merchant = rsa();

    private final ObjectMapper json = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wechatpay-stand-in-notify");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ObjectNode> trades = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    /** Every call as "METHOD path", and the calls whose Authorization did not verify. */
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> unauthorized = Collections.synchronizedList(new ArrayList<>());
    /** Refund notifications as delivered, with the server's HTTP status. */
    final List<Integer> refundDeliveries = Collections.synchronizedList(new ArrayList<>());

    WechatPayStandIn(String mchid, String appId) throws IOException {
        this.mchid = mchid;
        this.appId = appId;
        this.merchantSerial = hex(40);
        this.apiV3Key = alnum(32);
        // Vert.x, not the JDK's HttpServer: that one rewrites header names ("Wechatpay-signature"),
        // and the SDK reads WeChat's headers by their exact case.
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> vertx.<Void>executeBlocking(() -> {
            handle(req, buf.toString(StandardCharsets.UTF_8));
            return null;
        }))).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    String platformPublicKeyPem() {
        return pem("PUBLIC KEY", platform.getPublic().getEncoded());
    }

    String merchantPrivateKeyPem() {
        return pem("PRIVATE KEY", merchant.getPrivate().getEncoded());
    }

    // ------------------------------------------------------------------ the API

    private void handle(HttpServerRequest req, String body) throws IOException {
        HttpServerResponse x = req.response();
        String method = req.method().name();
        String path = req.path();
        String query = req.query();
        calls.add(method + " " + path);
        try {
            if (!authorized(method, path + (query == null ? "" : "?" + query), body, req.getHeader("Authorization"))) {
                unauthorized.add(method + " " + path);
                answer(x, 401, error("SIGN_ERROR", "签名错误"));
                return;
            }
            Matcher m;
            if (method.equals("POST") && (path.equals("/v3/pay/transactions/h5") || path.equals("/v3/pay/transactions/jsapi"))) {
                prepay(x, json.readTree(body), path.endsWith("jsapi"));
            } else if (method.equals("GET") && (m = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)").matcher(path)).matches()) {
                ObjectNode t = trades.get(m.group(1));
                answer(x, t == null ? 404 : 200, t == null ? error("ORDER_NOT_EXIST", "订单不存在") : t.toString());
            } else if (method.equals("POST") && (m = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)/close").matcher(path)).matches()) {
                ObjectNode t = trades.get(m.group(1));
                if (t == null) {
                    answer(x, 404, error("ORDER_NOT_EXIST", "订单不存在"));
                } else if (t.path("trade_state").asText().equals("SUCCESS")) {
                    answer(x, 400, error("ORDERPAID", "订单已支付"));
                } else {
                    t.put("trade_state", "CLOSED");
                    answer(x, 204, "");
                }
            } else if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
                refund(x, json.readTree(body));
            } else if (method.equals("GET") && (m = Pattern.compile("/v3/refund/domestic/refunds/([^/]+)").matcher(path)).matches()) {
                ObjectNode r = refunds.get(m.group(1));
                answer(x, r == null ? 404 : 200, r == null ? error("RESOURCE_NOT_EXISTS", "退款单不存在") : r.toString());
            } else {
                answer(x, 404, error("NOT_FOUND", "no such endpoint in the stand-in"));
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            answer(x, 500, error("SYSTEM_ERROR", e.toString()));
        }
    }

    private synchronized void prepay(HttpServerResponse x, JsonNode req, boolean jsapi) throws IOException, GeneralSecurityException {
        String no = req.path("out_trade_no").asText();
        long total = req.path("amount").path("total").asLong();
        if (!req.path("mchid").asText().equals(mchid) || !req.path("appid").asText().equals(appId)) {
            answer(x, 400, error("PARAM_ERROR", "mchid or appid"));
            return;
        }
        if (jsapi && req.path("payer").path("openid").asText().isEmpty()) {
            answer(x, 400, error("PARAM_ERROR", "payer.openid"));
            return;
        }
        ObjectNode t = trades.get(no);
        if (t != null && t.path("amount").path("total").asLong() != total) {
            answer(x, 400, error("INVALID_REQUEST", "out_trade_no used with another amount"));
            return;
        }
        if (t == null) {
            t = json.createObjectNode();
            t.put("appid", appId).put("mchid", mchid).put("out_trade_no", no)
                    .put("trade_type", jsapi ? "JSAPI" : "MWEB").put("trade_state", "NOTPAY").put("trade_state_desc", "未支付")
                    .put("prepay_id", "wx" + digits(30)).put("notify_url", req.path("notify_url").asText());
            t.putObject("amount").put("total", total).put("currency", "CNY");
            trades.put(no, t);
        }
        ObjectNode out = json.createObjectNode();
        if (jsapi) {
            out.put("prepay_id", t.path("prepay_id").asText());
        } else {
            out.put("h5_url", baseUrl() + "/h5pay/checkmweb?prepay_id=" + t.path("prepay_id").asText());
        }
        answer(x, 200, out.toString());
    }

    private synchronized void refund(HttpServerResponse x, JsonNode req) throws IOException, GeneralSecurityException {
        String no = req.path("out_refund_no").asText();
        ObjectNode t = trades.get(req.path("out_trade_no").asText());
        long amount = req.path("amount").path("refund").asLong();
        if (t == null) {
            answer(x, 404, error("RESOURCE_NOT_EXISTS", "订单不存在"));
            return;
        }
        if (!t.path("trade_state").asText().equals("SUCCESS") && !t.path("trade_state").asText().equals("REFUND")) {
            answer(x, 403, error("NOT_ENOUGH", "订单未支付"));
            return;
        }
        if (req.path("amount").path("total").asLong() != t.path("amount").path("total").asLong()) {
            answer(x, 400, error("PARAM_ERROR", "amount.total is not the order's"));
            return;
        }
        ObjectNode r = refunds.get(no);
        if (r == null) {
            r = json.createObjectNode();
            r.put("refund_id", "50" + digits(30)).put("out_refund_no", no).put("transaction_id", t.path("transaction_id").asText())
                    .put("out_trade_no", t.path("out_trade_no").asText()).put("channel", "ORIGINAL")
                    .put("user_received_account", "支付用户零钱").put("create_time", now()).put("status", "PROCESSING");
            r.putObject("amount").put("total", t.path("amount").path("total").asLong()).put("refund", amount)
                    .put("payer_total", t.path("amount").path("total").asLong()).put("payer_refund", amount).put("currency", "CNY");
            refunds.put(no, r);
            t.put("trade_state", "REFUND");
            ObjectNode settled = r;
            String notifyUrl = req.path("notify_url").asText();
            // The bank returns the money a moment later; WeChat then notifies the merchant.
            later.schedule(() -> settleRefund(settled, notifyUrl), 50, TimeUnit.MILLISECONDS);
        }
        answer(x, 200, r.toString());
    }

    private void settleRefund(ObjectNode r, String notifyUrl) {
        try {
            ObjectNode resource;
            synchronized (this) {
                r.put("status", "SUCCESS").put("success_time", now());
                resource = json.createObjectNode();
                resource.put("mchid", mchid).put("out_trade_no", r.path("out_trade_no").asText())
                        .put("transaction_id", r.path("transaction_id").asText()).put("out_refund_no", r.path("out_refund_no").asText())
                        .put("refund_id", r.path("refund_id").asText()).put("refund_status", "SUCCESS")
                        .put("success_time", now()).put("user_received_account", "支付用户零钱");
                resource.putObject("amount").put("total", r.path("amount").path("total").asLong())
                        .put("refund", r.path("amount").path("refund").asLong())
                        .put("payer_total", r.path("amount").path("payer_total").asLong())
                        .put("payer_refund", r.path("amount").path("payer_refund").asLong());
            }
            Notification n = notification("REFUND.SUCCESS", "refund", resource.toString(), platform.getPrivate());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(notifyUrl)).POST(HttpRequest.BodyPublishers.ofString(n.body()));
            n.headers().forEach(b::header);
            refundDeliveries.add(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        } catch (Exception e) {
            refundDeliveries.add(-1);
        }
    }

    // ------------------------------------------------------------------ the family, and notifications

    /** The family pays in WeChat: the trade succeeds; returns the notification WeChat would send. */
    synchronized Notification pays(String outTradeNo) throws GeneralSecurityException {
        ObjectNode t = trades.get(outTradeNo);
        t.put("trade_state", "SUCCESS").put("trade_state_desc", "支付成功").put("transaction_id", "42" + digits(26))
                .put("bank_type", "OTHERS").put("success_time", now());
        ((ObjectNode) t.path("amount")).put("payer_total", t.path("amount").path("total").asLong()).put("payer_currency", "CNY");
        t.putObject("payer").put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        return paymentNotification(outTradeNo, platform.getPrivate());
    }

    /** TRANSACTION.SUCCESS for the trade as it stands, signed with {@code key} (a foreign key forges). */
    synchronized Notification paymentNotification(String outTradeNo, PrivateKey key) throws GeneralSecurityException {
        ObjectNode resource = trades.get(outTradeNo).deepCopy();
        resource.remove("prepay_id");
        resource.remove("notify_url");
        if (!resource.has("transaction_id")) {
            resource.put("trade_state", "SUCCESS").put("transaction_id", "42" + digits(26));
        }
        return notification("TRANSACTION.SUCCESS", "transaction", resource.toString(), key);
    }

    record Notification(Map<String, String> headers, String body) {
    }

    Notification notification(String eventType, String originalType, String resource, PrivateKey key) throws GeneralSecurityException {
        String nonce = alnum(12);
        String associated = originalType;
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        aes.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(aes.doFinal(resource.getBytes(StandardCharsets.UTF_8)));
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString()).put("create_time", now()).put("resource_type", "encrypt-resource")
                .put("event_type", eventType).put("summary", eventType.startsWith("REFUND") ? "退款成功" : "支付成功");
        envelope.putObject("resource").put("original_type", originalType).put("algorithm", "AEAD_AES_256_GCM")
                .put("ciphertext", ciphertext).put("associated_data", associated).put("nonce", nonce);
        String body = envelope.toString();
        return new Notification(signedHeaders(body, key), body);
    }

    // ------------------------------------------------------------------ signatures

    private Map<String, String> signedHeaders(String body, PrivateKey key) throws GeneralSecurityException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = alnum(32);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Wechatpay-Timestamp", timestamp);
        h.put("Wechatpay-Nonce", nonce);
        h.put("Wechatpay-Serial", publicKeyId);
        h.put("Wechatpay-Signature", sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
        h.put("Wechatpay-Signature-Type", SIGN_TYPE);
        return h;
    }

    private boolean authorized(String method, String canonicalUrl, String body, String authorization) throws GeneralSecurityException {
        if (authorization == null || !authorization.startsWith(SIGN_TYPE + " ")) {
            return false;
        }
        Map<String, String> token = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(authorization);
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        if (!mchid.equals(token.get("mchid")) || !merchantSerial.equals(token.get("serial_no"))) {
            return false;
        }
        String message = method + "\n" + canonicalUrl + "\n" + token.get("timestamp") + "\n" + token.get("nonce_str") + "\n" + body + "\n";
        return verify(merchant.getPublic(), message, token.getOrDefault("signature", ""));
    }

    private void answer(HttpServerResponse x, int status, String body) throws IOException {
        try {
            signedHeaders(body, platform.getPrivate()).forEach(x::putHeader);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        x.putHeader("Request-ID", UUID.randomUUID().toString());
        if (!body.isEmpty()) {
            x.putHeader("Content-Type", "application/json; charset=utf-8");
        }
        x.setStatusCode(status).end(body);
    }

    private String error(String code, String message) {
        return json.createObjectNode().put("code", code).put("message", message).toString();
    }

    static String sign(PrivateKey key, String message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static boolean verify(PublicKey key, String message, String signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(message.getBytes(StandardCharsets.UTF_8));
        try {
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            return false;
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String alnum(int n) {
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(a.charAt(RANDOM.nextInt(a.length())));
        }
        return b.toString();
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return b.toString();
    }

    private static String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append("0123456789ABCDEF".charAt(RANDOM.nextInt(16)));
        }
        return b.toString();
    }

    private static String now() {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0).toString();
    }

    @Override
    public void close() {
        later.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
