package cn.kehou.server.enrollment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What withdrawing would give back, asked before the family confirms (participation is voluntary:
 * withdrawing is always possible, and the family should know the money side first). Payments
 * answers it with the same rule it settles a withdrawal by; enrollment only states the question,
 * so it needs nothing of payments.
 */
public interface WithdrawalQuotes {

    /**
     * @param chargedFen       what the family was charged for the term (after waivers)
     * @param paidFen          what the family has paid of it
     * @param refundFen        what would be refunded to the family
     * @param noLongerDueFen   what the family owes now and would no longer owe
     * @param sessionsTotal    the term's sessions
     * @param sessionsDelivered sessions counted as delivered if the family withdraws on that day
     * @param pluginId         the region's plugin whose refund rule computed it
     */
    record Quote(long chargedFen, long paidFen, long refundFen, long noLongerDueFen, int sessionsTotal,
                 int sessionsDelivered, String pluginId) {
    }

    /** Empty when nothing has been billed for the application yet. */
    Optional<Quote> quote(Application application, LocalDate withdrawOn);
}
