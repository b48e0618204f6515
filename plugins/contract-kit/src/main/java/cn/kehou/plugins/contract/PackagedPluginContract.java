package cn.kehou.plugins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kehou.plugin.api.PluginApi;
import cn.kehou.plugin.api.RegionDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Checks the packaged plugin jar the way a host loads it: manifest, extension index, and a real
 * PF4J {@link DefaultPluginManager}. Name your subclass {@code *PackagedJarTest}: plugins/pom.xml
 * runs those after {@code jar:jar}, passing the jar's path as {@code kehou.plugin.jar}.
 */
public abstract class PackagedPluginContract {

    @TempDir
    Path pluginsRoot;

    protected Path pluginJar() {
        String jar = System.getProperty("kehou.plugin.jar");
        assertThat(jar).as("system property kehou.plugin.jar").isNotBlank();
        assertThat(Path.of(jar)).as("the packaged plugin").isRegularFile();
        return Path.of(jar);
    }

    protected String pluginId() {
        String id = System.getProperty("kehou.plugin.id");
        assertThat(id).as("system property kehou.plugin.id").isNotBlank();
        return id;
    }

    @Test
    void the_manifest_names_the_plugin_its_version_and_the_api_it_requires() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo(pluginId());
            assertThat(manifest.getValue("Plugin-Version")).isNotBlank();
            assertThat(manifest.getValue("Plugin-Requires")).isNotBlank();
        }
    }

    @Test
    void the_jar_indexes_its_extensions_and_carries_neither_the_api_nor_pf4j() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            var index = jar.getEntry("META-INF/extensions.idx");
            assertThat(index).as("META-INF/extensions.idx (PF4J's annotation processor)").isNotNull();
            try (InputStream in = jar.getInputStream(index)) {
                List<String> classes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                assertThat(classes).isNotEmpty();
                for (String name : classes) {
                    assertThat(jar.getEntry(name.replace('.', '/') + ".class")).as(name).isNotNull();
                }
            }
            assertThat(Collections.list(jar.entries())).noneMatch(e ->
                    e.getName().startsWith("cn/kehou/plugin/api/") || e.getName().startsWith("org/pf4j/"));
        }
    }

    @Test
    void pf4j_starts_the_plugin_on_a_host_of_this_api_version() throws IOException {
        PluginManager manager = managerWithPlugin(PluginApi.VERSION);
        try {
            PluginWrapper plugin = manager.getPlugin(pluginId());
            assertThat(plugin).as("plugin " + pluginId()).isNotNull();
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);

            List<RegionDescriptor> descriptors = manager.getExtensions(RegionDescriptor.class, pluginId());
            assertThat(descriptors).hasSize(1);
            assertThat(descriptors.get(0).pluginId()).isEqualTo(pluginId());
            assertThat(descriptors.get(0).getClass().getClassLoader())
                    .as("loaded from the jar, not the test classpath").isSameAs(plugin.getPluginClassLoader());
            assertThat(manager.getExtensions(pluginId()))
                    .hasSameSizeAs(manager.getExtensionClassNames(pluginId()));
        } finally {
            close(manager);
        }
    }

    @Test
    void pf4j_quietly_leaves_the_plugin_unstarted_on_a_host_of_the_next_major_version() throws IOException {
        int major = Integer.parseInt(PluginApi.VERSION.split("\\.")[0]);
        PluginManager manager = managerWithPlugin((major + 1) + ".0.0");
        try {
            PluginWrapper plugin = manager.getPlugin(pluginId());
            assertThat(plugin.getPluginState()).isNotEqualTo(PluginState.STARTED);
            assertThat(manager.getExtensions(RegionDescriptor.class, pluginId())).isEmpty();
        } finally {
            close(manager);
        }
    }

    private PluginManager managerWithPlugin(String systemVersion) throws IOException {
        Files.copy(pluginJar(), pluginsRoot.resolve(pluginJar().getFileName()));
        PluginManager manager = new DefaultPluginManager(pluginsRoot);
        manager.setSystemVersion(systemVersion);
        manager.loadPlugins();
        manager.startPlugins();
        return manager;
    }

    private static void close(PluginManager manager) {
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}
