package cn.kehou.server.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's rules over random sequences of charges, payments, settlements, refunds and reversals. */
class BooksPropertiesTest {

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 300)
    void the_books_always_balance_no_account_leaves_its_range_and_replaying_changes_nothing(@ForAll("seeds") long seed) {
        Books books = new Books();
        List<JournalEntry> posted = new ArrayList<>();
        List<LedgerScenario.Event> events = LedgerScenario.random(seed, 60);
        for (int i = 0; i < events.size(); i++) {
            JournalEntry entry = LedgerScenario.entry(events.get(i), i, posted);
            if (entry == null) {
                continue;
            }
            Books.Outcome outcome = books.post(entry);
            assertThat(outcome).isIn(Books.Outcome.POSTED, Books.Outcome.OVERDRAWN, Books.Outcome.REPLAYED);
            if (outcome == Books.Outcome.POSTED) {
                posted.add(entry);
            }
            assertThat(books.trialBalance()).isZero();
            books.balances().forEach((account, balance) ->
                    assertThat(Account.kindOf(account).normalBalance(balance)).as(account).isNotNegative());
        }
        Map<String, Long> before = new TreeMap<>(books.balances());
        for (JournalEntry entry : posted) {
            assertThat(books.post(entry)).isEqualTo(Books.Outcome.REPLAYED);
        }
        assertThat(books.balances()).isEqualTo(before);
    }

    @Property(tries = 100)
    void the_same_key_with_other_content_is_refused(@ForAll("seeds") long seed) {
        Books books = new Books();
        JournalEntry first = LedgerScenario.entry(new LedgerScenario.Charge(0, 0, 10_000 + Math.floorMod(seed, 1000), 0), 1, List.of());
        JournalEntry other = LedgerScenario.entry(new LedgerScenario.Charge(1, 0, 20_000, 0), 1, List.of());
        assertThat(books.post(first)).isEqualTo(Books.Outcome.POSTED);
        assertThat(books.post(other)).isEqualTo(Books.Outcome.KEY_REUSED);
    }
}
