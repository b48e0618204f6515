package cn.kehou.server.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A payment gateway that runs inside the server for local runs and tests, and behaves like a real
 * one: trades and refunds are idempotent on the merchant's numbers; the family pays in the
 * gateway's cashier ({@link #payerPays}); outcomes arrive as HMAC-signed notifications POSTed over
 * HTTP to the notify URL the merchant gave, asynchronously, retried with exponential back-off until
 * the merchant answers SUCCESS; and {@link #query} tells the truth whatever was delivered. For
 * tests, {@link Chaos} makes it deliver every notification several times in shuffled order, lose
 * deliveries, stay silent, or fail refunds. Enabled only with {@code kehou.payments.local-sim.enabled}
 * (demo data): production has no simulator.
 */
@ApplicationScoped
public class LocalGatewaySimulator implements PaymentGateway {

    public static final String ID = "local-sim";
    static final String SIGNATURE = "kehou-pay-signature";
    static final String TIMESTAMP = "kehou-pay-timestamp";
    static final String NONCE = "kehou-pay-nonce";
    public static final String CASHIER_PATH = "/api/public/payments/local-sim/cashier/";

    private static final Logger LOG = Logger.getLogger(LocalGatewaySimulator.class);

    @ConfigProperty(name = "kehou.payments.local-sim.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "kehou.payments.local-sim.retry-base", defaultValue = "PT2S")
    Duration retryBase;
    @ConfigProperty(name = "kehou.payments.local-sim.max-attempts", defaultValue = "8")
    int maxAttempts;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, TradeRecord> trades = new ConcurrentHashMap<>();
    private final Map<String, TradeRecord> byTransaction = new ConcurrentHashMap<>();
    private final Map<String, RefundRecord> refunds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deliveries = Executors.newScheduledThreadPool(8, r -> {
        Thread t = new Thread(r, "local-sim-notify");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private volatile Chaos chaos = Chaos.NONE;
    private Random random = new Random(1);

    /**
     * How deliveries misbehave: each notification goes out {@code copies} times, each copy after a
     * random delay up to {@code spread} (so copies of different notifications interleave); every
     * attempt is lost with probability {@code lossRate} (and retried with back-off); {@code silent}
     * loses them all; {@code refundsFail} makes the bank bounce every refund.
     */
    public record Chaos(int copies, double lossRate, Duration spread, boolean silent, boolean refundsFail, long seed) {
        public static final Chaos NONE = new Chaos(1, 0, Duration.ZERO, false, false, 1);
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public String id() {
        return ID;
    }

    public synchronized void chaos(Chaos chaos) {
        this.chaos = chaos;
        this.random = new Random(chaos.seed());
    }

    // ------------------------------------------------------------------ the gateway's API

    @Override
    public Trade create(Merchant merchant, String outTradeNo, long amountFen, String subject, URI notifyUrl) {
        requireEnabled();
        TradeRecord t = trades.computeIfAbsent(key(merchant.merchantId(), outTradeNo), k -> {
            TradeRecord n = new TradeRecord(merchant, outTradeNo, "4200" + Math.abs(UUID.randomUUID().getMostSignificantBits()),
                    amountFen, notifyUrl);
            byTransaction.put(n.transactionId, n);
            return n;
        });
        if (t.amountFen != amountFen) {
            throw new Failure("out_trade_no " + outTradeNo + " was opened for " + t.amountFen + " fen", true);
        }
        return t.view();
    }

    @Override
    public Trade query(Merchant merchant, String outTradeNo) {
        requireEnabled();
        TradeRecord t = trades.get(key(merchant.merchantId(), outTradeNo));
        return t == null ? new Trade(outTradeNo, null, 0, TradeState.NOT_FOUND, null) : t.view();
    }

    @Override
    public Trade close(Merchant merchant, String outTradeNo) {
        requireEnabled();
        TradeRecord t = trades.get(key(merchant.merchantId(), outTradeNo));
        if (t == null) {
            return new Trade(outTradeNo, null, 0, TradeState.NOT_FOUND, null);
        }
        synchronized (t) {
            if (t.state == TradeState.NOTPAY || t.state == TradeState.PAYERROR) {
                t.state = TradeState.CLOSED;
            }
            return t.view();
        }
    }

    @Override
    public RefundTicket refund(Merchant merchant, String outTradeNo, String outRefundNo, long refundFen, URI notifyUrl) {
        requireEnabled();
        TradeRecord t = trades.get(key(merchant.merchantId(), outTradeNo));
        if (t == null) {
            throw new Failure("no trade " + outTradeNo, true);
        }
        RefundRecord existing = refunds.get(key(merchant.merchantId(), outRefundNo));
        if (existing != null) {
            if (existing.amountFen != refundFen) {
                throw new Failure("out_refund_no " + outRefundNo + " was used for " + existing.amountFen + " fen", true);
            }
            return existing.view();
        }
        RefundRecord r;
        synchronized (t) {
            if (t.state != TradeState.SUCCESS) {
                throw new Failure("trade " + outTradeNo + " is " + t.state + ", not paid", true);
            }
            if (t.refundedFen + refundFen > t.amountFen) {
                throw new Failure("refunds would exceed the paid " + t.amountFen + " fen", true);
            }
            t.refundedFen += refundFen;
            r = new RefundRecord(t, outRefundNo, "5030" + Math.abs(UUID.randomUUID().getMostSignificantBits()), refundFen, notifyUrl);
            refunds.put(key(merchant.merchantId(), outRefundNo), r);
        }
        // The bank takes a moment to return the money.
        deliveries.schedule(() -> settleRefund(r), 20, TimeUnit.MILLISECONDS);
        return r.view();
    }

    @Override
    public RefundTicket queryRefund(Merchant merchant, String outRefundNo) {
        requireEnabled();
        RefundRecord r = refunds.get(key(merchant.merchantId(), outRefundNo));
        return r == null ? new RefundTicket(outRefundNo, null, 0, RefundState.NOT_FOUND) : r.view();
    }

    @Override
    public void authenticate(Merchant merchant, Map<String, String> headers, String body) throws Rejected {
        String signature = headers.get(SIGNATURE);
        String timestamp = headers.get(TIMESTAMP);
        String nonce = headers.get(NONCE);
        if (signature == null || timestamp == null || nonce == null) {
            throw new Rejected("unsigned: missing " + SIGNATURE + ", " + TIMESTAMP + " or " + NONCE);
        }
        byte[] expected = mac(merchant.secret(), timestamp, nonce, body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected("signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Rejected("bad signature");
        }
    }

    @Override
    public Event read(String body) throws Rejected {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Rejected("body is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new Rejected("body is not a JSON object");
        }
        Event.Type type = switch (n.path("eventType").asText()) {
            case "TRANSACTION.SUCCESS" -> Event.Type.PAYMENT_SUCCEEDED;
            case "TRANSACTION.PAYERROR" -> Event.Type.PAYMENT_FAILED;
            case "REFUND.SUCCESS" -> Event.Type.REFUND_SUCCEEDED;
            case "REFUND.ABNORMAL" -> Event.Type.REFUND_FAILED;
            default -> throw new Rejected("unknown eventType " + n.path("eventType").asText());
        };
        return new Event(type, text(n, "merchantId"), text(n, "outTradeNo"), text(n, "transactionId"),
                n.path("amountFen").asLong(-1), text(n, "outRefundNo"), text(n, "refundId"), n.path("refundFen").asLong(-1));
    }

    // ------------------------------------------------------------------ the family, at the cashier

    /** What the cashier shows for a transaction: the merchant it pays and the trade; empty if unknown. */
    public java.util.Optional<AtCashier> atCashier(String transactionId) {
        requireEnabled();
        TradeRecord t = byTransaction.get(transactionId);
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(new AtCashier(t.merchant.merchantId(), t.view()));
    }

    public record AtCashier(String merchantId, Trade trade) {
    }

    /** The family pays the trade in the gateway's cashier; the gateway then notifies the merchant. */
    public Trade payerPays(String transactionId) {
        return payerActs(transactionId, true);
    }

    /** The family's payment fails (card declined…); the trade may be paid again later. */
    public Trade payerFails(String transactionId) {
        return payerActs(transactionId, false);
    }

    private Trade payerActs(String transactionId, boolean pays) {
        requireEnabled();
        TradeRecord t = byTransaction.get(transactionId);
        if (t == null) {
            throw new Failure("no transaction " + transactionId, true);
        }
        synchronized (t) {
            if (t.state != TradeState.NOTPAY && t.state != TradeState.PAYERROR) {
                return t.view();
            }
            t.state = pays ? TradeState.SUCCESS : TradeState.PAYERROR;
        }
        notify(t.merchant, t.notifyUrl, event(pays ? "TRANSACTION.SUCCESS" : "TRANSACTION.PAYERROR", t, null));
        return t.view();
    }

    private void settleRefund(RefundRecord r) {
        boolean fails = chaos.refundsFail();
        synchronized (r.trade) {
            r.state = fails ? RefundState.ABNORMAL : RefundState.SUCCESS;
            if (fails) {
                r.trade.refundedFen -= r.amountFen;
            }
        }
        notify(r.trade.merchant, r.notifyUrl, event(fails ? "REFUND.ABNORMAL" : "REFUND.SUCCESS", r.trade, r));
    }

    // ------------------------------------------------------------------ notifications

    /** A signed notification as the gateway would send it: headers and body. */
    public record Notification(Map<String, String> headers, String body) {
    }

    /** Signs {@code body} with {@code secret} as this gateway does (tests forge with it, too). */
    public static Notification signed(byte[] secret, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = Base64.getEncoder().encodeToString(mac(secret, timestamp, nonce, body));
        return new Notification(Map.of(TIMESTAMP, timestamp, NONCE, nonce, SIGNATURE, signature), body);
    }

    private String event(String type, TradeRecord t, RefundRecord r) {
        ObjectNode n = json.createObjectNode();
        n.put("id", UUID.randomUUID().toString());
        n.put("eventType", type);
        n.put("merchantId", t.merchant.merchantId());
        n.put("outTradeNo", t.outTradeNo);
        n.put("transactionId", t.transactionId);
        n.put("amountFen", t.amountFen);
        if (r != null) {
            n.put("outRefundNo", r.outRefundNo);
            n.put("refundId", r.refundId);
            n.put("refundFen", r.amountFen);
        }
        n.put("occurredAt", Instant.now().toString());
        return n.toString();
    }

    private void notify(Merchant merchant, URI url, String body) {
        Chaos c = chaos;
        if (c.silent()) {
            LOG.debugf("local-sim: notification to %s lost (silent)", url);
            return;
        }
        for (int copy = 0; copy < Math.max(1, c.copies()); copy++) {
            long delay = c.spread().isZero() ? 5 : 5 + nextLong(c.spread().toMillis());
            inFlight.incrementAndGet();
            deliveries.schedule(() -> attempt(merchant, url, body, 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(Merchant merchant, URI url, String body, int attempt) {
        boolean done = false;
        try {
            if (nextDouble() < chaos.lossRate()) {
                throw new java.io.IOException("lost on the way (chaos)");
            }
            Notification n = signed(merchant.secret(), body);
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            n.headers().forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            done = response.statusCode() == 200 && response.body().contains("SUCCESS");
            if (!done) {
                LOG.debugf("local-sim: %s answered %d %s", url, response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            LOG.debugf("local-sim: delivery %d to %s failed: %s", attempt, url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "local-sim: delivery to %s failed", url);
        }
        if (done) {
            delivered.incrementAndGet();
            inFlight.decrementAndGet();
        } else if (attempt >= maxAttempts) {
            // A real gateway gives up too; the merchant's reconciliation must ask (query).
            abandoned.incrementAndGet();
            inFlight.decrementAndGet();
        } else {
            long backOff = Math.min(retryBase.toMillis() << Math.min(attempt - 1, 16), Duration.ofHours(1).toMillis());
            deliveries.schedule(() -> attempt(merchant, url, body, attempt + 1), backOff, TimeUnit.MILLISECONDS);
        }
    }

    /** Waits until no notification is waiting to be delivered or retried; false on timeout. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Notifications the merchant acknowledged, and those given up after the last retry. */
    public record DeliveryCount(long delivered, long abandoned, int inFlight) {
    }

    public DeliveryCount deliveries() {
        return new DeliveryCount(delivered.get(), abandoned.get(), inFlight.get());
    }

    @PreDestroy
    void stop() {
        deliveries.shutdownNow();
    }

    // ------------------------------------------------------------------ state

    private final class TradeRecord {
        final Merchant merchant;
        final String outTradeNo;
        final String transactionId;
        final long amountFen;
        final URI notifyUrl;
        TradeState state = TradeState.NOTPAY;
        long refundedFen;

        TradeRecord(Merchant merchant, String outTradeNo, String transactionId, long amountFen, URI notifyUrl) {
            this.merchant = merchant;
            this.outTradeNo = outTradeNo;
            this.transactionId = transactionId;
            this.amountFen = amountFen;
            this.notifyUrl = notifyUrl;
        }

        synchronized Trade view() {
            String payUrl = notifyUrl.resolve(CASHIER_PATH + transactionId).toString();
            return new Trade(outTradeNo, transactionId, amountFen, state, payUrl);
        }
    }

    private static final class RefundRecord {
        final TradeRecord trade;
        final String outRefundNo;
        final String refundId;
        final long amountFen;
        final URI notifyUrl;
        volatile RefundState state = RefundState.PROCESSING;

        RefundRecord(TradeRecord trade, String outRefundNo, String refundId, long amountFen, URI notifyUrl) {
            this.trade = trade;
            this.outRefundNo = outRefundNo;
            this.refundId = refundId;
            this.amountFen = amountFen;
            this.notifyUrl = notifyUrl;
        }

        RefundTicket view() {
            return new RefundTicket(outRefundNo, refundId, amountFen, state);
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new Failure("the local gateway simulator is disabled (kehou.payments.local-sim.enabled)", true);
        }
    }

    private synchronized long nextLong(long bound) {
        return bound <= 0 ? 0 : (long) (random.nextDouble() * bound);
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private static String key(String merchantId, String number) {
        return merchantId + "|" + number;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] mac(byte[] secret, String timestamp, String nonce, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
