package cn.kehou.plugin.api;

import java.util.Arrays;
import java.util.List;

/**
 * The answer to a {@link FeeRequest}. When allowed, {@code priceFen} is the approved term price,
 * {@code chargeFen} what the family pays and the waivers the rest: price = charge + Σ waivers,
 * so a reduction is always booked to someone. When refused, all amounts are zero.
 */
public record FeeDecision(boolean allowed, List<Reason> reasons, long priceFen, long chargeFen, List<Waiver> waivers) {

    public FeeDecision {
        reasons = List.copyOf(Require.noNulls(reasons, "reasons"));
        waivers = List.copyOf(Require.noNulls(waivers, "waivers"));
        Require.notNegative(chargeFen, "chargeFen");
        long waived = waivers.stream().mapToLong(Waiver::amountFen).sum();
        if (priceFen != chargeFen + waived) {
            throw new IllegalArgumentException("price " + priceFen + " ≠ charge " + chargeFen + " + waivers " + waived);
        }
        if (!allowed && (reasons.isEmpty() || priceFen != 0)) {
            throw new IllegalArgumentException("a refused fee has reasons and no amounts");
        }
    }

    /** The price is allowed; the family pays it less the waivers. */
    public static FeeDecision accept(long priceFen, List<Waiver> waivers, Reason... notes) {
        long waived = waivers.stream().mapToLong(Waiver::amountFen).sum();
        return new FeeDecision(true, Arrays.asList(notes), priceFen, priceFen - waived, waivers);
    }

    public static FeeDecision refuse(List<Reason> reasons) {
        return new FeeDecision(false, reasons, 0, 0, List.of());
    }

    public Decision decision() {
        return new Decision(allowed, reasons);
    }
}
