package cn.kehou.server.portal;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, times and money as each language writes them. In templates: {@code {day.longDate}},
 * {@code {day.shortDate}}, {@code {start.time}}, {@code {amountFen.cny}} (an amount in fen, as a
 * {@code long}, becomes ¥ with two decimals).
 */
public final class PortalFormat {

    private static final DateTimeFormatter LONG_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter LONG_EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_ZH = DateTimeFormatter.ofPattern("M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** School timetables are 24-hour in both languages: 17:30. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PortalFormat() {
    }

    /** 2026年11月23日 星期一 / Monday 23 November 2026 */
    @TemplateExtension
    public static String longDate(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date.format(english(locale) ? LONG_EN : LONG_ZH);
    }

    /** 11月23日 / 23 Nov */
    @TemplateExtension
    public static String shortDate(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date.format(english(locale) ? SHORT_EN : SHORT_ZH);
    }

    /** 17:30 */
    @TemplateExtension
    public static String time(LocalTime time) {
        return time.format(TIME);
    }

    /** An amount in fen as yuan: 30000 → ¥300.00, 123456789 → ¥1,234,567.89 (the same in both languages). */
    @TemplateExtension(matchName = "cny")
    public static String cny(Long fen) {
        return yuan(fen);
    }

    public static String yuan(long fen) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String amount = format.format(BigDecimal.valueOf(fen, 2).abs());
        return (fen < 0 ? "-¥" : "¥") + amount;
    }

    private static boolean english(Object locale) {
        Locale l = locale instanceof Locale loc ? loc : locale != null ? Locale.forLanguageTag(locale.toString()) : null;
        return l != null && "en".equals(l.getLanguage());
    }
}
