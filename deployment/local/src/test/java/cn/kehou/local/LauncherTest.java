package cn.kehou.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run command's launcher as a user meets it: started as its own process on spare ports, it
 * brings up PostgreSQL, Keycloak and the server, prints the demo logins, and on SIGTERM leaves no
 * process behind. The packaged server also refuses to start without its production settings.
 */
class LauncherTest {

    static final Path ROOT = Path.of(System.getProperty("kehou.root", "../..")).toAbsolutePath().normalize();
    static final Path SERVER_JAR = ROOT.resolve("platform-core/server/target/quarkus-app/quarkus-run.jar");

    @Test
    void the_packaged_server_refuses_to_start_without_its_production_settings() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-jar", SERVER_JAR.toString()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KEHOU_") || k.startsWith("QUARKUS_"));
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        Process server = pb.start();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String output = new String(server.getInputStream().readAllBytes());
        assertThat(server.exitValue()).isNotZero();
        assertThat(output).contains("KEHOU_DB_URL").contains("KEHOU_OIDC_URL").contains("KEHOU_KEYCLOAK_URL")
                .contains("KEHOU_PAYMENTS_NOTIFY_BASE_URL");
    }

    @Test
    void the_launcher_starts_everything_prints_logins_and_stops_without_leftovers() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("kehou-launcher", ".log");
        Path state = Files.createTempDirectory("kehou-launcher-state");
        ProcessBuilder pb = new ProcessBuilder(java(), "-Dkehou.root=" + ROOT, "-Dkehou.state=" + state,
                "-Dkehou.port=" + port, "-Dkehou.keycloak.port=" + freePort(),
                "-Dkehou.keycloak.management-port=" + freePort(), "-Dkehou.postgres.port=" + freePort(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process launcher = pb.start();
        try {
            awaitReady(launcher, port, log, Duration.ofMinutes(5));
            awaitLine(log, "Demo logins", Duration.ofSeconds(30));
            assertThat(Files.readString(log)).contains("yj-parent").contains("demo-Parent-1");
            List<ProcessHandle> started = launcher.descendants().toList();
            assertThat(started).as("server and Keycloak run as children").isNotEmpty();
            long postgresBefore = postgresProcessesUnder(state);
            assertThat(postgresBefore).as("PostgreSQL runs on the state directory").isPositive();

            launcher.destroy(); // SIGTERM, as a service manager or Ctrl-C's process group gets
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher exits").isTrue();
            Thread.sleep(1000);
            assertThat(started.stream().filter(ProcessHandle::isAlive).toList()).as("children left running").isEmpty();
            assertThat(postgresProcessesUnder(state)).as("postgres left running").isZero();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static long postgresProcessesUnder(Path state) {
        String marker = state.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(marker)).orElse(false))
                .count();
    }

    private static void awaitReady(Process launcher, int port, Path log, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(launcher.isAlive()).as("launcher alive; log:\n" + tail(log)).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not ready in " + timeout + "; log:\n" + tail(log));
    }

    private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !Files.readString(log).contains(text)) {
            Thread.sleep(200);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
