package cn.kehou.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** Names and explains a regional plugin. Every plugin has exactly one (annotate it {@code @Extension}). */
public interface RegionDescriptor extends ExtensionPoint {

    /** The manifest's {@code Plugin-Id}, e.g. {@code "xinjiang-urumqi"}. */
    String pluginId();

    /** Every config key the plugin reads, with the seed's values as defaults. */
    ConfigSchema configSchema();

    /** Every rule the plugin decides; each {@link Reason} it returns cites one of these citations. */
    List<RuleInfo> rules();
}
