package cn.kehou.server.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the portal exists in Chinese and in English: one key per bundle method (per
 * constant for an enum parameter), in both files, with the same placeholders. Each feature's pages
 * keep their texts in their own bundle ({@code @MessageBundle("name")}, files
 * {@code messages/name.properties} and {@code messages/name_en.properties}); list it in {@link #BUNDLES}.
 */
class TranslationsTest {

    /** Bundle interface → its file base name under {@code messages/}. */
    static final Map<Class<?>, String> BUNDLES = bundles(
            Msg.class, "msg",
            cn.kehou.server.catalog.Cat.class, "cat",
            cn.kehou.server.enrollment.EnrollmentTexts.class, "enr",
            cn.kehou.server.payments.PayMsg.class, "pay",
            cn.kehou.server.attendance.AttMsg.class, "att",
            cn.kehou.server.reconciliation.ReconMsg.class, "recon",
            cn.kehou.server.stipends.StpMsg.class, "stp",
            cn.kehou.server.disclosure.DisMsg.class, "dis",
            cn.kehou.server.reports.RepMsg.class, "rep");

    private static Map<Class<?>, String> bundles(Object... pairs) {
        Map<Class<?>, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Class<?>) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void every_message_is_translated_into_chinese_and_english_and_nothing_else_is_there() throws IOException {
        for (Map.Entry<Class<?>, String> bundle : BUNDLES.entrySet()) {
            Set<String> expected = expectedKeys(bundle.getKey());
            for (String file : List.of("messages/" + bundle.getValue() + ".properties",
                    "messages/" + bundle.getValue() + "_en.properties")) {
                Set<String> present = load(file).stringPropertyNames();
                assertThat(difference(expected, present)).as("keys missing in " + file).isEmpty();
                assertThat(difference(present, expected)).as("keys in " + file + " that "
                        + bundle.getKey().getSimpleName() + " does not have").isEmpty();
            }
        }
    }

    @Test
    void no_message_is_blank_and_both_languages_use_the_same_placeholders() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : BUNDLES.values()) {
            Properties zh = load("messages/" + name + ".properties");
            Properties en = load("messages/" + name + "_en.properties");
            for (String key : zh.stringPropertyNames()) {
                if (zh.getProperty(key).isBlank() || en.getProperty(key, "").isBlank()) {
                    problems.add(key + " is blank");
                } else if (!placeholders(zh.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                    problems.add(key + ": " + placeholders(zh.getProperty(key)) + " vs " + placeholders(en.getProperty(key)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void each_placeholder_is_a_parameter_of_its_message() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, String> bundle : BUNDLES.entrySet()) {
            Properties zh = load("messages/" + bundle.getValue() + ".properties");
            for (Method m : bundle.getKey().getDeclaredMethods()) {
                Set<String> params = Arrays.stream(m.getParameters()).map(Parameter::getName).collect(Collectors.toSet());
                String value = zh.getProperty(m.getName());
                if (value != null && !params.containsAll(placeholders(value))) {
                    problems.add(m.getName() + " uses " + placeholders(value) + " but takes " + params);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Qute's keys: the method name, or per enum constant {@code method_CONSTANT} ({@code method_$CONSTANT} if any has "_"). */
    static Set<String> expectedKeys(Class<?> bundle) {
        Set<String> keys = new TreeSet<>();
        for (Method m : bundle.getDeclaredMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0].isEnum()) {
                Object[] constants = m.getParameterTypes()[0].getEnumConstants();
                boolean underscores = Arrays.stream(constants).anyMatch(c -> ((Enum<?>) c).name().contains("_"));
                for (Object c : constants) {
                    keys.add(m.getName() + (underscores ? "_$" : "_") + ((Enum<?>) c).name());
                }
            } else {
                keys.add(m.getName());
            }
        }
        return keys;
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
