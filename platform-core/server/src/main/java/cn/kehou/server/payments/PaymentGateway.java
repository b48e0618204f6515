package cn.kehou.server.payments;

import java.net.URI;
import java.util.Map;

/**
 * A payment gateway as the platform uses one (WeChat Pay, Alipay, a bank's aggregator…): open a
 * trade the family pays in the gateway's own cashier, learn the outcome from the gateway's
 * asynchronous notifications or by asking, and refund against a paid trade. Every call is
 * idempotent on the merchant's own numbers (out_trade_no, out_refund_no), as real gateways are.
 */
public interface PaymentGateway {

    /** The gateway's id in config, URLs and ledger accounts (GATEWAY_CLEARING:&lt;id&gt;). */
    String id();

    /** The merchant's account at the gateway and the key shared with it (never stored by Kehou). */
    record Merchant(String merchantId, byte[] secret) {
    }

    enum TradeState {
        /** Opened, the family has not paid (yet). */
        NOTPAY,
        SUCCESS,
        /** The family's payment failed; the trade may still be paid again. */
        PAYERROR,
        CLOSED,
        /** The gateway has no such trade. */
        NOT_FOUND
    }

    record Trade(String outTradeNo, String transactionId, long amountFen, TradeState state, String payUrl) {
    }

    enum RefundState { PROCESSING, SUCCESS, ABNORMAL, NOT_FOUND }

    record RefundTicket(String outRefundNo, String refundId, long amountFen, RefundState state) {
    }

    /** What a verified notification says happened. */
    record Event(Type type, String merchantId, String outTradeNo, String transactionId, long amountFen,
                 String outRefundNo, String refundId, long refundFen) {

        public enum Type { PAYMENT_SUCCEEDED, PAYMENT_FAILED, REFUND_SUCCEEDED, REFUND_FAILED }

        /** The id that makes this event unique at the gateway: the transaction's, or the refund's. */
        public String key() {
            return type == Type.REFUND_SUCCEEDED || type == Type.REFUND_FAILED ? refundId : transactionId;
        }
    }

    /** A notification that is not what it claims: bad or missing signature, unreadable body. */
    final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }

    /** The gateway refused a call or could not be reached; {@code refused} when retrying will not help. */
    final class Failure extends RuntimeException {
        private final boolean refused;

        public Failure(String message, boolean refused) {
            super(message);
            this.refused = refused;
        }

        public boolean refused() {
            return refused;
        }
    }

    /** Opens a trade for {@code amountFen}; the same out_trade_no and amount return the same trade. */
    Trade create(Merchant merchant, String outTradeNo, long amountFen, String subject, URI notifyUrl);

    Trade query(Merchant merchant, String outTradeNo);

    /** Closes an unpaid trade so it can no longer be paid. */
    Trade close(Merchant merchant, String outTradeNo);

    RefundTicket refund(Merchant merchant, String outTradeNo, String outRefundNo, long refundFen, URI notifyUrl);

    RefundTicket queryRefund(Merchant merchant, String outRefundNo);

    /**
     * Proves that a notification as delivered (headers lower-cased, raw body) comes from the gateway
     * for this merchant — its signature under the merchant's key — or refuses it as {@link Rejected}.
     */
    void authenticate(Merchant merchant, Map<String, String> headers, String body) throws Rejected;

    /**
     * What a notification's body claims, read without trusting it: the receiver files it under this
     * claim before {@link #authenticate} and checks the order and the amount against its own records.
     */
    Event read(String body) throws Rejected;

    /**
     * Authenticates a notification and returns what it proves happened. Gateways that encrypt the
     * body for the merchant (WeChat Pay's AES-GCM resource) can only say so here, with the merchant's
     * key; {@link #read} then knows little more than the event type.
     */
    default Event open(Merchant merchant, Map<String, String> headers, String body) throws Rejected {
        authenticate(merchant, headers, body);
        return read(body);
    }
}
