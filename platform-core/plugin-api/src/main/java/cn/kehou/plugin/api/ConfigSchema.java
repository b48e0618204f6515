package cn.kehou.plugin.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every key a plugin reads, with its type and default. The host checks a tenant's settings with
 * {@link #validate} before storing them and builds each request's config with {@link #effective}.
 */
public record ConfigSchema(List<ConfigKey> keys) {

    public ConfigSchema {
        keys = List.copyOf(Require.noNulls(keys, "keys"));
        var names = new HashSet<String>();
        for (ConfigKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("duplicate config key " + key.name());
            }
        }
    }

    public static ConfigSchema of(ConfigKey... keys) {
        return new ConfigSchema(List.of(keys));
    }

    public Optional<ConfigKey> key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** Problems with a tenant's raw settings, sorted by key: unknown keys and ill-typed values. */
    public List<ConfigProblem> validate(Map<String, String> raw) {
        var problems = new ArrayList<ConfigProblem>();
        for (var entry : new TreeMap<>(raw).entrySet()) {
            Optional<ConfigKey> key = key(entry.getKey());
            if (key.isEmpty()) {
                problems.add(new ConfigProblem(entry.getKey(), "未知的配置项", "unknown config key"));
                continue;
            }
            try {
                key.get().type().parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(entry.getKey(),
                        "值“" + entry.getValue() + "”格式不对，应为：" + key.get().type().format,
                        e.getMessage()));
            }
        }
        return List.copyOf(problems);
    }

    /** The defaults overlaid with {@code raw}; throws if {@link #validate} finds a problem. */
    public PluginConfig effective(Map<String, String> raw) {
        List<ConfigProblem> problems = validate(raw);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid plugin config: " + problems);
        }
        var values = new HashMap<String, String>();
        for (ConfigKey key : keys) {
            if (key.defaultValue() != null) {
                values.put(key.name(), key.defaultValue());
            }
        }
        raw.forEach((name, value) -> values.put(name, value.strip()));
        return new PluginConfig(values);
    }

    /** The seed's own values. */
    public PluginConfig defaults() {
        return effective(Map.of());
    }
}
