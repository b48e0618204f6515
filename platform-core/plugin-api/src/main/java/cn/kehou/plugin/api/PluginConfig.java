package cn.kehou.plugin.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plugin's effective config for one tenant, built by {@link ConfigSchema#effective} (so values
 * already parse). Read it with the typed getters; asking for a key that has no value throws,
 * because that is a bug in the plugin's schema, not a business answer — use {@link #has} first
 * for keys without a default.
 */
public record PluginConfig(Map<String, String> values) {

    public PluginConfig {
        values = Collections.unmodifiableMap(new TreeMap<>(Require.present(values, "values")));
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key) {
        return (String) parse(key, ConfigType.STRING);
    }

    public boolean bool(String key) {
        return (Boolean) parse(key, ConfigType.BOOLEAN);
    }

    /** An {@link ConfigType#INTEGER} or {@link ConfigType#PERCENT} value. */
    public int integer(String key) {
        return (Integer) parse(key, ConfigType.INTEGER);
    }

    public LocalTime time(String key) {
        return (LocalTime) parse(key, ConfigType.TIME);
    }

    public LocalDate date(String key) {
        return (LocalDate) parse(key, ConfigType.DATE);
    }

    public MonthDay monthDay(String key) {
        return (MonthDay) parse(key, ConfigType.MONTH_DAY);
    }

    /** An amount written in yuan ("200.00"), returned in fen (20000). */
    public long money(String key) {
        return (Long) parse(key, ConfigType.MONEY);
    }

    public List<String> list(String key) {
        return ConfigType.items(raw(key));
    }

    /** A comma list of enum constants, e.g. {@code enums("window.days", DayOfWeek.class)}. */
    public <E extends Enum<E>> Set<E> enums(String key, Class<E> type) {
        return ConfigType.enums(raw(key), type);
    }

    private Object parse(String key, ConfigType type) {
        return type.parse(raw(key));
    }

    private String raw(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("config key '" + key + "' has no value; declare it in the ConfigSchema");
        }
        return value;
    }
}
