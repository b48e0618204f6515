package cn.kehou.plugin.api;

import java.util.regex.Pattern;

/**
 * One setting a plugin reads. {@code defaultValue} is the seed's own value (null only when the
 * seed leaves it to each locality: then the rule refuses until the tenant sets it), and
 * {@code citation} the seed section that fixes it, so a city can change "17:30" without a release.
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String descriptionZh, String citation) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*");

    public ConfigKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key names are dotted lowerCamel: " + name);
        }
        Require.present(type, "type");
        Require.text(descriptionZh, "descriptionZh");
        Require.text(citation, "citation");
        if (defaultValue != null) {
            type.parse(defaultValue);
        }
    }
}
