package cn.kehou.server.tenancy;

import cn.kehou.server.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DescriptorLoadingTest {

    @Inject
    DescriptorLoader loader;

    @Test
    void the_five_regional_tenants_exist_after_start_with_their_parent_chains_and_plugins() throws SQLException {
        Map<String, String> chains = new HashMap<>();
        try (Connection c = Db.superuser(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT d.code, string_agg(a.code, '>' ORDER BY cl.depth DESC)
                     FROM tenant d JOIN tenant_closure cl ON cl.descendant_id = d.id JOIN tenant a ON a.id = cl.ancestor_id
                     GROUP BY d.code""")) {
            while (rs.next()) {
                chains.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(chains).containsEntry("guangdong-yangjiang", "platform>guangdong>guangdong-yangjiang")
                .containsEntry("chongqing-jiangbei", "platform>chongqing>chongqing-jiangbei")
                .containsEntry("henan-xuchang", "platform>henan>henan-xuchang")
                .containsEntry("jiangxi-ganzhou", "platform>jiangxi>jiangxi-ganzhou")
                .containsEntry("xinjiang-urumqi-tianshan", "platform>xinjiang>xinjiang-urumqi>xinjiang-urumqi-tianshan");
        assertThat(Db.strings("SELECT plugin_id FROM tenant WHERE plugin_id IS NOT NULL"))
                .containsExactlyInAnyOrder("guangdong-yangjiang", "chongqing-jiangbei", "henan", "jiangxi", "xinjiang-urumqi");
        assertThat(Db.strings("SELECT t.code FROM school s JOIN tenant t ON t.id = s.tenant_id WHERE s.code = 'jiangbei-yuzui-central-primary'"))
                .containsExactly("chongqing-jiangbei");
    }

    @Test
    void loading_the_descriptors_again_writes_nothing() throws SQLException {
        // xmin changes on every insert or update of a row: equal snapshots mean no write at all.
        String snapshot = "SELECT string_agg(code || ':' || xmin::text, ',' ORDER BY code) FROM (SELECT code, xmin FROM tenant"
                + " UNION ALL SELECT code, xmin FROM school UNION ALL SELECT ancestor_id::text || descendant_id::text, xmin"
                + " FROM tenant_closure) rows";
        String before = Db.strings(snapshot).get(0);

        DescriptorLoader.LoadReport report = loader.loadBundled();

        assertThat(report.wroteNothing()).as(report.toString()).isTrue();
        assertThat(Db.strings(snapshot).get(0)).isEqualTo(before);
    }
}
