package cn.kehou.server.identity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's permission table says exactly what identity/permissions.json (the enforced table) says. */
class PermissionTableDocTest {

    @Test
    void the_readme_renders_the_permission_table_the_server_enforces() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("kehou.root", "../..")).resolve("README.md"));
        String table = readme.substring(readme.indexOf("<!-- permissions:begin"), readme.indexOf("<!-- permissions:end"));
        List<String> rows = table.lines().filter(l -> l.startsWith("| `")).toList();
        String header = table.lines().filter(l -> l.startsWith("| permission")).findFirst().orElseThrow();
        List<String> roles = Arrays.stream(header.split("\\|")).map(String::strip).skip(3).toList();
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String row : rows) {
            List<String> cells = Arrays.stream(row.split("\\|", -1)).map(String::strip).toList();
            Set<String> granted = new TreeSet<>();
            for (int i = 0; i < roles.size(); i++) {
                if ("✓".equals(cells.get(i + 3))) {
                    granted.add(roles.get(i));
                }
            }
            documented.put(cells.get(1).replace("`", ""), granted);
        }
        Map<String, Set<String>> enforced = new LinkedHashMap<>();
        RoleMatrixTest.permissionTable().forEach((k, v) -> enforced.put(k, new TreeSet<>(v)));
        assertThat(new ArrayList<>(roles)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).map(Role::wireName).toList());
        assertThat(documented).isEqualTo(enforced);
    }
}
