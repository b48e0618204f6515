package cn.kehou.server.operations;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's scripts in deployment/ops, run for real with Debian's PostgreSQL 15 client tools
 * against the test database (demo data of all five regions loaded): a backup restores into a new
 * database with every row, row-level-security policy and grant; one tenant's export holds its
 * subtree's rows and nobody else's.
 */
@QuarkusTest
class BackupRestoreTest {

    static final Path OPS = Path.of("../../deployment/ops");

    @Test
    void a_backup_restores_into_a_new_database_with_every_row_policy_and_grant() throws Exception {
        Path out = Files.createTempDirectory("kehou-backup-");
        // The server's jobs keep writing: count inside one snapshot and dump exactly that snapshot.
        Map<String, Long> rows;
        Path dump;
        try (Connection snapshot = Db.superuser(); Statement s = snapshot.createStatement()) {
            snapshot.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            String id;
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                id = rs.getString(1);
            }
            rows = counts(snapshot);
            List<String> backup = run(Map.of("KEHOU_SNAPSHOT", id), OPS.resolve("backup.sh").toString(), libpq("kehou"), out.toString());
            dump = Path.of(backup.get(backup.size() - 1));
            snapshot.rollback();
        }
        assertThat(dump).exists();
        assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).as("demo data to back up").isPositive();

        String restored = "kehou_restored_" + Long.toHexString(System.nanoTime());
        try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + restored);
        }
        try {
            run(OPS.resolve("restore.sh").toString(), dump.toString(), libpq(restored));
            try (Connection original = Db.superuser(); Connection copy = connect(restored)) {
                assertThat(counts(copy)).isEqualTo(rows);
                assertThat(single(copy, "SELECT count(*) FROM pg_policies WHERE schemaname = 'public'"))
                        .isEqualTo(single(original, "SELECT count(*) FROM pg_policies WHERE schemaname = 'public'")).isPositive();
                String forced = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relforcerowsecurity";
                assertThat(single(copy, forced)).isEqualTo(single(original, forced));
                // The append-only ledger stays append-only for the server's role.
                String app = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("kehou_app");
                String grant = "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '" + app + "'";
                assertThat(single(copy, grant)).isEqualTo(single(original, grant)).isPositive();
                String canUpdateLedger = "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '" + app
                        + "' AND table_name = 'journal_line' AND privilege_type IN ('UPDATE', 'DELETE')";
                assertThat(single(copy, canUpdateLedger)).isZero();
            }
        } finally {
            try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    @Test
    void one_tenants_export_holds_its_subtree_and_no_other_tenants_rows() throws Exception {
        Path out = Files.createTempDirectory("kehou-export-");
        run(OPS.resolve("export-tenant.sh").toString(), libpq("kehou"), "guangdong-yangjiang", out.toString());
        Set<String> subtree = new TreeSet<>();
        try (Connection c = Db.superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.descendant_id FROM tenant_closure c JOIN tenant t ON t.id = c.ancestor_id WHERE t.code = 'guangdong-yangjiang'")) {
            while (rs.next()) {
                subtree.add(rs.getString(1));
            }
        }
        assertThat(subtree).hasSizeGreaterThan(1); // the city and its districts
        List<String> schools = Files.readAllLines(out.resolve("school.csv"), StandardCharsets.UTF_8);
        long expected;
        try (Connection c = Db.superuser()) {
            expected = single(c, "SELECT count(*) FROM school s JOIN tenant_closure c ON c.descendant_id = s.tenant_id"
                    + " JOIN tenant t ON t.id = c.ancestor_id WHERE t.code = 'guangdong-yangjiang'");
        }
        assertThat(schools.size() - 1L).isEqualTo(expected).isPositive();
        int tenantColumn = List.of(schools.get(0).split(",")).indexOf("tenant_id");
        for (String row : schools.subList(1, schools.size())) {
            assertThat(subtree).contains(row.split(",")[tenantColumn]);
        }
        assertThat(Files.readString(out.resolve("school.csv"))).doesNotContain("乌鲁木齐");
        assertThat(Files.readString(out.resolve("tenant.csv"))).contains("guangdong-yangjiang").doesNotContain("xinjiang-urumqi");
    }

    // --- helpers ---

    /** The superuser's libpq URL for a database on the test PostgreSQL (the scripts take libpq URLs). */
    static String libpq(String database) {
        String jdbc = ConfigProvider.getConfig().getValue("kehou.test.superuser-url", String.class);
        String hostPort = jdbc.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        return "postgresql://postgres:postgres@" + hostPort + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        String jdbc = ConfigProvider.getConfig().getValue("kehou.test.superuser-url", String.class);
        return DriverManager.getConnection(jdbc.replaceFirst("/[^/]+$", "/" + database), "postgres", "postgres");
    }

    static List<String> run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    static List<String> run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return new ArrayList<>(output.lines().toList());
    }

    static Map<String, Long> counts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            counts.put(t, single(c, "SELECT count(*) FROM \"" + t + "\""));
        }
        return counts;
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
