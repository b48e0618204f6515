package cn.kehou.local;

import cn.kehou.embedded.LocalKeycloak;
import cn.kehou.embedded.LocalPostgres;
import cn.kehou.embedded.ProcessTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The README's run command: real PostgreSQL 15 (data in .kehou/pgdata, kept across restarts), the
 * real Keycloak with the Kehou realm, and the Kehou server's packaged fast-jar with the regional
 * plugins and demo data. Prints URLs and demo logins; Ctrl-C or SIGTERM stops everything it started.
 */
public final class Launcher implements AutoCloseable {

    /** The four ports the stack listens on. */
    public record Ports(int server, int keycloak, int keycloakManagement, int postgres) {

        /** The run command's ports: 8080, 8180, 9180 and 5433 unless -Dkehou.port etc. say otherwise. */
        public static Ports fromSystemProperties() {
            return new Ports(Integer.getInteger("kehou.port", 8080), Integer.getInteger("kehou.keycloak.port", 8180),
                    Integer.getInteger("kehou.keycloak.management-port", 9180), Integer.getInteger("kehou.postgres.port", 5433));
        }

        /** Four ports free right now, for a stack next to a running one (tests, the benchmark). */
        public static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort());
        }
    }

    private final Path root;
    private final Path state;
    private final Ports ports;
    private final ProcessBuilder.Redirect serverOutput;
    private volatile LocalPostgres postgres;
    private volatile LocalKeycloak keycloak;
    private volatile Process server;
    private final List<Process> extraServers = new CopyOnWriteArrayList<>();
    private final Map<String, String> extraEnvironment = new ConcurrentHashMap<>();
    private volatile String serverHeap = "-Xmx768m";
    private volatile Path plugins;

    /**
     * A stack not started yet.
     *
     * @param root         the repository (the packaged server and the plugin jars are found there)
     * @param state        where PostgreSQL, Keycloak and the plugin copies keep their data
     * @param serverOutput where the server's log goes (the run command: this terminal)
     */
    public Launcher(Path root, Path state, Ports ports, ProcessBuilder.Redirect serverOutput) {
        this.root = root;
        this.state = state;
        this.ports = ports;
        this.serverOutput = serverOutput;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kehou.root", ".")).toAbsolutePath().normalize();
        // Tests point kehou.state elsewhere so they never touch a developer's local data.
        Path state = Path.of(System.getProperty("kehou.state", root.resolve(".kehou").toString()));
        Launcher launcher = new Launcher(root, state, Ports.fromSystemProperties(), ProcessBuilder.Redirect.INHERIT);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "kehou-stop"));
        Instant begun = Instant.now();
        try {
            launcher.start();
            launcher.printBanner(Duration.between(begun, Instant.now()));
        } catch (Exception e) {
            System.err.println("\n[kehou] could not start: " + e.getMessage());
            System.exit(1);
        }
        int exit = launcher.server.waitFor();
        System.err.println("[kehou] the server exited with " + exit);
        System.exit(exit == 0 ? 0 : 1);
    }

    /** Starts PostgreSQL, Keycloak and the server; returns once the server is ready. */
    public void start() throws Exception {
        for (int port : List.of(ports.server(), ports.keycloak(), ports.keycloakManagement(), ports.postgres())) {
            requireFree(port);
        }
        Path serverJar = root.resolve("platform-core/server/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(serverJar)) {
            throw new IOException("no server build at " + root.relativize(serverJar) + ": run ./mvnw package -Prun");
        }
        say("starting Keycloak on :" + ports.keycloak() + " and PostgreSQL on :" + ports.postgres() + " …");
        Path keycloakHome = LocalKeycloak.homeIn(root.resolve(".kehou/keycloak"));
        keycloak = LocalKeycloak.start(keycloakHome, state.resolve("keycloak-data"), ports.keycloak(), ports.keycloakManagement());
        postgres = LocalPostgres.start(state.resolve("pgdata"), ports.postgres());
        say("PostgreSQL ready: " + postgres.jdbcUrl());
        keycloak.awaitReady(Duration.ofMinutes(3));
        say("Keycloak ready: " + keycloak.realmUrl());
        // The logins are Keycloak's users, so they are printed now: before the server is ready, not
        // after it, so whoever waits for /q/health/ready finds them already in the output.
        System.out.println(demoLoginBlock());

        plugins = collectPlugins();
        say("starting the Kehou server on :" + ports.server() + " …");
        server = startServer(ports.server(), serverOutput);
        awaitServerReady(server, serverUrl(), Duration.ofMinutes(2));
    }

    /**
     * Starts one more server instance on {@code port}, on the same PostgreSQL, Keycloak and plugins
     * as the first (the way production runs several replicas); returns once it is ready. It is
     * stopped with the rest by {@link #close}.
     */
    public ProcessHandle startAnotherServer(int port, ProcessBuilder.Redirect output) throws Exception {
        requireFree(port);
        Process another = startServer(port, output);
        extraServers.add(another);
        awaitServerReady(another, "http://localhost:" + port, Duration.ofMinutes(3));
        return another.toHandle();
    }

    /** The server JVM's maximum heap, {@code -Xmx768m} unless a benchmark asks for more (e.g. {@code "2g"}). */
    public void serverHeap(String size) {
        serverHeap = "-Xmx" + size;
    }

    /** Settings every server instance gets on top of the stack's own (e.g. a merchant key for a test). */
    public void putServerEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
    }

    private Process startServer(int port, ProcessBuilder.Redirect output) throws IOException {
        Path serverJar = root.resolve("platform-core/server/target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                serverHeap, "-jar", serverJar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output)
                .redirectInput(ProcessBuilder.Redirect.INHERIT).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("KEHOU_DB_URL", postgres.jdbcUrl());
        env.put("KEHOU_DB_APP_USER", LocalPostgres.APP_ROLE);
        env.put("KEHOU_DB_APP_PASSWORD", LocalPostgres.APP_PASSWORD);
        env.put("KEHOU_DB_OWNER_USER", LocalPostgres.OWNER_ROLE);
        env.put("KEHOU_DB_OWNER_PASSWORD", LocalPostgres.OWNER_PASSWORD);
        env.put("KEHOU_OIDC_URL", keycloak.realmUrl());
        env.put("KEHOU_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("KEHOU_OIDC_SECRET", "kehou-api-local-demo-secret");
        env.put("KEHOU_PLUGINS_DIR", plugins.toString());
        env.put("KEHOU_DEMO_DATA", "true");
        // The gateway simulator notifies the first server; the demo tenants' simulator merchant signs with
        // this LOCAL DEMO KEY (payments/DemoMerchants). Neither exists in production.
        env.put("KEHOU_PAYMENTS_NOTIFY_BASE_URL", serverUrl());
        env.put("KEHOU_PAYMENTS_SECRET_LOCAL_DEMO", "local-demo-simulator-key-not-a-secret");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Readable logs on a developer's terminal; production keeps JSON.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extraEnvironment);
        return pb.start();
    }

    public String serverUrl() {
        return "http://localhost:" + ports.server();
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKeycloak keycloak() {
        return keycloak;
    }

    /** The server's JVM (not a wrapper script), e.g. to read its memory from /proc. */
    public ProcessHandle server() {
        return server.toHandle();
    }

    /** The built regional plugin jars, copied into .kehou/plugins for PF4J to load. */
    private Path collectPlugins() throws IOException {
        Path target = state.resolve("plugins");
        Files.createDirectories(target);
        try (var old = Files.list(target)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try (var modules = Files.list(root.resolve("plugins"))) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path built = module.resolve("target");
                if (!Files.isDirectory(built)) {
                    continue;
                }
                try (var jars = Files.list(built)) {
                    for (Path jar : jars.filter(Launcher::isPluginJar).toList()) {
                        Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    private static boolean isPluginJar(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar") || name.endsWith("-sources.jar") || name.endsWith("-tests.jar")) {
            return false;
        }
        try (var zip = new java.util.jar.JarFile(jar.toFile())) {
            return zip.getManifest() != null && zip.getManifest().getMainAttributes().getValue("Plugin-Id") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitServerReady(Process server, String url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create(url + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IOException("the server exited with " + server.exitValue() + " (see its log above)");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IOException("the server was not ready within " + timeout);
    }

    private void printBanner(Duration took) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("\n==================================================================================\n");
        b.append(" Kehou 课后 is running (ready in ").append(took.toSeconds()).append(" s). Ctrl-C stops everything.\n\n");
        b.append(" Server           ").append(serverUrl()).append('\n');
        b.append(" Tenants (public) ").append(serverUrl()).append("/api/public/tenants\n");
        b.append(" Portals          ").append(serverUrl()).append("/t/guangdong-yangjiang   ·   ")
                .append(serverUrl()).append("/t/xinjiang-urumqi   (any tenant code)\n");
        b.append(" Health           ").append(serverUrl()).append("/q/health/ready\n");
        b.append(" OpenAPI          ").append(serverUrl()).append("/q/openapi\n");
        b.append(" Keycloak         ").append(keycloak.baseUrl()).append("/admin  (admin / ")
                .append(LocalKeycloak.ADMIN_PASSWORD).append(")\n");
        b.append(" PostgreSQL       psql postgresql://").append(LocalPostgres.APP_ROLE).append(':')
                .append(LocalPostgres.APP_PASSWORD).append("@localhost:").append(ports.postgres()).append('/')
                .append(LocalPostgres.DATABASE).append('\n');
        b.append("\n Demo logins        listed above, when Keycloak was ready (LOCAL DEMO CREDENTIALS ONLY)\n");
        b.append("\n A token for the API:  curl -s -d grant_type=password -d client_id=kehou-cli \\\n")
                .append("   -d username=<user> -d password=<password> -d \"scope=openid organization:*\" ").append(keycloak.realmUrl())
                .append("/protocol/openid-connect/token\n");
        b.append("==================================================================================\n");
        System.out.println(b);
    }

    private static String demoLoginBlock() throws IOException {
        StringBuilder b = new StringBuilder("\n Demo logins — LOCAL DEMO CREDENTIALS ONLY (username / password · tenant · role):\n");
        for (String line : demoLogins()) {
            b.append("   ").append(line).append('\n');
        }
        return b.toString();
    }

    private static List<String> demoLogins() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        ClassLoader cl = Launcher.class.getClassLoader();
        JsonNode index;
        try (InputStream in = cl.getResourceAsStream("kehou-tenants/index.json")) {
            index = json.readTree(in);
        }
        for (JsonNode region : index.get("regions")) {
            try (InputStream in = cl.getResourceAsStream("kehou-tenants/" + region.asText() + "/demo-users.json")) {
                if (in == null) {
                    continue;
                }
                for (JsonNode u : json.readTree(in).get("users")) {
                    for (JsonNode m : u.get("memberships")) {
                        lines.add(String.format("%-24s %-16s · %-32s · %s", u.get("username").asText(),
                                u.get("password").asText(), m.get("tenant").asText(), m.get("role").asText()));
                    }
                }
            }
        }
        return lines;
    }

    /** Stops everything this launcher started; safe to call twice. */
    @Override
    public synchronized void close() {
        if (server == null && keycloak == null && postgres == null) {
            return;
        }
        say("stopping …");
        for (Process another : extraServers) {
            if (another.isAlive()) {
                ProcessTree.stop(another.toHandle(), Duration.ofSeconds(20));
            }
        }
        extraServers.clear();
        if (server != null && server.isAlive()) {
            ProcessTree.stop(server.toHandle(), Duration.ofSeconds(20));
        }
        server = null;
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("[kehou] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        say("stopped.");
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            throw new IOException("port " + port + " is in use — is Kehou already running? Stop it, or set -Dkehou.port / "
                    + "-Dkehou.keycloak.port / -Dkehou.postgres.port");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void say(String message) {
        System.out.println("[kehou] " + message);
    }
}
