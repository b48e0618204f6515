package cn.kehou.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production manifests, rendered offline the way an operator applies them ({@code kubectl
 * kustomize deployment/kubernetes/overlays/production}) and read as Kubernetes objects: what must
 * hold for Kehou to run safely on a cluster, and that the reviewed set stays in step with what the
 * server's build generates (quarkus-kubernetes) and with the server's required settings.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("kehou.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deployment/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> production;

    @BeforeAll
    static void render() throws Exception {
        production = parse(kustomize(K8S.resolve("overlays/production")));
    }

    @Test
    void the_server_runs_at_least_two_replicas_that_roll_without_downtime_and_a_drain_never_takes_the_last() {
        JsonNode server = one("Deployment", "kehou-server");
        assertThat(server.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(server.at("/metadata/namespace").asText()).isEqualTo("kehou");
        assertThat(server.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(server.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        // Upgrades change the image, never the (immutable) selector.
        assertThat(names(server.at("/spec/selector/matchLabels"))).containsExactly("app.kubernetes.io/name");

        JsonNode pdb = one("PodDisruptionBudget", "kehou-server");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(server.at("/spec/selector/matchLabels"));
        assertThat(one("HorizontalPodAutoscaler", "kehou-server").at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void every_container_is_probed_on_quarkus_health_and_has_requests_and_limits() {
        JsonNode c = serverContainer();
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (JsonNode d : all("Deployment")) {
            for (JsonNode container : containers(d)) {
                String what = d.at("/metadata/name").asText() + "/" + container.at("/name").asText();
                for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory",
                        "/resources/limits/cpu", "/resources/limits/memory")) {
                    assertThat(container.at(r).isMissingNode()).as(what + r).isFalse();
                }
            }
            for (JsonNode container : d.at("/spec/template/spec/containers")) {
                assertThat(container.has("readinessProbe") && container.has("livenessProbe"))
                        .as(d.at("/metadata/name").asText()).isTrue();
            }
        }
    }

    @Test
    void secrets_are_referenced_never_written_and_every_required_setting_is_supplied() throws IOException {
        assertThat(production).noneMatch(o -> o.at("/kind").asText().equals("Secret"));
        for (JsonNode d : all("Deployment")) {
            for (JsonNode container : containers(d)) {
                for (JsonNode env : container.path("env")) {
                    String name = env.at("/name").asText();
                    if (name.matches(".*(SECRET|PASSWORD|USERNAME|_USER|DB_URL).*")) {
                        assertThat(env.at("/valueFrom/secretKeyRef/name").asText())
                                .as(d.at("/metadata/name").asText() + " " + name + " comes from a Secret").isNotEmpty();
                        assertThat(env.has("value")).as(name).isFalse();
                    }
                }
            }
        }
        // What the server refuses to start without (${KEHOU_X} without a default in application.properties).
        Set<String> supplied = envNames(serverContainer());
        assertThat(supplied).containsAll(requiredSettings());
        // Keycloak keeps its own database: none of its connection comes from the platform's Secret.
        JsonNode keycloak = one("Deployment", "keycloak").at("/spec/template/spec/containers/0");
        for (JsonNode env : keycloak.path("env")) {
            assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotEqualTo("kehou-db");
        }
        assertThat(envNames(keycloak)).contains("KC_DB_URL", "KC_DB_USERNAME", "KC_DB_PASSWORD");
    }

    @Test
    void the_plugins_arrive_as_their_own_versioned_image_in_the_directory_the_server_reads() throws IOException {
        JsonNode server = one("Deployment", "kehou-server");
        JsonNode init = server.at("/spec/template/spec/initContainers/0");
        assertThat(init.at("/image").asText()).matches("kehou/kehou-plugins:\\d+\\.\\d+\\.\\d+.*");
        assertThat(serverContainer().at("/image").asText()).matches("kehou/kehou-server:\\d+\\.\\d+\\.\\d+.*");
        String pluginsDir = StreamSupport.stream(serverContainer().path("env").spliterator(), false)
                .filter(e -> e.at("/name").asText().equals("KEHOU_PLUGINS_DIR")).findFirst()
                .map(e -> e.at("/value").asText()).orElse(null);
        assertThat(pluginsDir).isEqualTo("/deployments/plugins");
        assertThat(mountPaths(init)).contains(pluginsDir);
        assertThat(mountPaths(serverContainer())).contains(pluginsDir);
        // Every regional plugin a tenant names is in the plugins image.
        String dockerfile = Files.readString(ROOT.resolve("deployment/container/plugins.Dockerfile"));
        for (String plugin : tenantPlugins()) {
            assertThat(dockerfile).as("plugins.Dockerfile copies " + plugin)
                    .contains("COPY plugins/" + plugin + "/target/" + plugin + "-");
        }
    }

    @Test
    void each_regional_tenant_has_its_own_host_and_nothing_under_q_is_public() throws IOException {
        List<JsonNode> ingresses = all("Ingress");
        Set<String> appRoots = ingresses.stream()
                .map(i -> i.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/app-root").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String region : regions()) {
            assertThat(appRoots).as("an ingress host opens " + region + "'s portal").contains("/t/" + region);
        }
        Set<String> hosts = new TreeSet<>();
        for (JsonNode ingress : ingresses) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertThat(hosts.add(rule.at("/host").asText())).as("host used once: " + rule.at("/host").asText()).isTrue();
                assertThat(ingress.at("/spec/tls/0/hosts").toString()).contains(rule.at("/host").asText());
                for (JsonNode path : rule.at("/http/paths")) {
                    assertThat(path.at("/path").asText()).isNotIn("/", "/q", "/q/").doesNotStartWith("/q/").isNotEqualTo("/admin");
                }
            }
        }
    }

    @Test
    void the_reviewed_server_deployment_matches_what_the_build_generates() throws IOException {
        Path generated = ROOT.resolve("platform-core/server/target/kubernetes/kubernetes.yml");
        assertThat(generated).as("the server's build writes it (quarkus-kubernetes); build the server first").exists();
        JsonNode built = parse(Files.readString(generated)).stream()
                .filter(o -> o.at("/kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode b = built.at("/spec/template/spec/containers/0");
        JsonNode r = serverContainer();
        for (String probe : List.of("/readinessProbe/httpGet/path", "/livenessProbe/httpGet/path", "/startupProbe/httpGet/path")) {
            assertThat(r.at(probe).asText()).as(probe).isEqualTo(b.at(probe).asText());
        }
        assertThat(r.at("/ports/0/containerPort").asInt()).isEqualTo(b.at("/ports/0/containerPort").asInt());
        Set<String> generatedEnv = envNames(b);
        generatedEnv.remove("KUBERNETES_NAMESPACE");
        assertThat(envNames(r)).containsAll(generatedEnv);
        // The same Secret keys, so one set of Secrets serves both.
        for (JsonNode env : b.path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                JsonNode mine = StreamSupport.stream(r.path("env").spliterator(), false)
                        .filter(e -> e.at("/name").asText().equals(env.at("/name").asText())).findFirst().orElseThrow();
                assertThat(mine.at("/valueFrom/secretKeyRef")).as(env.at("/name").asText()).isEqualTo(ref);
            }
        }
    }

    @Test
    void the_image_holds_the_fast_jar_the_build_produces() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deployment/container/server.Dockerfile"));
        Path app = ROOT.resolve("platform-core/server/target/quarkus-app");
        assertThat(app.resolve("quarkus-run.jar")).exists();
        try (Stream<Path> entries = Files.list(app)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().endsWith(".txt")).toList()) {
                assertThat(dockerfile).as("the image copies " + entry.getFileName())
                        .contains("platform-core/server/target/quarkus-app/" + entry.getFileName());
            }
        }
        assertThat(dockerfile).contains("-jar /deployments/quarkus-run.jar");
    }

    // --- reading ---

    static String kustomize(Path dir) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize " + dir + ":\n" + out).isZero();
        return out;
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode doc : (Iterable<JsonNode>) () -> {
                try {
                    return YAML.readValues(parser, JsonNode.class);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }) {
                if (doc != null && doc.has("kind")) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static List<JsonNode> all(String kind) {
        return production.stream().filter(o -> o.at("/kind").asText().equals(kind)).toList();
    }

    static JsonNode one(String kind, String name) {
        return all(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static JsonNode serverContainer() {
        return one("Deployment", "kehou-server").at("/spec/template/spec/containers/0");
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> list = new ArrayList<>();
        deployment.at("/spec/template/spec/containers").forEach(list::add);
        deployment.at("/spec/template/spec/initContainers").forEach(list::add);
        return list;
    }

    static Set<String> envNames(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.at("/name").asText()));
        return names;
    }

    static Set<String> mountPaths(JsonNode container) {
        Set<String> paths = new TreeSet<>();
        container.path("volumeMounts").forEach(m -> paths.add(m.at("/mountPath").asText()));
        return paths;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** ${KEHOU_X} with no default in the server's application.properties: the server will not start without it. */
    static Set<String> requiredSettings() throws IOException {
        String props = Files.readString(ROOT.resolve("platform-core/server/src/main/resources/application.properties"));
        Set<String> required = new TreeSet<>();
        Matcher m = Pattern.compile("^(?!#)[^=\\n]+=.*\\$\\{(KEHOU_[A-Z_]+)}", Pattern.MULTILINE).matcher(props);
        while (m.find()) {
            required.add(m.group(1));
        }
        assertThat(required).contains("KEHOU_DB_URL", "KEHOU_OIDC_SECRET");
        return required;
    }

    /** The regional tenants' codes: the regions the tenants module describes, except the platform itself. */
    static List<String> regions() throws IOException {
        JsonNode index = new ObjectMapper().readTree(ROOT.resolve("tenants/src/main/resources/kehou-tenants/index.json").toFile());
        List<String> regions = new ArrayList<>();
        index.at("/regions").forEach(r -> {
            if (!r.asText().equals("platform")) {
                regions.add(r.asText());
            }
        });
        assertThat(regions).hasSizeGreaterThanOrEqualTo(5);
        return regions;
    }

    /** Every plugin id a tenant descriptor names. */
    static Set<String> tenantPlugins() throws IOException {
        Set<String> plugins = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String region : regions()) {
            JsonNode tenant = json.readTree(ROOT.resolve("tenants/src/main/resources/kehou-tenants/" + region + "/tenant.json").toFile());
            tenant.findValues("plugin").forEach(p -> {
                if (p.isTextual()) {
                    plugins.add(p.asText());
                } else if (p.has("id")) {
                    plugins.add(p.get("id").asText());
                }
            });
        }
        assertThat(plugins).isNotEmpty();
        return plugins;
    }
}
