package cn.kehou.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 15 (zonky's embedded binaries) laid out the way production is: a database
 * owned by a migration role, and a separate application role that is not superuser, has no
 * BYPASSRLS and owns nothing — so row-level security applies to every query the server makes.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "kehou";
    /** Runs Flyway; owns every table. Local demo credential. */
    public static final String OWNER_ROLE = "kehou_owner";
    public static final String OWNER_PASSWORD = "kehou-owner-local-demo";
    /** The server's role: subject to row-level security. Local demo credential. */
    public static final String APP_ROLE = "kehou_app";
    public static final String APP_PASSWORD = "kehou-app-local-demo";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = any free port) with its data in {@code dataDir}.
     * An existing data directory is reused, so a restart keeps the data.
     */
    public static LocalPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "Asia/Shanghai");
        if (port > 0) {
            builder.setPort(port);
        }
        LocalPostgres db = new LocalPostgres(builder.start());
        db.ensureRolesAndDatabase();
        return db;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** A superuser connection, for tests that must prove what the application role cannot do. */
    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "postgres");
    }

    private void ensureRolesAndDatabase() throws IOException {
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            createRoleIfMissing(s, OWNER_ROLE, OWNER_PASSWORD, "LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE");
            createRoleIfMissing(s, APP_ROLE, APP_PASSWORD, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
            s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
        } catch (SQLException e) {
            throw new IOException("could not prepare the local database: " + e.getMessage(), e);
        }
    }

    private static void createRoleIfMissing(Statement s, String role, String password, String options)
            throws SQLException {
        try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (!rs.next()) {
                s.execute("CREATE ROLE " + role + " " + options + " PASSWORD '" + password + "'");
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
