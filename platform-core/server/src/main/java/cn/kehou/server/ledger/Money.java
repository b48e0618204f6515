package cn.kehou.server.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of renminbi in fen (分). Never a floating-point number near money. */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** "200.00" or "200" → 20000 fen; more than two decimals is refused rather than rounded. */
    public static Money ofYuan(String yuan) {
        BigDecimal v = new BigDecimal(yuan.strip());
        if (v.scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + yuan);
        }
        return new Money(v.movePointRight(2).longValueExact());
    }

    public Money plus(Money o) {
        return new Money(Math.addExact(fen, o.fen));
    }

    public Money minus(Money o) {
        return new Money(Math.subtractExact(fen, o.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    /** Yuan with two decimals, e.g. "200.00" (formatting with ¥ is the portal's job). */
    public String yuan() {
        return BigDecimal.valueOf(fen, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return yuan() + " CNY";
    }
}
