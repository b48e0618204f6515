package cn.kehou.server.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem a caller can meet reads well in both languages: each code thrown in the sources has
 * a Chinese and an English title, both bundles hold the same keys, and no detail pattern carries a
 * lone apostrophe, which MessageFormat would silently swallow ("the school's plan" → "the schools plan").
 */
class ProblemTextsTest {

    private static final Pattern THROWN = Pattern.compile("ProblemException\\(\\s*[^,()]+,\\s*\"([A-Z][A-Z0-9_]+)\"");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void every_thrown_code_has_a_title_in_chinese_and_english() throws IOException {
        Properties zh = bundle("problems.properties");
        Properties en = bundle("problems_en.properties");
        Set<String> missing = new TreeSet<>();
        for (String code : thrownCodes()) {
            if (!zh.containsKey(code + ".title")) {
                missing.add(code + " (zh)");
            }
            if (!en.containsKey(code + ".title")) {
                missing.add(code + " (en)");
            }
        }
        assertThat(missing).as("codes thrown without a title").isEmpty();
        assertThat(thrownCodes()).as("the scan found the codes").hasSizeGreaterThan(50);
    }

    @Test
    void both_languages_hold_the_same_keys() throws IOException {
        assertThat(bundle("problems_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("problems.properties").stringPropertyNames());
    }

    @Test
    void no_detail_pattern_has_a_lone_apostrophe() throws IOException {
        Set<String> bad = new TreeSet<>();
        for (String file : new String[] {"problems.properties", "problems_en.properties"}) {
            Properties p = bundle(file);
            for (String key : p.stringPropertyNames()) {
                if (key.endsWith(".detail") && LONE_APOSTROPHE.matcher(p.getProperty(key)).find()) {
                    bad.add(file + ": " + key);
                }
            }
        }
        assertThat(bad).as("write '' for an apostrophe in a detail: it is a MessageFormat pattern").isEmpty();
    }

    @Test
    void a_doubled_apostrophe_comes_out_as_one() {
        assertThat(ProblemMessages.detail("ENROLLMENT_CLOSED", true)).contains("school's plan");
    }

    private static Set<String> thrownCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = THROWN.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
