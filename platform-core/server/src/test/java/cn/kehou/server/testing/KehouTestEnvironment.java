package cn.kehou.server.testing;

import cn.kehou.embedded.LocalKeycloak;
import cn.kehou.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real PostgreSQL 15 and the real Keycloak, started once per test JVM for every Quarkus test
 * (the resource is global), in parallel, each on free ports with throw-away data.
 */
public class KehouTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;
    private LocalKeycloak keycloak;

    @Override
    public Map<String, String> start() {
        try {
            Path work = Files.createTempDirectory("kehou-test-");
            Path keycloakHome = LocalKeycloak.homeIn(Path.of(System.getProperty("kehou.keycloak.parent", "../../.kehou/keycloak")));
            // Three distinct ports chosen up front: PostgreSQL starting on "any free port" while Keycloak
            // was still booting once took Keycloak's management port (Address already in use).
            int[] ports = distinctFreePorts(3);
            keycloak = LocalKeycloak.start(keycloakHome, work.resolve("keycloak"), ports[0], ports[1]);
            CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(() -> {
                try {
                    keycloak.awaitReady(Duration.ofMinutes(4));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            postgres = LocalPostgres.start(work.resolve("pgdata"), ports[2]);
            try {
                keycloakReady.join();
            } catch (java.util.concurrent.CompletionException e) {
                // Another process may still take a port between choosing and binding it: one more try.
                keycloak.close();
                int[] again = distinctFreePorts(2);
                keycloak = LocalKeycloak.start(keycloakHome, work.resolve("keycloak-retry"), again[0], again[1]);
                keycloak.awaitReady(Duration.ofMinutes(4));
            }

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", LocalPostgres.APP_ROLE);
            config.put("quarkus.datasource.password", LocalPostgres.APP_PASSWORD);
            config.put("quarkus.datasource.migration.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.migration.username", LocalPostgres.OWNER_ROLE);
            config.put("quarkus.datasource.migration.password", LocalPostgres.OWNER_PASSWORD);
            config.put("quarkus.flyway.migration.placeholders.app_role", LocalPostgres.APP_ROLE);
            config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            config.put("quarkus.oidc.credentials.secret", "kehou-api-local-demo-secret");
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
            config.put("quarkus.keycloak.admin-client.client-secret", "kehou-api-local-demo-secret");
            config.put("kehou.demo-data", "true");
            config.put("kehou.test.superuser-url", "jdbc:postgresql://localhost:" + postgres.port() + "/" + LocalPostgres.DATABASE);
            config.put("kehou.test.keycloak-url", keycloak.baseUrl());
            config.put("kehou.plugins.dir", pluginsDir(work).toString());
            return config;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending; zonky's own hook stops it too
            }
        }
    }

    /** Plugin-Id of a copy of a real plugin that demands the next major plugin API. */
    public static final String INCOMPATIBLE_PLUGIN = "incompatible-region";

    /**
     * The built regional plugins, plus one made API-incompatible: a real jar whose manifest is
     * rewritten to require plugin API 2.x, so PF4J must refuse it and its tenants must fail closed.
     */
    private static Path pluginsDir(Path work) throws IOException {
        Path built = Path.of(System.getProperty("kehou.test.plugins", "target/test-plugins"));
        Path dir = Files.createDirectories(work.resolve("plugins"));
        Path any = null;
        try (var jars = Files.list(built)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
                any = jar;
            }
        }
        if (any == null) {
            throw new IOException("no plugin jars in " + built + ": build from the root (./mvnw verify)");
        }
        try (var in = new java.util.jar.JarInputStream(Files.newInputStream(any))) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Plugin-Id", INCOMPATIBLE_PLUGIN);
            manifest.getMainAttributes().putValue("Plugin-Requires", ">=2.0.0");
            try (var out = new java.util.jar.JarOutputStream(
                    Files.newOutputStream(dir.resolve(INCOMPATIBLE_PLUGIN + ".jar")), manifest)) {
                for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return dir;
    }

    /** Ports free now, all different: the sockets stay open until every port is chosen. */
    private static int[] distinctFreePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
