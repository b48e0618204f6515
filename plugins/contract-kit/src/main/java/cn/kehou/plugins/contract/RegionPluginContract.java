package cn.kehou.plugins.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;
import cn.kehou.plugin.api.PluginApi;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import cn.kehou.plugin.api.SchoolProfile;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.Extension;
import org.pf4j.ExtensionPoint;

/**
 * The contract every regional plugin passes. Extend it in your plugin's tests and return your
 * extensions from {@link #extensions()}, created with {@code new} (no PF4J needed); the build
 * passes your manifest's id and requires expression as system properties (see plugins/pom.xml).
 */
public abstract class RegionPluginContract {

    private static final int THREADS = 16;

    /** Every {@code @Extension} of your plugin, one instance each. */
    protected abstract List<ExtensionPoint> extensions();

    /** Tenant settings to run the contract with besides the seed's defaults; none by default. */
    protected Map<String, String> tenantConfig() {
        return Map.of();
    }

    protected List<SchoolProfile> sampleSchools() {
        return Samples.schools();
    }

    protected List<LocalDate> edgeDates() {
        return Samples.EDGE_DATES;
    }

    /** The plugin's single descriptor. */
    protected final RegionDescriptor descriptor() {
        List<RegionDescriptor> found = extensions().stream()
                .filter(RegionDescriptor.class::isInstance).map(RegionDescriptor.class::cast).toList();
        assertThat(found).as("RegionDescriptor extensions").hasSize(1);
        return found.get(0);
    }

    protected final PluginConfig config() {
        return descriptor().configSchema().effective(tenantConfig());
    }

    @Test
    void exactly_one_region_descriptor_is_provided() {
        descriptor();
    }

    @Test
    void plugin_id_is_a_lowercase_slug_and_matches_the_manifest() {
        String id = descriptor().pluginId();
        assertThat(id).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
        String manifestId = System.getProperty("kehou.plugin.id");
        if (manifestId != null) {
            assertThat(id).as("descriptor id vs manifest Plugin-Id").isEqualTo(manifestId);
        }
    }

    @Test
    void plugin_requires_accepts_this_api_version_and_refuses_the_next_major() {
        String requires = System.getProperty("kehou.plugin.requires", PluginApi.REQUIRES);
        var versions = new DefaultVersionManager();
        assertThat(versions.checkVersionConstraint(PluginApi.VERSION, requires)).as(requires).isTrue();
        int major = Integer.parseInt(PluginApi.VERSION.split("\\.")[0]);
        assertThat(versions.checkVersionConstraint((major + 1) + ".0.0", requires)).as(requires).isFalse();
    }

    @Test
    void every_extension_is_public_annotated_and_has_a_public_no_argument_constructor() throws Exception {
        for (ExtensionPoint extension : extensions()) {
            Class<?> type = extension.getClass();
            assertThat(Modifier.isPublic(type.getModifiers())).as(type + " is public").isTrue();
            assertThat(type.isAnnotationPresent(Extension.class)).as(type + " has @Extension").isTrue();
            assertThat(type.getConstructor().newInstance()).as(type + " builds with new").isNotNull();
        }
    }

    @Test
    void schema_defaults_validate_cleanly() {
        ConfigSchema schema = descriptor().configSchema();
        Map<String, String> defaults = new HashMap<>();
        schema.keys().stream().filter(k -> k.defaultValue() != null).forEach(k -> defaults.put(k.name(), k.defaultValue()));
        assertThat(schema.validate(defaults)).isEmpty();
        assertThat(schema.validate(tenantConfig())).isEmpty();
        assertThat(schema.defaults().values()).isEqualTo(defaults);
    }

    @Test
    void schema_refuses_unknown_keys_and_ill_typed_values() {
        ConfigSchema schema = descriptor().configSchema();
        assertThat(schema.validate(Map.of("no.such.key", "1"))).hasSize(1);
        for (ConfigKey key : schema.keys()) {
            if (key.type() != ConfigType.STRING && key.type() != ConfigType.STRING_LIST) {
                assertThat(schema.validate(Map.of(key.name(), "not-a-" + key.type()))).as(key.name()).hasSize(1);
            }
        }
    }

    @Test
    void every_rule_has_a_unique_id_summaries_a_citation_and_reads_only_declared_keys() {
        RegionDescriptor descriptor = descriptor();
        List<RuleInfo> rules = descriptor.rules();
        assertThat(rules).isNotEmpty();
        assertThat(rules.stream().map(RuleInfo::id).distinct().count()).isEqualTo(rules.size());
        Set<String> declared = new HashSet<>();
        descriptor.configSchema().keys().forEach(k -> declared.add(k.name()));
        for (RuleInfo rule : rules) {
            assertThat(declared).as("keys read by " + rule.id()).containsAll(rule.configKeys());
        }
    }

    @TestFactory
    Stream<DynamicTest> every_extension_point_answers_validly_and_deterministically_on_edge_dates() {
        Probes probes = probes();
        return edgeDates().stream().flatMap(date -> {
            Map<String, List<Probe>> byPoint = new java.util.TreeMap<>();
            probes.on(date).forEach(p -> byPoint.computeIfAbsent(p.point(), k -> new ArrayList<>()).add(p));
            return byPoint.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey() + " on " + date, () -> {
                var problems = new ArrayList<String>();
                for (Probe probe : entry.getValue()) {
                    Object first = probe.run();
                    problems.addAll(probe.problems(first));
                    if (first != null && !first.equals(probe.run())) {
                        problems.add(probe.label() + ": a second identical call answered differently");
                    }
                }
                assertThat(problems).isEmpty();
            }));
        });
    }

    @Test
    void every_citation_in_an_answer_is_one_the_descriptor_explains() {
        Set<String> explained = new HashSet<>();
        descriptor().rules().forEach(rule -> explained.add(rule.citation()));
        Set<String> cited = new TreeSet<>();
        for (LocalDate date : edgeDates()) {
            for (Probe probe : probes().on(date)) {
                Citations.collect(probe.run(), cited);
            }
        }
        cited.removeAll(explained);
        assertThat(cited).as("citations missing from RegionDescriptor.rules()").isEmpty();
    }

    @Test
    void answers_are_identical_from_16_threads_at_once() throws Exception {
        List<Probe> all = new ArrayList<>();
        edgeDates().forEach(date -> all.addAll(probes().on(date)));
        List<Object> expected = all.stream().map(Probe::run).toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return all.stream().map(Probe::run).toList();
                }));
            }
            start.countDown();
            for (Future<List<Object>> result : results) {
                List<Object> answers = result.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(expected.get(i), answers.get(i), all.get(i).label());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Probes probes() {
        return new Probes(extensions(), config(), sampleSchools(), "contract-tenant");
    }
}
