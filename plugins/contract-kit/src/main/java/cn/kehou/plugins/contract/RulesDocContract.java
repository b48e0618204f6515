package cn.kehou.plugins.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps a plugin's RULES.md honest: one table row per rule the descriptor lists, of the form
 * {@code | `rule.id` | citation | summary | config keys | `test_method`, … |}, whose citation is
 * the rule's own and whose last cell names only test methods that exist.
 */
public abstract class RulesDocContract {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    protected abstract RegionDescriptor descriptor();

    /** The RULES.md file, relative to the module (Maven runs tests there). */
    protected Path rulesDoc() {
        return Path.of("RULES.md");
    }

    /** Classes whose test methods (nested classes and superclasses included) RULES.md may cite. */
    protected abstract List<Class<?>> testClasses();

    @Test
    void every_rule_has_a_row_citing_its_section_and_naming_a_test_that_exists() throws IOException {
        List<String> rows = Files.readAllLines(rulesDoc()).stream().filter(line -> line.startsWith("|")).toList();
        Set<String> tests = new HashSet<>();
        testClasses().forEach(type -> collectTests(type, tests));
        var problems = new ArrayList<String>();
        for (RuleInfo rule : descriptor().rules()) {
            String row = rows.stream().filter(r -> r.contains("`" + rule.id() + "`")).findFirst().orElse(null);
            if (row == null) {
                problems.add(rule.id() + ": no row in " + rulesDoc());
                continue;
            }
            String[] cells = row.split("\\|");
            if (!row.contains(rule.citation())) {
                problems.add(rule.id() + ": row does not cite " + rule.citation());
            }
            List<String> named = ticked(cells[cells.length - 1]);
            if (named.isEmpty()) {
                problems.add(rule.id() + ": names no test");
            }
            named.stream().filter(name -> !tests.contains(name))
                    .forEach(name -> problems.add(rule.id() + ": no test method " + name));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> ticked(String cell) {
        var names = new ArrayList<String>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            String name = m.group(1);
            names.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return names;
    }

    private static void collectTests(Class<?> type, Set<String> out) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(TestFactory.class)) {
                    out.add(method.getName());
                }
            }
            for (Class<?> nested : c.getDeclaredClasses()) {
                collectTests(nested, out);
            }
        }
    }
}
