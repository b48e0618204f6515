package cn.kehou.server.portal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, times and money as each language writes them. */
class PortalFormatTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void dates_are_written_the_chinese_way_or_the_english_way() {
        assertThat(PortalFormat.longDate(DAY, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月23日 星期一");
        assertThat(PortalFormat.longDate(DAY, Locale.ENGLISH)).isEqualTo("Monday 23 November 2026");
        assertThat(PortalFormat.shortDate(DAY, Locale.SIMPLIFIED_CHINESE)).isEqualTo("11月23日");
        assertThat(PortalFormat.shortDate(DAY, Locale.ENGLISH)).isEqualTo("23 Nov");
        // Without a locale (a template rendered outside a request), Chinese: the default language.
        assertThat(PortalFormat.longDate(DAY, null)).isEqualTo("2026年11月23日 星期一");
    }

    @Test
    void times_are_24_hour_clock_times() {
        assertThat(PortalFormat.time(LocalTime.of(17, 30))).isEqualTo("17:30");
        assertThat(PortalFormat.time(LocalTime.of(8, 5))).isEqualTo("08:05");
    }

    @Test
    void money_is_yuan_with_two_decimals_and_the_yuan_sign() {
        assertThat(PortalFormat.cny(30000L)).isEqualTo("¥300.00");
        assertThat(PortalFormat.cny(1L)).isEqualTo("¥0.01");
        assertThat(PortalFormat.cny(123456789L)).isEqualTo("¥1,234,567.89");
        assertThat(PortalFormat.cny(-2550L)).isEqualTo("-¥25.50");
        assertThat(PortalFormat.cny(0L)).isEqualTo("¥0.00");
    }

    @Test
    void a_return_path_is_only_ever_a_portal_page_of_this_site() {
        assertThat(PortalPath.isSafeReturn("/t/guangdong-yangjiang/home")).isTrue();
        assertThat(PortalPath.isSafeReturn("/t/guangdong-yangjiang/children?requested=true")).isTrue();
        assertThat(PortalPath.isSafeReturn("//elsewhere.example/t/x")).isFalse();
        assertThat(PortalPath.isSafeReturn("https://elsewhere.example/t/x")).isFalse();
        assertThat(PortalPath.isSafeReturn("/t/x/\\\\elsewhere")).isFalse();
        assertThat(PortalPath.isSafeReturn("/api/t/x")).isFalse();
        assertThat(PortalPath.parse("/t/guangdong-yangjiang").orElseThrow().isPublic()).isTrue();
        assertThat(PortalPath.parse("/t/guangdong-yangjiang/public/logo.svg").orElseThrow().isPublic()).isTrue();
        assertThat(PortalPath.parse("/t/guangdong-yangjiang/home").orElseThrow().isPublic()).isFalse();
    }
}
