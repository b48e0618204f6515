package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanConfig.SUMMER_EARLIEST_END;
import static cn.kehou.plugins.henan.HenanConfig.SUMMER_FROM;
import static cn.kehou.plugins.henan.HenanConfig.SUMMER_LATEST_END;
import static cn.kehou.plugins.henan.HenanConfig.SUMMER_TO;
import static cn.kehou.plugins.henan.HenanConfig.WINTER_EARLIEST_END;
import static cn.kehou.plugins.henan.HenanConfig.WINTER_LATEST_END;

import cn.kehou.plugin.api.PluginConfig;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * 002 §三(二): the county's schedule (作息) in force on one day — summer (夏季作息) between the
 * county's two month-days, both included, winter (冬季作息) the rest of the year — and the times
 * between which after-school service ends in that season.
 */
record SeasonalSchedule(boolean summer, LocalTime earliestEnd, LocalTime latestEnd) {

    /** Every key the county must set before after-school windows run; none has a default. */
    static final List<String> KEYS = List.of(SUMMER_FROM, SUMMER_TO, SUMMER_EARLIEST_END, SUMMER_LATEST_END,
            WINTER_EARLIEST_END, WINTER_LATEST_END);

    static List<String> missingKeys(PluginConfig config) {
        return KEYS.stream().filter(key -> !config.has(key)).toList();
    }

    /** The schedule on {@code date}; empty until the county has set every key. */
    static Optional<SeasonalSchedule> on(PluginConfig config, LocalDate date) {
        if (!missingKeys(config).isEmpty()) {
            return Optional.empty();
        }
        boolean summer = summer(config.monthDay(SUMMER_FROM), config.monthDay(SUMMER_TO), MonthDay.from(date));
        return Optional.of(summer
                ? new SeasonalSchedule(true, config.time(SUMMER_EARLIEST_END), config.time(SUMMER_LATEST_END))
                : new SeasonalSchedule(false, config.time(WINTER_EARLIEST_END), config.time(WINTER_LATEST_END)));
    }

    /** A county may run summer across the new year (e.g. a southern schedule); both ends are included. */
    private static boolean summer(MonthDay from, MonthDay to, MonthDay day) {
        if (to.isBefore(from)) {
            return !day.isBefore(from) || !day.isAfter(to);
        }
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** An earliest end after the latest leaves no window at all: a setting error, refused rather than guessed. */
    boolean consistent() {
        return !earliestEnd.isAfter(latestEnd);
    }

    HenanRule rule() {
        return summer ? HenanRule.SUMMER_SCHEDULE : HenanRule.WINTER_SCHEDULE;
    }

    String seasonZh() {
        return summer ? "夏季作息" : "冬季作息";
    }

    String seasonEn() {
        return summer ? "summer schedule" : "winter schedule";
    }
}
