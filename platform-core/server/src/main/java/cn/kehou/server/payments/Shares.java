package cn.kehou.server.payments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount by whole-percent shares (FundsRoute), exactly: each share gets its floor and the
 * fen left over go one by one to the shares in the order given, so the parts always add up.
 */
public final class Shares {

    private Shares() {
    }

    public record Part(String account, int percent) {
    }

    public static Map<String, Long> split(long amountFen, List<Part> parts) {
        Map<String, Long> out = new LinkedHashMap<>();
        long given = 0;
        for (Part p : parts) {
            long share = Math.multiplyExact(amountFen, p.percent()) / 100;
            out.merge(p.account(), share, Long::sum);
            given += share;
        }
        long left = amountFen - given;
        for (int i = 0; left > 0; i = (i + 1) % parts.size(), left--) {
            out.merge(parts.get(i).account(), 1L, Long::sum);
        }
        return out;
    }
}
