package cn.kehou.server.payments;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsAndSharesTest {

    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void a_term_counts_its_service_days_without_the_holidays() {
        // 2026-09-28 (Mon) to 2026-10-09 (Fri): ten weekdays, five of them in the National Day holiday.
        List<LocalDate> sessions = Sessions.of(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 9), WEEKDAYS,
                List.of(Map.of("name", "国庆节", "from", "2026-10-01", "to", "2026-10-07")));
        assertThat(sessions).containsExactly(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 9));
    }

    @Test
    void a_session_is_delivered_before_the_withdrawal_day_and_never_when_called_off() {
        List<LocalDate> sessions = Sessions.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), WEEKDAYS, null);
        assertThat(sessions).hasSize(10);
        assertThat(Sessions.delivered(sessions, Set.of(), null)).isEqualTo(10);
        assertThat(Sessions.delivered(sessions, Set.of(LocalDate.of(2026, 11, 4)), null)).isEqualTo(9);
        // Withdrawn on Monday the 9th: the five sessions of the first week were given, minus the one called off.
        assertThat(Sessions.delivered(sessions, Set.of(LocalDate.of(2026, 11, 4)), LocalDate.of(2026, 11, 9))).isEqualTo(4);
    }

    @Test
    void shares_always_add_up_to_the_amount() {
        List<Shares.Part> parts = List.of(new Shares.Part("SCHOOL_PAYABLE:s", 33), new Shares.Part("PROVIDER_PAYABLE:p", 67));
        for (long amount : new long[] {0, 1, 2, 99, 100, 101, 19999, 20001}) {
            Map<String, Long> split = Shares.split(amount, parts);
            assertThat(split.values().stream().mapToLong(Long::longValue).sum()).as("split of " + amount).isEqualTo(amount);
            assertThat(split.values()).allMatch(v -> v >= 0);
        }
        assertThat(Shares.split(20000, List.of(new Shares.Part("TREASURY_PAYABLE", 100)))).containsEntry("TREASURY_PAYABLE", 20000L);
    }
}
