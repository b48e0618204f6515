package cn.kehou.server.plugins;

import cn.kehou.plugin.api.PluginApi;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads the regional plugin jars with PF4J and answers, for a plugin id, whether it runs. PF4J
 * itself never fails loudly (a missing directory, an unknown id or an incompatible plugin just
 * yield no extensions), so every answer here says what is wrong: callers fail closed on it.
 */
@Startup
@ApplicationScoped
public class PluginRuntime {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class);

    @ConfigProperty(name = "kehou.plugins.dir")
    Path pluginsDir;

    private PluginManager manager;

    /** Why a plugin cannot serve; {@code null} when it can. */
    public record Status(String pluginId, String version, boolean running, String problem) {
    }

    @PostConstruct
    void start() {
        manager = new HostPluginManager(pluginsDir.toAbsolutePath());
        // Plugin-Requires is only checked when a system version is set.
        manager.setSystemVersion(PluginApi.VERSION);
        if (!Files.isDirectory(pluginsDir)) {
            LOG.errorf("plugins directory %s does not exist: every tenant bound to a plugin is not ready", pluginsDir.toAbsolutePath());
            return;
        }
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper p : manager.getPlugins()) {
            LOG.infof("plugin %s %s: %s", p.getPluginId(), p.getDescriptor().getVersion(), p.getPluginState());
        }
    }

    @PreDestroy
    void stop() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    public Status status(String pluginId) {
        PluginWrapper p = manager.getPlugin(pluginId);
        if (p == null) {
            return new Status(pluginId, null, false, "plugin " + pluginId + " is not installed in " + pluginsDir);
        }
        String version = p.getDescriptor().getVersion();
        if (p.getPluginState() == PluginState.STARTED) {
            return new Status(pluginId, version, true, null);
        }
        if (!manager.getVersionManager().checkVersionConstraint(PluginApi.VERSION, p.getDescriptor().getRequires())) {
            return new Status(pluginId, version, false, "plugin " + pluginId + " " + version + " requires plugin API "
                    + p.getDescriptor().getRequires() + " but this server provides " + PluginApi.VERSION);
        }
        String cause = p.getFailedException() == null ? "" : ": " + p.getFailedException().getMessage();
        return new Status(pluginId, version, false, "plugin " + pluginId + " is " + p.getPluginState() + cause);
    }

    /** The plugin's extensions of {@code point}; empty when it does not implement it. */
    public <T> List<T> extensions(Class<T> point, String pluginId) {
        return manager.getExtensions(point, pluginId);
    }

    public <T> Optional<T> extension(Class<T> point, String pluginId) {
        List<T> found = extensions(point, pluginId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Status> all() {
        return manager.getPlugins().stream().map(p -> status(p.getPluginId())).toList();
    }

    /**
     * PF4J's stock loader parents a plugin's class loader on PF4J's own loader, which under Quarkus
     * (tests, dev mode) is not the loader holding the plugin API: extensions then come back empty.
     * Parenting on the context class loader at load time works in every mode.
     */
    static final class HostPluginManager extends DefaultPluginManager {

        HostPluginManager(Path dir) {
            super(dir);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new CompoundPluginLoader().add(new JarPluginLoader(this) {
                @Override
                public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                    PluginClassLoader loader = new PluginClassLoader(pluginManager, descriptor,
                            Thread.currentThread().getContextClassLoader(), ClassLoadingStrategy.APD);
                    loader.addFile(pluginPath.toFile());
                    return loader;
                }
            });
        }
    }
}
