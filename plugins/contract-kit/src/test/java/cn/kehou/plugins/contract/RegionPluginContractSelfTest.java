package cn.kehou.plugins.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RegionDescriptor;
import cn.kehou.plugin.api.RuleInfo;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.pf4j.Extension;
import org.pf4j.ExtensionPoint;

/** The kit must fail plugins that misbehave, and pass one that does not. */
class RegionPluginContractSelfTest {

    @Test
    void a_well_behaved_plugin_passes() {
        Events tests = run(WellBehaved.class);
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isGreaterThan(10);
    }

    @Test
    void a_plugin_returning_null_fails() {
        assertThat(failedTests(ReturnsNull.class)).anyMatch(name -> name.startsWith("ServiceWindowPolicy on"));
    }

    @Test
    void a_plugin_answering_differently_to_the_same_question_fails() {
        assertThat(failedTests(Flaky.class)).contains("answers_are_identical_from_16_threads_at_once()")
                .anyMatch(name -> name.startsWith("ServiceWindowPolicy on"));
    }

    @Test
    void a_reason_citing_a_rule_the_descriptor_does_not_explain_fails() {
        assertThat(failedTests(UnexplainedCitation.class)).containsExactly("every_citation_in_an_answer_is_one_the_descriptor_explains()");
    }

    @Test
    void a_plugin_without_a_descriptor_fails() {
        assertThat(failedTests(NoDescriptor.class)).contains("exactly_one_region_descriptor_is_provided()");
    }

    private static Events run(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    private static List<String> failedTests(Class<?> contract) {
        return run(contract).failed().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    // ---- fixtures: tiny plugins and the contract run against each --------------------------------

    static final String CITATION = "test §1";

    @Extension
    public static class Descriptor implements RegionDescriptor {
        @Override
        public String pluginId() {
            return "self-test";
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.of(new ConfigKey("window.earliestEnd", ConfigType.TIME, "17:30", "最早结束", CITATION));
        }

        @Override
        public List<RuleInfo> rules() {
            return List.of(new RuleInfo("window.earliest-end", "不早于17:30结束", "ends no earlier than 17:30", CITATION,
                    List.of("window.earliestEnd")));
        }
    }

    @Extension
    public static class Window implements ServiceWindowPolicy {
        @Override
        public Decision check(PolicyContext ctx, ServiceSession session) {
            var earliest = ctx.config().time("window.earliestEnd");
            return session.end().isBefore(earliest)
                    ? Decision.refuse(new Reason("WINDOW_ENDS_TOO_EARLY", "太早", "too early", citation()))
                    : Decision.allow();
        }

        String citation() {
            return CITATION;
        }

        @Override
        public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
            return new WindowRules(kind, true, EnumSet.allOf(DayOfWeek.class), 0, null, false,
                    ctx.config().time("window.earliestEnd"), null, null, List.of(CITATION));
        }
    }

    @Extension
    public static class NullRules extends Window {
        @Override
        public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
            return null;
        }
    }

    @Extension
    public static class FlakyWindow extends Window {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public Decision check(PolicyContext ctx, ServiceSession session) {
            return calls.incrementAndGet() % 2 == 0 ? Decision.allow() : super.check(ctx, session);
        }
    }

    @Extension
    public static class MiscitingWindow extends Window {
        @Override
        String citation() {
            return "test §99";
        }
    }

    static class WellBehaved extends RegionPluginContract {
        @Override
        protected List<ExtensionPoint> extensions() {
            return List.of(new Descriptor(), new Window());
        }
    }

    static class ReturnsNull extends RegionPluginContract {
        @Override
        protected List<ExtensionPoint> extensions() {
            return List.of(new Descriptor(), new NullRules());
        }
    }

    static class Flaky extends RegionPluginContract {
        private final FlakyWindow window = new FlakyWindow();

        @Override
        protected List<ExtensionPoint> extensions() {
            return List.of(new Descriptor(), window);
        }
    }

    static class UnexplainedCitation extends RegionPluginContract {
        @Override
        protected List<ExtensionPoint> extensions() {
            return List.of(new Descriptor(), new MiscitingWindow());
        }
    }

    static class NoDescriptor extends RegionPluginContract {
        @Override
        protected List<ExtensionPoint> extensions() {
            return List.of(new Window());
        }
    }
}
