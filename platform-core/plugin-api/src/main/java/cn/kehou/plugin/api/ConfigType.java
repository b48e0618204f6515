package cn.kehou.plugin.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The type of a config value. Values are always written as text; {@code format} says how. */
public enum ConfigType {
    STRING("text"),
    BOOLEAN("true | false"),
    INTEGER("whole number ≥ 0"),
    PERCENT("whole number 0–100"),
    TIME("HH:mm, e.g. 17:30"),
    DATE("yyyy-MM-dd"),
    MONTH_DAY("MM-dd, e.g. 05-01"),
    MONEY("yuan with at most 2 decimals, e.g. 200.00"),
    DAYS_OF_WEEK("comma list, e.g. MONDAY,FRIDAY"),
    SERVICE_KINDS("comma list of ServiceKind, e.g. BASIC_CARE,NOON_CARE"),
    PRIORITY_GROUPS("comma list of PriorityGroup, e.g. REGISTERED_POOR"),
    STRING_LIST("comma list of text");

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MM_DD = DateTimeFormatter.ofPattern("MM-dd");

    public final String format;

    ConfigType(String format) {
        this.format = format;
    }

    /** Parses {@code raw}; throws {@link IllegalArgumentException} naming the expected format. */
    public Object parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("no value; expected " + format);
        }
        String value = raw.strip();
        try {
            return switch (this) {
                case STRING -> value;
                case BOOLEAN -> switch (value) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(value);
                };
                case INTEGER -> atLeastZero(Integer.parseInt(value));
                case PERCENT -> percent(Integer.parseInt(value));
                case TIME -> LocalTime.parse(value, HH_MM);
                case DATE -> LocalDate.parse(value);
                case MONTH_DAY -> MonthDay.parse(value, MM_DD);
                case MONEY -> Money.fenOf(value);
                case DAYS_OF_WEEK -> enums(value, DayOfWeek.class);
                case SERVICE_KINDS -> enums(value, ServiceKind.class);
                case PRIORITY_GROUPS -> enums(value, PriorityGroup.class);
                case STRING_LIST -> items(value);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not " + format, e);
        }
    }

    /** Parses a comma list of constants of {@code type}; blank means the empty set. */
    static <E extends Enum<E>> Set<E> enums(String value, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String item : items(value)) {
            set.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT)));
        }
        return Collections.unmodifiableSet(set);
    }

    static List<String> items(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int atLeastZero(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        return value;
    }

    private static int percent(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }
}
