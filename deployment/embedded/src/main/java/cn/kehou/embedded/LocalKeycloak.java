package cn.kehou.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist}, unpacked by the build) in
 * {@code start-dev} mode on its own port, with the Kehou realm imported from the repo.
 *
 * <p>Its H2 database lives in {@code dataDir}, not in the Keycloak home, so the local run and the
 * tests can share one unpacked distribution. When the realm file changes, the local data is
 * reset: Keycloak never re-imports a realm that already exists.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "kehou";
    /** Keycloak's master-realm admin. Local demo credential. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "kehou-admin-local-demo";
    private static final String REALM_RESOURCE = "/keycloak/kehou-realm.json";
    /** The login theme (realm {@code loginTheme}): files under {@code /keycloak/themes/} on the classpath. */
    private static final String THEMES_RESOURCE = "/keycloak/themes/";
    static final List<String> THEME_FILES = List.of(
            "kehou/login/theme.properties",
            "kehou/login/template.ftl",
            "kehou/login/resources/css/kehou.css");

    private final Process process;
    private final int httpPort;
    private final Path log;

    private LocalKeycloak(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** The Keycloak home inside the parent directory the build unpacked the distribution into. */
    public static Path homeIn(Path parent) throws IOException {
        try (var dirs = Files.list(parent)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-")
                            && Files.isRegularFile(p.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no Keycloak distribution under " + parent
                            + ": build the project first (./mvnw install) so Maven unpacks it"));
        }
    }

    /**
     * Starts Keycloak; returns once the process runs (call {@link #awaitReady}).
     *
     * @param home     the unpacked distribution
     * @param dataDir  where its H2 database and the realm marker live
     * @param httpPort its HTTP port; the management port is {@code managementPort}
     */
    public static LocalKeycloak start(Path home, Path dataDir, int httpPort, int managementPort)
            throws IOException {
        Files.createDirectories(dataDir);
        byte[] realm = realmFile();
        Path marker = dataDir.resolve("realm.sha256");
        String realmHash = sha256(realm);
        if (!Files.exists(marker) || !Files.readString(marker).equals(realmHash)) {
            deleteTree(dataDir.resolve("h2"));
        }
        // start-dev --import-realm reads only <home>/data/import. The local run and the tests
        // write the same bytes there; an atomic move keeps a concurrent reader from a half file.
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path staged = Files.createTempFile(importDir.getParent(), "realm", ".tmp");
        Files.write(staged, realm);
        Files.move(staged, importDir.resolve("kehou-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        installThemes(home);

        Path log = dataDir.resolve("keycloak.log");
        List<String> command = new ArrayList<>(List.of(
                "bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb").toAbsolutePath()
                        + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = pb.start();
        Files.writeString(marker, realmHash);
        return new LocalKeycloak(process, httpPort, log);
    }

    /**
     * Copies the Kehou login theme into {@code <home>/themes}, where {@code start-dev} reads themes
     * (uncached, so an edited theme shows without a restart). Each file is replaced atomically: the
     * local run and the tests share one Keycloak home.
     */
    static void installThemes(Path home) throws IOException {
        Path themes = home.resolve("themes");
        for (String file : THEME_FILES) {
            Path target = themes.resolve(file);
            Files.createDirectories(target.getParent());
            byte[] bytes;
            try (InputStream in = LocalKeycloak.class.getResourceAsStream(THEMES_RESOURCE + file)) {
                bytes = Objects.requireNonNull(in, "theme file " + THEMES_RESOURCE + file + " missing from the classpath")
                        .readAllBytes();
            }
            Path staged = Files.createTempFile(target.getParent(), "theme", ".tmp");
            Files.write(staged, bytes);
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public Path log() {
        return log;
    }

    /** Waits until the realm's discovery document answers; fails with the log's tail otherwise. */
    public void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IOException("Keycloak was not ready within " + timeout + "; log " + log + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops Keycloak and every process kc.sh started; waits for them to end. */
    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(20));
    }

    private static byte[] realmFile() throws IOException {
        try (InputStream in = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            return Objects.requireNonNull(in, "realm file " + REALM_RESOURCE + " missing from the classpath").readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
