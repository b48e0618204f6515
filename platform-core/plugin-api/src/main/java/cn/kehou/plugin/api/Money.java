package cn.kehou.plugin.api;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money in this API is CNY as {@code long} fen (分), never {@code double}. Config and messages
 * write yuan ("200.00"); these two functions convert exactly.
 */
public final class Money {

    private static final Pattern YUAN = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private Money() {
    }

    /** "200.01" → 20001. Refuses negatives, more than two decimals and exponents. */
    public static long fenOf(String yuan) {
        if (yuan == null || !YUAN.matcher(yuan.strip()).matches()) {
            throw new IllegalArgumentException("not an amount in yuan with at most 2 decimals: " + yuan);
        }
        return new BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
    }

    /** 20001 → "200.01". */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }
}
