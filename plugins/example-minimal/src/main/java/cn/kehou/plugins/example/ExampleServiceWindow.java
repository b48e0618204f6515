package cn.kehou.plugins.example;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.pf4j.Extension;

/** One rule: service ends no earlier than the configured time. */
@Extension
public class ExampleServiceWindow implements ServiceWindowPolicy {

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        LocalTime earliestEnd = ctx.config().time(ExampleRegion.EARLIEST_END);
        // example §1: after-school service ends no earlier than 17:30
        if (session.end().isBefore(earliestEnd)) {
            return Decision.refuse(new Reason("WINDOW_ENDS_TOO_EARLY",
                    "课后服务不得早于 " + earliestEnd + " 结束", "service must not end before " + earliestEnd,
                    ExampleRegion.CITATION));
        }
        return Decision.allow();
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        return new WindowRules(kind, true, EnumSet.allOf(DayOfWeek.class), 0, null, false,
                ctx.config().time(ExampleRegion.EARLIEST_END), null, null, List.of(ExampleRegion.CITATION));
    }
}
