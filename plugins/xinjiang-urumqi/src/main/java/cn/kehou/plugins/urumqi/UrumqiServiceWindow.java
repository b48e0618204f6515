package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiRule.AFTER_SCHOOL_ONLY;
import static cn.kehou.plugins.urumqi.UrumqiRule.AT_MOST_TWO_HOURS;
import static cn.kehou.plugins.urumqi.UrumqiRule.NO_EARLY_DISMISSAL;
import static cn.kehou.plugins.urumqi.UrumqiRule.WEEKDAYS_ONLY;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** 004 §三(三): Monday–Friday, from normal dismissal, at most two hours a day. */
@Extension
public class UrumqiServiceWindow implements ServiceWindowPolicy {

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        if (!offered(ctx, session.kind())) {
            return Decision.refuse(notOffered(session.kind()));
        }
        var refusals = new ArrayList<Reason>();
        DayOfWeek day = ctx.date().getDayOfWeek();
        // 004 §三(三): 课后服务一般从周一至周五下午放学后开始
        if (!days(ctx).contains(day)) {
            refusals.add(WEEKDAYS_ONLY.reason("WINDOW_DAY_NOT_ALLOWED",
                    "课后服务只在周一至周五开展，" + ctx.date() + " 是" + dayZh(day),
                    "service runs Monday to Friday; " + ctx.date() + " is a " + day));
        }
        // 004 §三(三): 原则上每天不得超过2小时
        int max = ctx.config().integer(UrumqiConfig.WINDOW_MAX_MINUTES);
        if (session.minutes() > max) {
            refusals.add(AT_MOST_TWO_HOURS.reason("WINDOW_TOO_LONG",
                    "每天课后服务不得超过 " + max + " 分钟，本次 " + session.minutes() + " 分钟",
                    "at most " + max + " minutes a day; this window has " + session.minutes()));
        }
        // 004 §三(三): 不得提前放学延长课后服务时间
        var dismissal = ctx.requireSchool().normalDismissal();
        if (session.start().isBefore(dismissal)) {
            refusals.add(NO_EARLY_DISMISSAL.reason("WINDOW_STARTS_BEFORE_DISMISSAL",
                    "课后服务须在正常放学（" + dismissal + "）后开始，不得提前放学延长服务时间",
                    "service starts at the normal dismissal (" + dismissal + "); no early dismissal to lengthen it"));
        }
        return Decision.refuseIfAny(refusals);
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        if (!offered(ctx, kind)) {
            return WindowRules.notOffered(kind, AFTER_SCHOOL_ONLY.citation);
        }
        return new WindowRules(kind, true, days(ctx), 0, ctx.config().integer(UrumqiConfig.WINDOW_MAX_MINUTES),
                true, null, null, null, List.of(WEEKDAYS_ONLY.citation));
    }

    static boolean offered(PolicyContext ctx, ServiceKind kind) {
        // 004 §三(一): after-school service after dismissal; no noon, evening or holiday care
        return ctx.config().enums(UrumqiConfig.SERVICES_OFFERED, ServiceKind.class).contains(kind);
    }

    static Reason notOffered(ServiceKind kind) {
        return AFTER_SCHOOL_ONLY.reason("SERVICE_KIND_NOT_OFFERED",
                "乌鲁木齐课后服务不包括" + kind.zh, "Urumqi's after-school service does not include " + kind);
    }

    private static Set<DayOfWeek> days(PolicyContext ctx) {
        return ctx.config().enums(UrumqiConfig.WINDOW_DAYS, DayOfWeek.class);
    }

    private static String dayZh(DayOfWeek day) {
        return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
    }
}
