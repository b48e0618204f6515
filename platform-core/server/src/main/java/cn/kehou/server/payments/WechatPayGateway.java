package cn.kehou.server.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HostName;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.h5.model.H5Info;
import com.wechat.pay.java.service.payments.h5.model.SceneInfo;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.model.Payer;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * WeChat Pay (微信支付) API v3 through the official SDK (wechatpay-java): H5 and JSAPI orders, query
 * and close by out_trade_no, refunds, and notifications verified and decrypted by the SDK's
 * {@link NotificationParser}. Each merchant is an {@link RSAPublicKeyConfig} — merchant private key
 * and API v3 key by reference, WeChat Pay's public key and its id from {@link WechatPayMerchants} —
 * never the auto-certificate config, which downloads certificates from WeChat's host on its own.
 * <p>
 * The SDK's URLs are fixed to {@code https://api.mch.weixin.qq.com}; the gateway hands it an OkHttp
 * client that, when {@code kehou.payments.wechatpay.base-url} is set, sends every call there instead
 * (a local stand-in of the WeChat endpoints in tests, or an egress proxy). Request signatures cover
 * only method, path, query and body, so the rewrite leaves them valid.
 */
@ApplicationScoped
public class WechatPayGateway implements PaymentGateway {

    public static final String ID = "wechatpay";
    static final String SIGNATURE = "wechatpay-signature";
    static final String TIMESTAMP = "wechatpay-timestamp";
    static final String NONCE = "wechatpay-nonce";
    static final String SERIAL = "wechatpay-serial";
    static final String SIGNATURE_TYPE = "wechatpay-signature-type";

    @Inject
    WechatPayMerchants merchants;
    @Inject
    CurrentVertxRequest currentRequest;

    @ConfigProperty(name = "kehou.payments.wechatpay.base-url")
    Optional<URI> configuredBaseUrl;
    @ConfigProperty(name = "kehou.payments.wechatpay.timeout", defaultValue = "PT10S")
    Duration timeout;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private volatile URI baseUrlOverride;

    @Override
    public String id() {
        return ID;
    }

    /** Points the SDK at another host (tests: the local stand-in); null returns to the configured one. */
    void baseUrl(URI baseUrl) {
        this.baseUrlOverride = baseUrl;
    }

    // ------------------------------------------------------------------ orders

    /**
     * An H5 order (手机网站支付): the family pays in WeChat's page at the returned {@code h5_url}.
     * WeChat knows no transaction id until the family has paid.
     */
    @Override
    public Trade create(Merchant merchant, String outTradeNo, long amountFen, String subject, URI notifyUrl) {
        Client c = client(merchant);
        var request = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        request.setAppid(c.settings.appId());
        request.setMchid(merchant.merchantId());
        request.setDescription(subject);
        request.setOutTradeNo(outTradeNo);
        request.setNotifyUrl(notifyUrl.toString());
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(Math.toIntExact(amountFen));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        SceneInfo scene = new SceneInfo();
        scene.setPayerClientIp(payerIp());
        H5Info h5 = new H5Info();
        h5.setType("Wap");
        scene.setH5Info(h5);
        request.setSceneInfo(scene);
        String h5Url = call(() -> c.h5.prepay(request).getH5Url());
        return new Trade(outTradeNo, null, amountFen, TradeState.NOTPAY, h5Url);
    }

    /**
     * A JSAPI order (公众号/小程序支付) for the payer's {@code openid} under the merchant's appid: what
     * the page hands to {@code WeixinJSBridge.invoke('getBrandWCPayRequest', …)}, signed with the
     * merchant's key.
     */
    public PrepayWithRequestPaymentResponse createJsapi(Merchant merchant, String outTradeNo, long amountFen, String subject,
                                                        URI notifyUrl, String openid) {
        Client c = client(merchant);
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        request.setAppid(c.settings.appId());
        request.setMchid(merchant.merchantId());
        request.setDescription(subject);
        request.setOutTradeNo(outTradeNo);
        request.setNotifyUrl(notifyUrl.toString());
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(amountFen));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        Payer payer = new Payer();
        payer.setOpenid(openid);
        request.setPayer(payer);
        return call(() -> c.jsapi.prepayWithRequestPayment(request));
    }

    @Override
    public Trade query(Merchant merchant, String outTradeNo) {
        Client c = client(merchant);
        var request = new com.wechat.pay.java.service.payments.h5.model.QueryOrderByOutTradeNoRequest();
        request.setMchid(merchant.merchantId());
        request.setOutTradeNo(outTradeNo);
        try {
            Transaction t = call(() -> c.h5.queryOrderByOutTradeNo(request));
            long total = t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal();
            return new Trade(outTradeNo, t.getTransactionId(), total, state(t.getTradeState()), null);
        } catch (NotFound e) {
            return new Trade(outTradeNo, null, 0, TradeState.NOT_FOUND, null);
        }
    }

    @Override
    public Trade close(Merchant merchant, String outTradeNo) {
        Client c = client(merchant);
        var request = new com.wechat.pay.java.service.payments.h5.model.CloseOrderRequest();
        request.setMchid(merchant.merchantId());
        request.setOutTradeNo(outTradeNo);
        try {
            call(() -> {
                c.h5.closeOrder(request);
                return null;
            });
        } catch (NotFound e) {
            return new Trade(outTradeNo, null, 0, TradeState.NOT_FOUND, null);
        } catch (Failure f) {
            // ORDERPAID and the like: the trade's state decides, as for any other gateway.
            if (!f.refused()) {
                throw f;
            }
        }
        return query(merchant, outTradeNo);
    }

    // ------------------------------------------------------------------ refunds

    @Override
    public RefundTicket refund(Merchant merchant, String outTradeNo, String outRefundNo, long refundFen, URI notifyUrl) {
        Client c = client(merchant);
        // WeChat wants the order's total with every refund; it is the gateway's own record of it.
        Trade trade = query(merchant, outTradeNo);
        if (trade.state() == TradeState.NOT_FOUND) {
            throw new Failure("no trade " + outTradeNo, true);
        }
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(outTradeNo);
        request.setOutRefundNo(outRefundNo);
        request.setNotifyUrl(notifyUrl.toString());
        AmountReq amount = new AmountReq();
        amount.setRefund(refundFen);
        amount.setTotal(trade.amountFen());
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return ticket(outRefundNo, call(() -> c.refunds.create(request)));
    }

    @Override
    public RefundTicket queryRefund(Merchant merchant, String outRefundNo) {
        Client c = client(merchant);
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        try {
            return ticket(outRefundNo, call(() -> c.refunds.queryByOutRefundNo(request)));
        } catch (NotFound e) {
            return new RefundTicket(outRefundNo, null, 0, RefundState.NOT_FOUND);
        }
    }

    private static RefundTicket ticket(String outRefundNo, Refund r) {
        long fen = r.getAmount() == null || r.getAmount().getRefund() == null ? 0 : r.getAmount().getRefund();
        return new RefundTicket(outRefundNo, r.getRefundId(), fen, state(r.getStatus()));
    }

    // ------------------------------------------------------------------ notifications

    @Override
    public void authenticate(Merchant merchant, Map<String, String> headers, String body) throws Rejected {
        open(merchant, headers, body);
    }

    /** The envelope only: its resource is encrypted for the merchant, so the claim is the event type. */
    @Override
    public Event read(String body) throws Rejected {
        Event.Type type = type(envelope(body));
        return new Event(type, null, null, null, -1, null, null, -1);
    }

    /**
     * Verifies the Wechatpay-Signature over timestamp, nonce and body with WeChat Pay's public key
     * (its id must be the Wechatpay-Serial) and decrypts the AES-256-GCM resource with the API v3
     * key — both by the SDK's {@link NotificationParser} — and says what the notification proves.
     */
    @Override
    public Event open(Merchant merchant, Map<String, String> headers, String body) throws Rejected {
        Event.Type type = type(envelope(body));
        Client c;
        try {
            c = client(merchant);
        } catch (Failure f) {
            throw new Rejected("the merchant's WeChat Pay settings are incomplete: " + f.getMessage());
        }
        RequestParam param = new RequestParam.Builder()
                .serialNumber(headers.get(SERIAL))
                .signature(headers.get(SIGNATURE))
                .timestamp(headers.get(TIMESTAMP))
                .nonce(headers.get(NONCE))
                .signType(headers.get(SIGNATURE_TYPE))
                .body(body)
                .build();
        try {
            if (type == Event.Type.PAYMENT_SUCCEEDED || type == Event.Type.PAYMENT_FAILED) {
                Transaction t = c.parser.parse(param, Transaction.class);
                long total = t.getAmount() == null || t.getAmount().getTotal() == null ? -1 : t.getAmount().getTotal();
                if (type == Event.Type.PAYMENT_SUCCEEDED && t.getTradeState() != Transaction.TradeStateEnum.SUCCESS) {
                    throw new Rejected("TRANSACTION.SUCCESS for a trade in state " + t.getTradeState());
                }
                return new Event(type, t.getMchid(), t.getOutTradeNo(), t.getTransactionId(), total, null, null, -1);
            }
            RefundNotification r = c.parser.parse(param, RefundNotification.class);
            long total = r.getAmount() == null || r.getAmount().getTotal() == null ? -1 : r.getAmount().getTotal();
            long refund = r.getAmount() == null || r.getAmount().getRefund() == null ? -1 : r.getAmount().getRefund();
            // A refund's resource carries no mchid: it was encrypted with this merchant's API v3 key.
            return new Event(type, merchant.merchantId(), r.getOutTradeNo(), r.getTransactionId(), total,
                    r.getOutRefundNo(), r.getRefundId(), refund);
        } catch (ValidationException e) {
            throw new Rejected("WeChat Pay signature not verified: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) { // MalformedMessageException, a body Gson cannot read, a bad key
            throw new Rejected("WeChat Pay notification unreadable: " + firstLine(e.getMessage()));
        }
    }

    private JsonNode envelope(String body) throws Rejected {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                throw new Rejected("body is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Rejected("body is not JSON");
        }
    }

    private static Event.Type type(JsonNode envelope) throws Rejected {
        String type = envelope.path("event_type").asText();
        return switch (type) {
            case "TRANSACTION.SUCCESS" -> Event.Type.PAYMENT_SUCCEEDED;
            case "REFUND.SUCCESS" -> Event.Type.REFUND_SUCCEEDED;
            case "REFUND.ABNORMAL", "REFUND.CLOSED" -> Event.Type.REFUND_FAILED;
            default -> throw new Rejected("unknown event_type " + type);
        };
    }

    // ------------------------------------------------------------------ the SDK, per merchant

    /** One merchant's SDK objects, kept while its configuration is unchanged (a rotated key builds anew). */
    private record Client(String fingerprint, WechatPayMerchants.Settings settings, H5Service h5, JsapiServiceExtension jsapi,
                          RefundService refunds, NotificationParser parser) {
    }

    private Client client(Merchant merchant) {
        WechatPayMerchants.Settings s = merchants.of(merchant.merchantId())
                .orElseThrow(() -> new Failure("no WeChat Pay settings for merchant " + merchant.merchantId(), true));
        String privateKey = merchants.secret(s.privateKeyRef())
                .orElseThrow(() -> new Failure("no private key " + Merchants.SECRET_PREFIX + s.privateKeyRef(), true));
        String apiV3Key = new String(merchant.secret(), StandardCharsets.UTF_8);
        URI base = baseUrlOverride != null ? baseUrlOverride : configuredBaseUrl.orElse(null);
        String fingerprint = fingerprint(merchant.merchantId(), s.toString(), privateKey, apiV3Key, String.valueOf(base));
        Client cached = clients.get(merchant.merchantId());
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        return clients.compute(merchant.merchantId(), (k, current) -> {
            if (current != null && current.fingerprint().equals(fingerprint)) {
                return current;
            }
            RSAPublicKeyConfig config;
            try {
                config = new RSAPublicKeyConfig.Builder()
                        .merchantId(merchant.merchantId())
                        .privateKey(privateKey)
                        .merchantSerialNumber(s.merchantSerialNo())
                        .apiV3Key(apiV3Key)
                        .publicKey(s.publicKeyPem())
                        .publicKeyId(s.publicKeyId())
                        .build();
            } catch (RuntimeException e) {
                throw new Failure("the merchant's WeChat Pay keys are unusable: " + firstLine(e.getMessage()), true);
            }
            HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp(base)).build();
            return new Client(fingerprint, s,
                    new H5Service.Builder().httpClient(http).build(),
                    new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
                    new RefundService.Builder().httpClient(http).build(),
                    new NotificationParser(config));
        });
    }

    private OkHttpClient okHttp(URI base) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 7, TimeUnit.SECONDS))
                .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (base != null) {
            HttpUrl target = HttpUrl.get(base);
            b.addInterceptor(chain -> {
                HttpUrl url = chain.request().url();
                if (!url.host().equals(HostName.API.getValue())) {
                    return chain.proceed(chain.request());
                }
                HttpUrl moved = url.newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build();
                return chain.proceed(chain.request().newBuilder().url(moved).build());
            });
        }
        return b.build();
    }

    // ------------------------------------------------------------------ errors

    /** WeChat answered 404 (ORDER_NOT_EXIST, RESOURCE_NOT_EXISTS): there is no such trade or refund. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private interface SdkCall<T> {
        T run();
    }

    /**
     * An SDK call with its failures as the platform reads them: WeChat's 4xx refusals will not
     * succeed on retry (except rate limiting), a network failure, a 5xx or a response whose
     * signature does not verify may.
     */
    private static <T> T call(SdkCall<T> call) {
        try {
            return call.run();
        } catch (ServiceException e) {
            int status = e.getHttpStatusCode();
            if (status == 404 || "ORDER_NOT_EXIST".equals(e.getErrorCode()) || "RESOURCE_NOT_EXISTS".equals(e.getErrorCode())) {
                throw new NotFound();
            }
            boolean refused = status >= 400 && status < 500 && status != 429;
            throw new Failure("WeChat Pay answered " + status + " " + e.getErrorCode() + ": " + e.getErrorMessage(), refused);
        } catch (HttpException e) {
            throw new Failure("WeChat Pay unreachable: " + firstLine(e.getMessage()), false);
        } catch (ValidationException e) {
            throw new Failure("WeChat Pay's response signature did not verify", false);
        } catch (WechatPayException e) {
            throw new Failure("WeChat Pay: " + firstLine(e.getMessage()), false);
        }
    }

    // ------------------------------------------------------------------ mapping

    private static TradeState state(Transaction.TradeStateEnum s) {
        if (s == null) {
            return TradeState.NOTPAY;
        }
        return switch (s) {
            case SUCCESS, REFUND -> TradeState.SUCCESS;
            case NOTPAY, USERPAYING, ACCEPT -> TradeState.NOTPAY;
            case PAYERROR -> TradeState.PAYERROR;
            case CLOSED, REVOKED -> TradeState.CLOSED;
        };
    }

    private static RefundState state(Status s) {
        if (s == null) {
            return RefundState.PROCESSING;
        }
        return switch (s) {
            case SUCCESS -> RefundState.SUCCESS;
            case PROCESSING -> RefundState.PROCESSING;
            case ABNORMAL, CLOSED -> RefundState.ABNORMAL;
        };
    }

    /** H5 orders name the payer's IP (WeChat checks it against the paying device); a job has none. */
    private String payerIp() {
        if (Arc.container().requestContext().isActive()) {
            RoutingContext rc = currentRequest.getCurrent();
            if (rc != null && rc.request().remoteAddress() != null) {
                return rc.request().remoteAddress().hostAddress();
            }
        }
        return "127.0.0.1";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
