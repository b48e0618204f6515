package cn.kehou.server.tenancy;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the catalog and fails for any table that is not on the global allow-list yet lacks
 * tenant_id in its primary key, lacks forced row-level security, or points at a tenant table
 * without tenant_id in the foreign key. New migrations are checked automatically.
 */
@QuarkusTest
class SchemaIsolationTest {

    /**
     * Platform-wide tables: the tenant tree and the migration history; and the provider registry
     * (provider, provider_course: one institution serves schools in several tenants, so its licence
     * and off-campus price list are platform-wide, while each bureau's approval of it is tenant-owned,
     * in provider_approval). Nothing tenant-owned.
     */
    static final Set<String> GLOBAL = Set.of("tenant", "tenant_closure", "tenant_policy_version", "flyway_schema_history",
            "provider", "provider_course", "job_run");

    @Test
    void every_table_off_the_global_allow_list_is_tenant_keyed_and_forced_under_row_level_security() throws SQLException {
        List<String> violations = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                           EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_attribute a
                                     ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                                   WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attname = 'tenant_id') AS pk_has_tenant,
                           EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')""")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    tables.add(table);
                    if (GLOBAL.contains(table)) {
                        continue;
                    }
                    if (!rs.getBoolean("pk_has_tenant")) {
                        violations.add(table + ": tenant_id not in primary key");
                    }
                    if (!rs.getBoolean(2) || !rs.getBoolean(3)) {
                        violations.add(table + ": row-level security not enabled and forced");
                    }
                    if (!rs.getBoolean("has_policy")) {
                        violations.add(table + ": no row-level-security policy");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT src.relname, dst.relname,
                           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid
                                   AND a.attnum = ANY (k.conkey) AND a.attname = 'tenant_id') AS has_tenant
                    FROM pg_constraint k
                    JOIN pg_class src ON src.oid = k.conrelid
                    JOIN pg_class dst ON dst.oid = k.confrelid
                    JOIN pg_namespace n ON n.oid = src.relnamespace
                    WHERE k.contype = 'f' AND n.nspname = 'public'""")) {
                while (rs.next()) {
                    String target = rs.getString(2);
                    if (!GLOBAL.contains(target) && !rs.getBoolean(3)) {
                        violations.add(rs.getString(1) + " → " + target + ": foreign key to a tenant table without tenant_id");
                    }
                }
            }
        }
        assertThat(tables).as("the check sees the tenant tables").contains("school", "role_assignment");
        assertThat(violations).isEmpty();
    }
}
