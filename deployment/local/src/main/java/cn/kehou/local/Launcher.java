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

/**
 * The README's run command: real PostgreSQL 15 (data in .kehou/pgdata, kept across restarts), the
 * real Keycloak with the Kehou realm, and the Kehou server's packaged fast-jar with the regional
 * plugins and demo data. Prints URLs and demo logins; Ctrl-C or SIGTERM stops everything it started.
 */
public final class Launcher {

    private static final int SERVER_PORT = Integer.getInteger("kehou.port", 8080);
    private static final int KEYCLOAK_PORT = Integer.getInteger("kehou.keycloak.port", 8180);
    private static final int KEYCLOAK_MANAGEMENT_PORT = Integer.getInteger("kehou.keycloak.management-port", 9180);
    private static final int POSTGRES_PORT = Integer.getInteger("kehou.postgres.port", 5433);

    private final Path root;
    private final Path state;
    private volatile LocalPostgres postgres;
    private volatile LocalKeycloak keycloak;
    private volatile Process server;

    private Launcher(Path root) {
        this.root = root;
        // Tests point kehou.state elsewhere so they never touch a developer's local data.
        this.state = Path.of(System.getProperty("kehou.state", root.resolve(".kehou").toString()));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kehou.root", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(root);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "kehou-stop"));
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("\n[kehou] could not start: " + e.getMessage());
            System.exit(1);
        }
        int exit = launcher.server.waitFor();
        System.err.println("[kehou] the server exited with " + exit);
        System.exit(exit == 0 ? 0 : 1);
    }

    private void start() throws Exception {
        Instant begun = Instant.now();
        for (int port : List.of(SERVER_PORT, KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, POSTGRES_PORT)) {
            requireFree(port);
        }
        Path serverJar = root.resolve("platform-core/server/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(serverJar)) {
            throw new IOException("no server build at " + root.relativize(serverJar) + ": run ./mvnw package -Prun");
        }
        say("starting Keycloak on :" + KEYCLOAK_PORT + " and PostgreSQL on :" + POSTGRES_PORT + " …");
        Path keycloakHome = LocalKeycloak.homeIn(root.resolve(".kehou/keycloak"));
        keycloak = LocalKeycloak.start(keycloakHome, state.resolve("keycloak-data"), KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT);
        postgres = LocalPostgres.start(state.resolve("pgdata"), POSTGRES_PORT);
        say("PostgreSQL ready: " + postgres.jdbcUrl());
        keycloak.awaitReady(Duration.ofMinutes(3));
        say("Keycloak ready: " + keycloak.realmUrl());

        Path plugins = collectPlugins();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", serverJar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO().directory(root.toFile());
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
        // The gateway simulator notifies this server; the demo tenants' simulator merchant signs with
        // this LOCAL DEMO KEY (payments/DemoMerchants). Neither exists in production.
        env.put("KEHOU_PAYMENTS_NOTIFY_BASE_URL", "http://localhost:" + SERVER_PORT);
        env.put("KEHOU_PAYMENTS_SECRET_LOCAL_DEMO", "local-demo-simulator-key-not-a-secret");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(SERVER_PORT));
        // Readable logs on a developer's terminal; production keeps JSON.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        say("starting the Kehou server on :" + SERVER_PORT + " …");
        server = pb.start();
        awaitServerReady(Duration.ofMinutes(2));
        printBanner(Duration.between(begun, Instant.now()));
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

    private void awaitServerReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://localhost:" + SERVER_PORT + "/q/health/ready");
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
        b.append(" Server           http://localhost:").append(SERVER_PORT).append('\n');
        b.append(" Tenants (public) http://localhost:").append(SERVER_PORT).append("/api/public/tenants\n");
        b.append(" Portals          http://localhost:").append(SERVER_PORT).append("/t/guangdong-yangjiang   ·   http://localhost:")
                .append(SERVER_PORT).append("/t/xinjiang-urumqi   (any tenant code)\n");
        b.append(" Health           http://localhost:").append(SERVER_PORT).append("/q/health/ready\n");
        b.append(" OpenAPI          http://localhost:").append(SERVER_PORT).append("/q/openapi\n");
        b.append(" Keycloak         ").append(keycloak.baseUrl()).append("/admin  (admin / ")
                .append(LocalKeycloak.ADMIN_PASSWORD).append(")\n");
        b.append(" PostgreSQL       psql postgresql://").append(LocalPostgres.APP_ROLE).append(':')
                .append(LocalPostgres.APP_PASSWORD).append("@localhost:").append(POSTGRES_PORT).append('/')
                .append(LocalPostgres.DATABASE).append('\n');
        b.append("\n Demo logins — LOCAL DEMO CREDENTIALS ONLY (username / password · tenant · role):\n");
        for (String line : demoLogins()) {
            b.append("   ").append(line).append('\n');
        }
        b.append("\n A token for the API:  curl -s -d grant_type=password -d client_id=kehou-cli \\\n")
                .append("   -d username=<user> -d password=<password> -d \"scope=openid organization:*\" ").append(keycloak.realmUrl())
                .append("/protocol/openid-connect/token\n");
        b.append("==================================================================================\n");
        System.out.println(b);
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

    private void stop() {
        say("stopping …");
        if (server != null && server.isAlive()) {
            ProcessTree.stop(server.toHandle(), Duration.ofSeconds(20));
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("[kehou] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
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

    private static void say(String message) {
        System.out.println("[kehou] " + message);
    }
}
