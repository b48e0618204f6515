package cn.kehou.plugin.api;

/** A family stops or service is cut short: what was paid and how many sessions of those paid for ran. */
public record RefundRequest(ServiceKind kind, long paidFen, int sessionsPaid, int sessionsDelivered) {

    public RefundRequest {
        Require.present(kind, "kind");
        Require.notNegative(paidFen, "paidFen");
        if (sessionsPaid < 1 || sessionsDelivered < 0 || sessionsDelivered > sessionsPaid) {
            throw new IllegalArgumentException("need 0 ≤ delivered ≤ paid, paid ≥ 1: " + sessionsDelivered + "/" + sessionsPaid);
        }
    }
}
