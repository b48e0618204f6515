package cn.kehou.server.payments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sessions a term's fee pays for: every service day from the service's first to its last date,
 * except the term's holidays. Refunds count sessions (FundsFlow.refund), so this is the one place
 * that says what a session is. Until attendance is recorded, a session is delivered when its day
 * has passed and the school did not call it off.
 */
public final class Sessions {

    private Sessions() {
    }

    /** The service's session days, in order. */
    public static List<LocalDate> of(LocalDate from, LocalDate to, Set<DayOfWeek> days, List<Map<String, String>> holidays) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek()) && !inHoliday(d, holidays)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Sessions the family receives: those not cancelled and, once the family withdrew, those before
     * the withdrawal day (a session on that day is not counted as delivered: it favours the family).
     */
    public static int delivered(List<LocalDate> sessions, Collection<LocalDate> cancelled, LocalDate withdrawnOn) {
        int n = 0;
        for (LocalDate d : sessions) {
            if (!cancelled.contains(d) && (withdrawnOn == null || d.isBefore(withdrawnOn))) {
                n++;
            }
        }
        return n;
    }

    private static boolean inHoliday(LocalDate d, List<Map<String, String>> holidays) {
        if (holidays == null) {
            return false;
        }
        for (Map<String, String> h : holidays) {
            String from = h.get("from");
            String to = h.get("to");
            if (from != null && to != null && !d.isBefore(LocalDate.parse(from)) && !d.isAfter(LocalDate.parse(to))) {
                return true;
            }
        }
        return false;
    }
}
