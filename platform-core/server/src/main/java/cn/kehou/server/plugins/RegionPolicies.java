package cn.kehou.server.plugins;

import cn.kehou.plugin.api.ConfigProblem;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.server.problem.Problem;
import cn.kehou.server.observability.OperationsMetrics;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * "Which rule applies to this tenant or school, and from where" — the one explainable function.
 * National rules live in core; for the regional points, a tenant uses the plugin bound nearest up
 * its chain (its own, else its parent's…), with config merged from that tenant down to itself, so
 * a Jiangxi city inherits the province plugin and overrides values only. No binding, or a binding
 * to a plugin that does not run, means not ready: never a silent default.
 */
@ApplicationScoped
public class RegionPolicies {

    @Inject
    PluginRuntime runtime;
    @Inject
    TenantTree tree;
    @Inject
    Clock clock;
    @Inject
    OperationsMetrics metrics;

    /** One config value and the tenant that set it ("default" for the seed's value). */
    public record ConfigValue(String value, String source) {
    }

    /** The policy in force for a tenant, or why there is none. */
    public record Resolution(String tenantCode, String pluginId, String pluginVersion, String boundAt,
                             Map<String, ConfigValue> config, String problem) {
        public boolean ready() {
            return problem == null;
        }
    }

    /** A policy not yet in force, for a preview: {@code tenantId}'s plugin and config from a date. */
    public record PolicyChange(UUID tenantId, LocalDate effectiveFrom, String pluginId, Map<String, String> config) {
    }

    /** The policy in force for {@code tenant} today. */
    public Resolution resolve(Tenant tenant) {
        return timeline(tenant, null).on(LocalDate.now(clock));
    }

    /**
     * The tenant's policies over time, loaded once (its chain and their versions) and answered per
     * day in memory: a term that straddles a change is evaluated day by day.
     */
    public Timeline timeline(Tenant tenant, PolicyChange hypothetical) {
        List<Tenant> chain = tree.chain(tenant);
        List<UUID> ids = chain.stream().map(t -> t.id).toList();
        List<PolicyVersion> versions = PolicyVersion.list("tenantId in ?1 order by effectiveFrom", ids);
        return new Timeline(chain, versions, hypothetical);
    }

    /** One tenant's chain with its dated policies. */
    public final class Timeline {
        private final List<Tenant> chain;
        private final List<PolicyVersion> versions;
        private final PolicyChange hypothetical;
        private final Map<List<Object>, Resolution> memo = new HashMap<>();

        Timeline(List<Tenant> chain, List<PolicyVersion> versions, PolicyChange hypothetical) {
            this.chain = chain;
            this.versions = versions;
            this.hypothetical = hypothetical;
        }

        /** The policy in force on {@code date}. */
        public Resolution on(LocalDate date) {
            List<Binding> bindings = new ArrayList<>();
            List<Object> key = new ArrayList<>();
            for (Tenant t : chain) {
                Binding b = bindingOn(t, date);
                bindings.add(b);
                key.add(b.source());
            }
            return memo.computeIfAbsent(key, k -> resolveBindings(chain, bindings));
        }

        private Binding bindingOn(Tenant t, LocalDate date) {
            Binding chosen = new Binding(t.pluginId, t.pluginConfig, "base:" + t.id, null);
            LocalDate chosenFrom = LocalDate.MIN;
            for (PolicyVersion v : versions) {
                if (v.tenantId.equals(t.id) && !v.effectiveFrom.isAfter(date) && !v.effectiveFrom.isBefore(chosenFrom)) {
                    chosen = new Binding(v.pluginId, v.pluginConfig, v.id, v.effectiveFrom);
                    chosenFrom = v.effectiveFrom;
                }
            }
            if (hypothetical != null && hypothetical.tenantId().equals(t.id)
                    && !hypothetical.effectiveFrom().isAfter(date) && !hypothetical.effectiveFrom().isBefore(chosenFrom)) {
                chosen = new Binding(hypothetical.pluginId(), hypothetical.config(), "preview", hypothetical.effectiveFrom());
            }
            return chosen;
        }
    }

    /** One tenant's own plugin binding and config on a day, and which version it came from. */
    record Binding(String pluginId, Map<String, String> config, Object source, LocalDate effectiveFrom) {
    }

    private Resolution resolveBindings(List<Tenant> chain, List<Binding> bindings) {
        Tenant tenant = chain.get(0);
        int bound = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (bindings.get(i).pluginId() != null) {
                bound = i;
                break;
            }
        }
        if (bound < 0) {
            return new Resolution(tenant.code, null, null, null, Map.of(),
                    "no regional plugin is bound to " + tenant.code + " or any of its parents");
        }
        Tenant binder = chain.get(bound);
        String pluginId = bindings.get(bound).pluginId();
        PluginRuntime.Status status = runtime.status(pluginId);
        if (!status.running()) {
            return new Resolution(tenant.code, pluginId, status.version(), binder.code, Map.of(), status.problem());
        }
        Optional<RegionDescriptor> descriptor = runtime.extension(RegionDescriptor.class, pluginId);
        if (descriptor.isEmpty()) {
            return new Resolution(tenant.code, pluginId, status.version(), binder.code, Map.of(),
                    "plugin " + pluginId + " has no RegionDescriptor extension");
        }
        // Merge config from the binding tenant down to this one: the nearest setting wins.
        Map<String, ConfigValue> merged = new LinkedHashMap<>();
        ConfigSchema schema = descriptor.get().configSchema();
        schema.keys().forEach(k -> {
            if (k.defaultValue() != null) {
                merged.put(k.name(), new ConfigValue(k.defaultValue(), "default"));
            }
        });
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = bound; i >= 0; i--) {
            Map<String, String> own = bindings.get(i).config();
            String source = chain.get(i).code;
            if (own != null) {
                own.forEach((k, v) -> {
                    raw.put(k, v);
                    merged.put(k, new ConfigValue(v, source));
                });
            }
        }
        List<ConfigProblem> problems = schema.validate(raw);
        if (!problems.isEmpty()) {
            return new Resolution(tenant.code, pluginId, status.version(), binder.code, merged,
                    "invalid config for " + pluginId + ": " + problems.stream()
                            .map(p -> p.field() + " (" + p.messageEn() + ")").toList());
        }
        return new Resolution(tenant.code, pluginId, status.version(), binder.code, merged, null);
    }

    /** The resolution, or a 503 TENANT_NOT_READY problem: the tenant does not run without its rules. */
    public Resolution require(Tenant tenant) {
        Resolution r = resolve(tenant);
        if (!r.ready()) {
            throw new ProblemException(503, "TENANT_NOT_READY", tenant.code, r.problem());
        }
        return r;
    }

    /** Refuses {@code config} for {@code pluginId} with the failing fields (at onboarding and every change). */
    public void validateConfig(String pluginId, Map<String, String> config) {
        PluginRuntime.Status status = runtime.status(pluginId);
        if (!status.running()) {
            throw new ProblemException(400, "TENANT_NOT_READY", pluginId, status.problem());
        }
        RegionDescriptor descriptor = runtime.extension(RegionDescriptor.class, pluginId)
                .orElseThrow(() -> new ProblemException(400, "TENANT_NOT_READY", pluginId, "no RegionDescriptor"));
        List<ConfigProblem> problems = descriptor.configSchema().validate(config);
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields("PLUGIN_CONFIG_INVALID", problems.stream()
                    .map(p -> new Problem.FieldProblem("pluginConfig." + p.field(), p.messageZh() + " / " + p.messageEn()))
                    .toList());
        }
    }

    /** The context a plugin is asked in: tenant, school (may be null), date and effective config. */
    public PolicyContext context(Resolution r, School school, LocalDate date) {
        Map<String, String> values = new LinkedHashMap<>();
        r.config().forEach((k, v) -> values.put(k, v.value()));
        return new PolicyContext(r.tenantCode(), school == null ? null : profile(school), date, new PluginConfig(values));
    }

    /**
     * Asks the tenant's plugin one question through extension point {@code point}, distrusting the
     * answer: a missing point, a thrown exception or a null result become a PLUGIN_FAILED or
     * TENANT_NOT_READY problem, never a silent default.
     */
    public <P, R> R ask(Resolution r, Class<P> point, Function<P, R> question) {
        P extension = runtime.extension(point, r.pluginId()).orElseThrow(() -> new ProblemException(503,
                "TENANT_NOT_READY", r.tenantCode(), r.pluginId() + " does not implement " + point.getSimpleName()));
        R answer;
        try {
            answer = question.apply(extension);
        } catch (RuntimeException e) {
            metrics.pluginFailed(r.tenantCode(), r.pluginId());
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (answer == null) {
            metrics.pluginFailed(r.tenantCode(), r.pluginId());
            throw new ProblemException(500, "PLUGIN_FAILED", r.pluginId(), point.getSimpleName() + " returned nothing");
        }
        return answer;
    }

    public Optional<RegionDescriptor> descriptor(Resolution r) {
        return r.ready() ? runtime.extension(RegionDescriptor.class, r.pluginId()) : Optional.empty();
    }

    public boolean implementsPoint(Resolution r, Class<?> point) {
        return r.ready() && !runtime.extensions(point, r.pluginId()).isEmpty();
    }

    static SchoolProfile profile(School s) {
        String central = s.centralSchoolId == null ? null
                : School.<School>findByIdOptional(s.centralSchoolId).map(c -> c.code).orElse(null);
        return new SchoolProfile(s.code, s.nameZh, SchoolLevel.valueOf(s.level.name()), s.urban,
                s.urban ? null : s.ruralTown, s.boarding, s.villageSchool, s.teachingPoint, central,
                s.publicSchool, s.normalDismissal);
    }
}
