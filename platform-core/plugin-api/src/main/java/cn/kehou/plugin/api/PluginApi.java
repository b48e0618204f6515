package cn.kehou.plugin.api;

/**
 * The version of this plugin API. The host gives it to PF4J as the system version; a plugin
 * declares {@link #REQUIRES} as its manifest's {@code Plugin-Requires} so that a host with an
 * incompatible major version refuses to start it.
 */
public final class PluginApi {

    /** Semantic version: a minor release only adds, a major release may break plugins. */
    public static final String VERSION = "1.0.0";

    /** The {@code Plugin-Requires} expression for plugins built against this API (PF4J syntax). */
    public static final String REQUIRES = ">=1.0.0 & <2.0.0";

    private PluginApi() {
    }
}
