package cn.kehou.server.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Money movements of the kind the platform posts — a term's charge with a waiver, a payment, a
 * settlement into the collecting account, a refund and its payout, a reversal — generated at random
 * for property and replay tests.
 */
final class LedgerScenario {

    sealed interface Event permits Charge, Payment, Settlement, Refund, Reversal {
    }

    /** A family is charged for a school's basic care; the government pays the waived part. */
    record Charge(int family, int school, long priceFen, long waiverFen) implements Event {
    }

    record Payment(int family, long fen) implements Event {
    }

    record Settlement(long fen) implements Event {
    }

    /** Refund owed for undelivered sessions (多退少补), then paid out through the gateway. */
    record Refund(int school, long fen, boolean paidOut) implements Event {
    }

    /** Reverse the n-th entry posted so far. */
    record Reversal(int nth) implements Event {
    }

    static List<Event> random(long seed, int count) {
        Random r = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long amount = 1 + r.nextInt(50_000);
            events.add(switch (r.nextInt(5)) {
                case 0 -> new Charge(r.nextInt(4), r.nextInt(3), amount, r.nextBoolean() ? r.nextInt((int) amount) : 0);
                case 1 -> new Payment(r.nextInt(4), amount);
                case 2 -> new Settlement(amount);
                case 3 -> new Refund(r.nextInt(3), amount, r.nextBoolean());
                default -> new Reversal(r.nextInt(8));
            });
        }
        return events;
    }

    /** The entry for event number {@code i}; reversals refer to earlier entries. */
    static JournalEntry entry(Event e, int i, List<JournalEntry> earlier) {
        String key = "scenario-" + i;
        if (e instanceof Charge c) {
            List<JournalEntry.Line> lines = new ArrayList<>();
            if (c.priceFen() - c.waiverFen() > 0) {
                lines.add(JournalEntry.Line.debit(Account.PARENT_RECEIVABLE.code("family" + c.family()),
                        Money.ofFen(c.priceFen() - c.waiverFen())));
            }
            if (c.waiverFen() > 0) {
                lines.add(JournalEntry.Line.debit(Account.GOVERNMENT_RECEIVABLE.name(), Money.ofFen(c.waiverFen())));
            }
            lines.add(JournalEntry.Line.credit(Account.SCHOOL_PAYABLE.code("school" + c.school()), Money.ofFen(c.priceFen())));
            return new JournalEntry(key, "charge", "order-" + i, "term fee", lines);
        }
        if (e instanceof Payment p) {
            return new JournalEntry(key, "payment", "txn-" + i, "gateway notification", List.of(
                    JournalEntry.Line.debit(Account.GATEWAY_CLEARING.name(), Money.ofFen(p.fen())),
                    JournalEntry.Line.credit(Account.PARENT_RECEIVABLE.code("family" + p.family()), Money.ofFen(p.fen()))));
        }
        if (e instanceof Settlement s) {
            return new JournalEntry(key, "settlement", "batch-" + i, "gateway settles", List.of(
                    JournalEntry.Line.debit(Account.COLLECTING.name(), Money.ofFen(s.fen())),
                    JournalEntry.Line.credit(Account.GATEWAY_CLEARING.name(), Money.ofFen(s.fen()))));
        }
        if (e instanceof Refund f) {
            return f.paidOut()
                    ? new JournalEntry(key, "refund-paid", "refund-" + i, "refund paid out", List.of(
                            JournalEntry.Line.debit(Account.REFUNDS_PAYABLE.name(), Money.ofFen(f.fen())),
                            JournalEntry.Line.credit(Account.COLLECTING.name(), Money.ofFen(f.fen()))))
                    : new JournalEntry(key, "refund", "refund-" + i, "refund owed", List.of(
                            JournalEntry.Line.debit(Account.SCHOOL_PAYABLE.code("school" + f.school()), Money.ofFen(f.fen())),
                            JournalEntry.Line.credit(Account.REFUNDS_PAYABLE.name(), Money.ofFen(f.fen()))));
        }
        Reversal v = (Reversal) e;
        return earlier.isEmpty() ? null : earlier.get(v.nth() % earlier.size()).reversal(key, "correction");
    }

    private LedgerScenario() {
    }
}
