package cn.kehou.server.ledger;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger's rules without the database: what a posting does to balances and when it is refused.
 * {@link Ledger} applies the same rules to the rows it locks; property tests run them over random
 * sequences.
 */
public final class Books {

    private final Map<String, Long> balances = new TreeMap<>();
    private final Map<String, String> postedKeys = new HashMap<>();

    public enum Outcome { POSTED, REPLAYED, KEY_REUSED, OVERDRAWN }

    /** The account that {@code entry} would overdraw, given the accounts' current balances. */
    public static Optional<String> overdrawn(Map<String, Long> current, JournalEntry entry) {
        Map<String, Long> after = new TreeMap<>();
        entry.lines().forEach(l -> after.merge(l.account(), l.signed(), Math::addExact));
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long balance = Math.addExact(current.getOrDefault(e.getKey(), 0L), e.getValue());
            if (Account.kindOf(e.getKey()).normalBalance(balance) < 0) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    public Outcome post(JournalEntry entry) {
        String hash = Ledger.contentHash(entry);
        String seen = postedKeys.get(entry.idempotencyKey());
        if (seen != null) {
            return seen.equals(hash) ? Outcome.REPLAYED : Outcome.KEY_REUSED;
        }
        if (overdrawn(balances, entry).isPresent()) {
            return Outcome.OVERDRAWN;
        }
        entry.lines().forEach(l -> balances.merge(l.account(), l.signed(), Math::addExact));
        postedKeys.put(entry.idempotencyKey(), hash);
        return Outcome.POSTED;
    }

    public Map<String, Long> balances() {
        return Collections.unmodifiableMap(balances);
    }

    public long trialBalance() {
        return balances.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
