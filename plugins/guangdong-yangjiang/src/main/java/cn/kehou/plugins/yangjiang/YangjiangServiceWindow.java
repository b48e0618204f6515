package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangRule.AFTER_SCHOOL_AFTER_DISMISSAL;
import static cn.kehou.plugins.yangjiang.YangjiangRule.HOLIDAY_CARE;
import static cn.kehou.plugins.yangjiang.YangjiangRule.KINDS_OFFERED;
import static cn.kehou.plugins.yangjiang.YangjiangRule.NOON_CARE_AT_NOON;
import static cn.kehou.plugins.yangjiang.YangjiangRule.OTHER_END;
import static cn.kehou.plugins.yangjiang.YangjiangRule.SUMMER_END;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.pf4j.Extension;

/**
 * 000 §三(二): noon care at noon; after-school service from afternoon dismissal, ending no earlier
 * than 18:00 in summer time (1 May–31 Oct) and 17:30 otherwise. Schools set the days themselves.
 * The end-time rule applies to basic care (基础托管), the window every after-school course sits in.
 */
@Extension
public class YangjiangServiceWindow implements ServiceWindowPolicy {

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        if (!offered(ctx, session.kind())) {
            return Decision.refuse(notOffered(session.kind()));
        }
        LocalTime dismissal = ctx.requireSchool().normalDismissal();
        var refusals = new ArrayList<Reason>();
        switch (session.kind()) {
            case NOON_CARE -> {
                // 000 §三(二): 上午放学起至下午上学前午托服务
                if (!session.start().isBefore(dismissal)) {
                    refusals.add(NOON_CARE_AT_NOON.reason("NOON_CARE_NOT_AT_NOON",
                            "午托在上午放学后至下午上学前，不能在下午放学（" + dismissal + "）后开始",
                            "noon care runs between morning and afternoon classes, not after dismissal at " + dismissal));
                }
            }
            case BASIC_CARE, QUALITY_COURSE -> {
                // 000 §三(二): 下午放学后开始
                if (session.start().isBefore(dismissal)) {
                    refusals.add(AFTER_SCHOOL_AFTER_DISMISSAL.reason("WINDOW_STARTS_BEFORE_DISMISSAL",
                            "课后服务在下午放学（" + dismissal + "）后开始", "service starts after dismissal at " + dismissal));
                }
                // 000 §三(二): 夏令时段不早于18:00结束，非夏令时段不早于17:30结束
                if (session.kind() == ServiceKind.BASIC_CARE) {
                    boolean summer = summer(ctx.config(), ctx.date());
                    LocalTime earliestEnd = earliestEnd(ctx.config(), ctx.date());
                    if (session.end().isBefore(earliestEnd)) {
                        refusals.add((summer ? SUMMER_END : OTHER_END).reason("WINDOW_ENDS_TOO_EARLY",
                                (summer ? "夏令时段" : "非夏令时段") + "课后服务不早于 " + earliestEnd + " 结束，本次 "
                                        + session.end() + " 结束",
                                (summer ? "in summer time" : "outside summer time") + " service ends no earlier than "
                                        + earliestEnd + "; this one ends at " + session.end()));
                    }
                }
            }
            default -> {
                // HOLIDAY_CARE (000 §三(三)) and kinds a city adds: the school sets the times
            }
        }
        return Decision.refuseIfAny(refusals);
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        if (!offered(ctx, kind)) {
            return WindowRules.notOffered(kind, KINDS_OFFERED.citation);
        }
        var everyDay = EnumSet.allOf(DayOfWeek.class);
        PluginConfig config = ctx.config();
        return switch (kind) {
            case NOON_CARE -> new WindowRules(kind, true, everyDay, 0, null, false, null, null,
                    config.integer(YangjiangConfig.NOON_CARE_PERIODS), List.of(NOON_CARE_AT_NOON.citation));
            case BASIC_CARE -> new WindowRules(kind, true, everyDay, 0, null, true, earliestEnd(config, ctx.date()), null,
                    config.integer(YangjiangConfig.AFTER_SCHOOL_PERIODS), List.of(SUMMER_END.citation));
            case QUALITY_COURSE -> new WindowRules(kind, true, everyDay, 0, null, true, null, null, null,
                    List.of(AFTER_SCHOOL_AFTER_DISMISSAL.citation));
            default -> new WindowRules(kind, true, everyDay, 0, null, false, null, null, null,
                    List.of(HOLIDAY_CARE.citation));
        };
    }

    static boolean offered(PolicyContext ctx, ServiceKind kind) {
        return ctx.config().enums(YangjiangConfig.SERVICES_OFFERED, ServiceKind.class).contains(kind);
    }

    static Reason notOffered(ServiceKind kind) {
        return KINDS_OFFERED.reason("SERVICE_KIND_NOT_OFFERED",
                "阳江市课后服务方案不包括" + kind.zh, "Yangjiang's plan does not include " + kind);
    }

    /** 000 §三(二): 夏令时段(每年5月1日至10月31日), both days included. */
    static boolean summer(PluginConfig config, LocalDate date) {
        MonthDay from = config.monthDay(YangjiangConfig.SUMMER_FROM);
        MonthDay to = config.monthDay(YangjiangConfig.SUMMER_TO);
        MonthDay day = MonthDay.from(date);
        boolean inside = !day.isBefore(from) && !day.isAfter(to);
        boolean wrapsNewYear = to.isBefore(from);
        return wrapsNewYear ? !day.isBefore(from) || !day.isAfter(to) : inside;
    }

    private static LocalTime earliestEnd(PluginConfig config, LocalDate date) {
        return config.time(summer(config, date) ? YangjiangConfig.SUMMER_EARLIEST_END : YangjiangConfig.OTHER_EARLIEST_END);
    }
}
