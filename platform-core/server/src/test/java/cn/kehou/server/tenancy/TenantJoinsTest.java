package cn.kehou.server.tenancy;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path to a tenant-distributed PostgreSQL (Citus, {@code deployment/citus/distribute.sql}),
 * checked without Citus: distributing by tenant_id only works if every uniqueness rule includes
 * tenant_id and every join between tenant tables matches on it — otherwise a query would need rows
 * from several workers. The schema is read from the migrated database; the queries from the
 * server's source (its native SQL and JPQL: the only place joins are written).
 */
@QuarkusTest
class TenantJoinsTest {

    static final Path SOURCES = Path.of("src/main/java");
    static final Path DISTRIBUTE = Path.of("../../deployment/citus/distribute.sql");
    static final Pattern JOIN = Pattern.compile("\\bJOIN\\s+(\\w+)\\s+(?:AS\\s+)?(\\w+)\\s+ON\\s+(.+?)(?=\\bWHERE\\b|\\bJOIN\\b|\\bLEFT\\b|\\bGROUP\\b|\\bORDER\\b|\"\"\"|\\)|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void the_citus_script_makes_exactly_the_global_tables_reference_tables() throws IOException {
        String script = Files.readString(DISTRIBUTE);
        Matcher m = Pattern.compile("reference_tables text\\[] := ARRAY\\[([^]]+)]").matcher(script);
        assertThat(m.find()).isTrue();
        Set<String> reference = Stream.of(m.group(1).split(",")).map(s -> s.strip().replace("'", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> global = new TreeSet<>(SchemaIsolationTest.GLOBAL);
        global.remove("flyway_schema_history");
        assertThat(reference).isEqualTo(global);
    }

    @Test
    void every_primary_key_and_unique_rule_of_a_tenant_table_includes_tenant_id() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = Db.superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid)
                FROM pg_index x
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND x.indisunique
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id')
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id'
                                  AND a.attnum = ANY (x.indkey))""")) {
            while (rs.next()) {
                if (!SchemaIsolationTest.GLOBAL.contains(rs.getString(1))) { // reference tables are whole on every worker
                    problems.add(rs.getString(1) + "." + rs.getString(2) + ": " + rs.getString(3));
                }
            }
        }
        assertThat(problems).as("unique rules without tenant_id cannot be enforced per worker").isEmpty();
    }

    @Test
    void every_join_between_tenant_tables_in_the_code_matches_on_tenant_id() throws SQLException, IOException {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("school", "enrollment_application", "journal_line");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", " ");
                Matcher m = JOIN.matcher(source);
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    String alias = m.group(2);
                    String on = m.group(3).replaceAll("\\s+", " ");
                    if (!tenantTables.contains(table)) {
                        continue; // a reference table (tenant, tenant_closure…) is on every worker
                    }
                    checked++;
                    boolean matched = Pattern.compile("\\b" + alias + "\\.tenant_id\\s*=\\s*\\w+\\.tenant_id|\\w+\\.tenant_id\\s*=\\s*"
                            + alias + "\\.tenant_id", Pattern.CASE_INSENSITIVE).matcher(on).find();
                    if (!matched) {
                        problems.add(SOURCES.relativize(file) + ": JOIN " + table + " " + alias + " ON " + on.strip());
                    }
                }
            }
        }
        assertThat(checked).as("the scan finds the joins that exist").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    static Set<String> tenantTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = Db.superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.removeAll(SchemaIsolationTest.GLOBAL); // tenant_policy_version is keyed by tenant but read across the tree
        return tables;
    }
}
