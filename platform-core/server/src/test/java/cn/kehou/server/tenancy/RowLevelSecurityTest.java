package cn.kehou.server.tenancy;

import cn.kehou.embedded.LocalPostgres;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.KehouTestEnvironment;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security proven with raw SQL on the server's own pooled connections and role: the
 * isolation holds even for a query that forgets its tenant filter.
 */
@QuarkusTest
@QuarkusTestResource(KehouTestEnvironment.class)
class RowLevelSecurityTest {

    @Inject
    AgroalDataSource serverPool;

    @Test
    void rows_written_under_one_tenant_are_invisible_and_unchangeable_under_another() throws SQLException {
        UUID yangjiang = tenantId("guangdong-yangjiang-jiangcheng");
        UUID urumqi = tenantId("xinjiang-urumqi-tianshan");
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, yangjiang, false);
            exec(c, "INSERT INTO school (tenant_id, id, code, name_zh, name_en, level, urban, boarding, normal_dismissal,"
                    + " period_minutes) VALUES ('" + yangjiang + "', gen_random_uuid(), 'rls-probe', '探针', 'Probe',"
                    + " 'PRIMARY', true, false, '16:30', 40)");
            assertThat(count(c, "SELECT count(*) FROM school WHERE code = 'rls-probe'")).isEqualTo(1);

            actAs(c, urumqi, false);
            assertThat(count(c, "SELECT count(*) FROM school WHERE code = 'rls-probe'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM school")).as("Urumqi sees its own schools")
                    .isEqualTo(superuserCount("SELECT count(*) FROM school WHERE tenant_id = '" + urumqi + "'"));
            assertThat(update(c, "UPDATE school SET name_zh = '篡改' WHERE code = 'rls-probe'")).isZero();
            assertThat(update(c, "DELETE FROM school WHERE code = 'rls-probe'")).isZero();
            assertThatThrownBy(() -> exec(c, "INSERT INTO school (tenant_id, id, code, name_zh, name_en, level, urban,"
                    + " boarding, normal_dismissal, period_minutes) VALUES ('" + yangjiang + "', gen_random_uuid(),"
                    + " 'rls-forged', '伪造', 'Forged', 'PRIMARY', true, false, '16:30', 40)"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void a_table_given_its_policies_by_the_migration_function_is_isolated_like_the_rest() throws SQLException {
        UUID yangjiang = tenantId("guangdong-yangjiang-jiangcheng");
        UUID urumqi = tenantId("xinjiang-urumqi-tianshan");
        try (Connection su = Db.superuser(); java.sql.Statement s = su.createStatement()) {
            s.execute("CREATE TABLE rls_function_probe (tenant_id uuid NOT NULL REFERENCES tenant (id), id uuid NOT NULL,"
                    + " note text, PRIMARY KEY (tenant_id, id))");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON rls_function_probe TO " + LocalPostgres.APP_ROLE);
            s.execute("SELECT kehou_isolate_tenant_table('rls_function_probe')");
            s.execute("INSERT INTO rls_function_probe VALUES ('" + yangjiang + "', gen_random_uuid(), 'yj'), ('" + urumqi
                    + "', gen_random_uuid(), 'uq')");
        }
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, yangjiang, false);
            assertThat(count(c, "SELECT count(*) FROM rls_function_probe")).isEqualTo(1);
            assertThat(update(c, "UPDATE rls_function_probe SET note = 'x' WHERE note = 'uq'")).isZero();
            assertThatThrownBy(() -> exec(c, "INSERT INTO rls_function_probe VALUES ('" + urumqi + "', gen_random_uuid(), 'forged')"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        } finally {
            try (Connection su = Db.superuser(); java.sql.Statement s = su.createStatement()) {
                s.execute("DROP TABLE rls_function_probe");
            }
        }
    }

    @Test
    void with_no_tenant_set_a_query_returns_zero_rows_not_an_error() throws SQLException {
        assertThat(superuserCount("SELECT count(*) FROM school")).isPositive();
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            assertThat(count(c, "SELECT count(*) FROM school")).isZero();
            // A transaction-local setting leaves '' behind on the pooled connection after commit.
            actAs(c, tenantId("xinjiang-urumqi-tianshan"), false);
            assertThat(count(c, "SELECT count(*) FROM school")).isPositive();
            c.commit();
            assertThat(count(c, "SELECT (current_setting('app.tenant_id', true) = '')::int")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM school")).isZero();
            c.commit();
        }
    }

    @Test
    void a_province_reads_its_cities_rows_and_a_city_never_reads_a_siblings() throws SQLException {
        UUID tianshan = tenantId("xinjiang-urumqi-tianshan");
        UUID saybag = tenantId("xinjiang-urumqi-saybag");
        long tianshanSchools = superuserCount("SELECT count(*) FROM school WHERE tenant_id = '" + tianshan + "'");
        long saybagSchools = superuserCount("SELECT count(*) FROM school WHERE tenant_id = '" + saybag + "'");
        assertThat(tianshanSchools).isPositive();
        assertThat(saybagSchools).isPositive();
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            actAs(c, tenantId("xinjiang"), true);
            assertThat(count(c, "SELECT count(*) FROM school")).isEqualTo(tianshanSchools + saybagSchools);
            assertThat(update(c, "UPDATE school SET name_zh = name_zh")).as("reading down is not writing down").isZero();

            actAs(c, tianshan, true);
            assertThat(count(c, "SELECT count(*) FROM school WHERE tenant_id = '" + saybag + "'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM school")).isEqualTo(tianshanSchools);

            actAs(c, tenantId("guangdong-yangjiang"), true);
            assertThat(count(c, "SELECT count(*) FROM school WHERE tenant_id IN ('" + tianshan + "', '" + saybag + "')"))
                    .as("another province's city reads nothing of Xinjiang").isZero();
            c.rollback();
        }
    }

    @Test
    void the_server_role_is_not_superuser_has_no_bypassrls_and_owns_no_table() throws SQLException {
        try (Connection c = serverPool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kehou_app");
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
            assertThat(count(c, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                    + " WHERE r.rolname = current_user")).as("relations owned").isZero();
        }
    }

    static void actAs(Connection c, UUID tenant, boolean subtree) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true), set_config('app.read_subtree', ?, true)")) {
            s.setString(1, tenant.toString());
            s.setString(2, Boolean.toString(subtree));
            s.execute();
        }
    }

    static UUID tenantId(String code) throws SQLException {
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement("SELECT id FROM tenant WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("tenant " + code).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    static long superuserCount(String sql) throws SQLException {
        try (Connection c = Db.superuser()) {
            return count(c, sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
