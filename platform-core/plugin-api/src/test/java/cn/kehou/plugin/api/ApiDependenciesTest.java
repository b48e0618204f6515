package cn.kehou.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API is plain Java plus PF4J's marker: integrators must not inherit a framework. */
class ApiDependenciesTest {

    @Test
    void the_api_imports_only_the_jdk_and_pf4js_extension_point() throws IOException {
        Path sources = Path.of("src/main/java/cn/kehou/plugin/api");
        List<String> foreign;
        try (Stream<Path> files = Files.list(sources)) {
            foreign = files.flatMap(ApiDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .filter(line -> !line.startsWith("import java.") && !line.startsWith("import static java."))
                    .filter(line -> !line.equals("import org.pf4j.ExtensionPoint;"))
                    .toList();
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void every_public_type_has_a_javadoc_line() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/kehou/plugin/api"))) {
            List<String> undocumented = files
                    .filter(file -> !file.getFileName().toString().equals("Require.java"))
                    .filter(file -> !readString(file).contains("*/\npublic "))
                    .map(file -> file.getFileName().toString())
                    .toList();
            assertThat(undocumented).isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        return readString(file).lines();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
