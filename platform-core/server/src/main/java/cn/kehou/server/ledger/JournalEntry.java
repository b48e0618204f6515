package cn.kehou.server.ledger;

import java.util.List;
import java.util.Objects;

/**
 * One balanced movement of money: lines whose debits equal their credits, a stable idempotency key
 * (the same cause posted twice is posted once), and the cause it records. A correction is a new
 * entry that reverses an old one — nothing is ever updated or deleted.
 */
public record JournalEntry(String idempotencyKey, String causeType, String causeId, String memo, List<Line> lines) {

    /** One side of one account: exactly one of debit or credit is positive. */
    public record Line(String account, long debitFen, long creditFen) {
        public Line {
            Account.kindOf(Objects.requireNonNull(account, "account"));
            if (debitFen < 0 || creditFen < 0 || (debitFen == 0) == (creditFen == 0)) {
                throw new IllegalArgumentException("a line debits or credits a positive amount: " + account);
            }
        }

        public static Line debit(String account, Money amount) {
            return new Line(account, amount.fen(), 0);
        }

        public static Line credit(String account, Money amount) {
            return new Line(account, 0, amount.fen());
        }

        public long signed() {
            return debitFen - creditFen;
        }
    }

    public JournalEntry {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("an entry needs an idempotency key");
        }
        Objects.requireNonNull(causeType, "causeType");
        Objects.requireNonNull(causeId, "causeId");
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two lines");
        }
        long sum = lines.stream().mapToLong(Line::signed).reduce(0, Math::addExact);
        if (sum != 0) {
            throw new IllegalArgumentException("unbalanced entry " + idempotencyKey + ": debits − credits = " + sum);
        }
    }

    /** The entry that undoes this one, line for line. */
    public JournalEntry reversal(String key, String memo) {
        return new JournalEntry(key, "reversal", idempotencyKey, memo,
                lines.stream().map(l -> new Line(l.account(), l.creditFen(), l.debitFen())).toList());
    }
}
