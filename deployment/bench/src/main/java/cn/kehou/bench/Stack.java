package cn.kehou.bench;

import cn.kehou.embedded.LocalKeycloak;
import cn.kehou.embedded.LocalPostgres;
import cn.kehou.local.Launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stack under measurement: started by the run command's {@link Launcher} on spare ports with
 * data in a throw-away directory, or — {@code -Dbench.reuse=true} — one already running.
 */
final class Stack implements AutoCloseable {

    private final String serverUrl;
    private final String keycloakUrl;
    private final int postgresPort;
    private final Optional<ProcessHandle> server;
    private final Launcher launcher;
    private final Path state;

    private Stack(String serverUrl, String keycloakUrl, int postgresPort, Optional<ProcessHandle> server, Launcher launcher,
                  Path state) {
        this.serverUrl = serverUrl;
        this.keycloakUrl = keycloakUrl;
        this.postgresPort = postgresPort;
        this.server = server;
        this.launcher = launcher;
        this.state = state;
    }

    static Stack open(Settings settings, String run) throws Exception {
        if (settings.reuse()) {
            String jar = settings.root().resolve("platform-core/server/target/quarkus-app/quarkus-run.jar").toString();
            List<ProcessHandle> servers = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false)).toList();
            return new Stack(settings.serverUrl(), settings.keycloakUrl(), settings.postgresPort(),
                    servers.size() == 1 ? Optional.of(servers.get(0)) : Optional.empty(), null, null);
        }
        return start(settings.root(), settings.output(), run, "bench-server.log", null);
    }

    /**
     * Starts a stack of its own on spare ports with throw-away data; the server's log goes to
     * {@code logName} in {@code output}, its heap is capped at {@code heap} ({@code "2g"}; null: the run command's).
     */
    static Stack start(Path root, Path output, String run, String logName, String heap) throws Exception {
        Files.createDirectories(output);
        Path state = Files.createTempDirectory(output, "bench-stack-" + run + "-");
        // The server's log outlives the throw-away data: it explains a failed or surprising run.
        Path log = output.resolve(logName);
        Launcher launcher = new Launcher(root, state, Launcher.Ports.free(), ProcessBuilder.Redirect.to(log.toFile()));
        if (heap != null) {
            launcher.serverHeap(heap);
        }
        try {
            launcher.start();
        } catch (Exception e) {
            launcher.close();
            deleteTree(state);
            throw new IOException(e.getMessage() + " (server log: " + log + ")", e);
        }
        return new Stack(launcher.serverUrl(), launcher.keycloak().baseUrl(), launcher.postgres().port(),
                Optional.of(launcher.server()), launcher, state);
    }

    /** True when this run started the stack: its Keycloak and database are throw-away. */
    boolean owned() {
        return launcher != null;
    }

    String serverUrl() {
        return serverUrl;
    }

    String keycloakUrl() {
        return keycloakUrl;
    }

    String realmUrl() {
        return keycloakUrl + "/realms/" + LocalKeycloak.REALM;
    }

    /** The embedded cluster's superuser: fixtures and the final checks see every tenant's rows. */
    Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** The server's own role, subject to row-level security: the baseline runs as the server does. */
    Connection app() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), LocalPostgres.APP_ROLE, LocalPostgres.APP_PASSWORD);
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + LocalPostgres.DATABASE;
    }

    /** CPU time the server JVM has used so far: unlike latency, barely moved by other work on the machine. */
    Optional<java.time.Duration> serverCpu() {
        return server.flatMap(p -> p.info().totalCpuDuration());
    }

    /** The server JVM's peak resident set (VmHWM), in KiB; empty where /proc or the process is not there. */
    OptionalLong peakRssKiB() {
        if (server.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.get().pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the server is gone
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        if (launcher == null) {
            return;
        }
        launcher.close();
        deleteTree(state);
    }

    private static void deleteTree(Path state) {
        try (var paths = Files.walk(state)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("[bench] could not delete " + state + ": " + e.getMessage());
        }
    }
}
