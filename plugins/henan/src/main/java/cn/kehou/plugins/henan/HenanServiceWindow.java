package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanRule.KINDS_OFFERED;
import static cn.kehou.plugins.henan.HenanRule.NOON_CARE_WHERE_POSSIBLE;
import static cn.kehou.plugins.henan.HenanRule.SCHEDULE_SET_BY_COUNTY;
import static cn.kehou.plugins.henan.HenanRule.SCHOOL_DAYS_AFTER_DISMISSAL;
import static cn.kehou.plugins.henan.HenanRule.WEEKEND_HOLIDAY_FACILITIES;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 002 §三(二): on school days after the normal afternoon dismissal, at the times the county sets
 * by season; at noon where the county can; facilities open at weekends and on holidays.
 * The earliest end applies to basic care (基础托管), the window every after-school course sits in;
 * the latest end to every after-school kind, so no course keeps children past the county's time.
 */
@Extension
public class HenanServiceWindow implements ServiceWindowPolicy {

    /** Kinds that run after the afternoon dismissal; EXTENDED_CARE only if a county adds it. */
    private static final Set<ServiceKind> AFTER_SCHOOL = EnumSet.of(ServiceKind.BASIC_CARE, ServiceKind.QUALITY_COURSE,
            ServiceKind.FREE_TUTORING, ServiceKind.EXTENDED_CARE);

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        ServiceKind kind = session.kind();
        if (!offered(ctx, kind)) {
            return Decision.refuse(notOffered(kind));
        }
        if (kind == ServiceKind.HOLIDAY_CARE) {
            // 002 §三(二): 周六、日及节假日开放场所设施 — the school keeps the opening hours; the
            // host's calendar, not the day of the week, says which weekdays are holidays
            return Decision.allow();
        }
        var refusals = new ArrayList<Reason>();
        // 002 §三(二): 课后服务一般在上学日…进行
        DayOfWeek day = ctx.date().getDayOfWeek();
        if (!days(ctx).contains(day)) {
            refusals.add(SCHOOL_DAYS_AFTER_DISMISSAL.reason("WINDOW_DAY_NOT_ALLOWED",
                    "课后服务在上学日开展，" + ctx.date() + " 是" + dayZh(day) + "，不是本县设定的服务日",
                    "service runs on school days; " + ctx.date() + " is a " + day + ", not one of the county's service days"));
        }
        LocalTime dismissal = ctx.requireSchool().normalDismissal();
        if (kind == ServiceKind.NOON_CARE) {
            // 002 §三(二): 有条件的地方可以适当扩大到中午课后 — noon, so over before the afternoon dismissal
            if (session.end().isAfter(dismissal)) {
                refusals.add(NOON_CARE_WHERE_POSSIBLE.reason("NOON_CARE_NOT_AT_NOON",
                        "午间服务在中午课后进行，须在下午放学（" + dismissal + "）前结束，本次 " + session.end() + " 结束",
                        "noon service runs at noon and ends before the afternoon dismissal at " + dismissal
                                + "; this one ends at " + session.end()));
            }
            return Decision.refuseIfAny(refusals);
        }
        if (!AFTER_SCHOOL.contains(kind)) {
            // kinds 002 does not name (e.g. evening self-study a county adds): the county's plan sets the times
            return Decision.refuseIfAny(refusals);
        }
        // 002 §三(二): 下午正常放学后进行
        if (session.start().isBefore(dismissal)) {
            refusals.add(SCHOOL_DAYS_AFTER_DISMISSAL.reason("WINDOW_STARTS_BEFORE_DISMISSAL",
                    "课后服务在下午正常放学（" + dismissal + "）后进行，本次 " + session.start() + " 开始",
                    "service starts after the normal dismissal at " + dismissal + "; this one starts at " + session.start()));
        }
        refusals.addAll(seasonalEnd(ctx, session));
        return Decision.refuseIfAny(refusals);
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        if (!offered(ctx, kind)) {
            return WindowRules.notOffered(kind, KINDS_OFFERED.citation);
        }
        if (kind == ServiceKind.HOLIDAY_CARE) {
            return new WindowRules(kind, true, EnumSet.allOf(DayOfWeek.class), 0, null, false, null, null, null,
                    List.of(WEEKEND_HOLIDAY_FACILITIES.citation));
        }
        if (kind == ServiceKind.NOON_CARE) {
            LocalTime latestEnd = ctx.school() == null ? null : ctx.school().normalDismissal();
            return new WindowRules(kind, true, days(ctx), 0, null, false, null, latestEnd, null,
                    List.of(NOON_CARE_WHERE_POSSIBLE.citation));
        }
        if (!AFTER_SCHOOL.contains(kind)) {
            return new WindowRules(kind, true, days(ctx), 0, null, false, null, null, null, List.of(KINDS_OFFERED.citation));
        }
        Optional<SeasonalSchedule> schedule = SeasonalSchedule.on(ctx.config(), ctx.date());
        if (schedule.isEmpty()) {
            return new WindowRules(kind, true, days(ctx), 0, null, true, null, null, null,
                    List.of(SCHOOL_DAYS_AFTER_DISMISSAL.citation, SCHEDULE_SET_BY_COUNTY.citation));
        }
        SeasonalSchedule season = schedule.get();
        LocalTime earliestEnd = kind == ServiceKind.BASIC_CARE ? season.earliestEnd() : null;
        return new WindowRules(kind, true, days(ctx), 0, null, true, earliestEnd, season.latestEnd(), null,
                List.of(SCHOOL_DAYS_AFTER_DISMISSAL.citation, season.rule().citation));
    }

    // 002 §三(二): 具体服务时间由各县（市、区）教育行政部门…根据当地实际情况、家长需求和季节弹性确定
    private static List<Reason> seasonalEnd(PolicyContext ctx, ServiceSession session) {
        Optional<SeasonalSchedule> schedule = SeasonalSchedule.on(ctx.config(), ctx.date());
        if (schedule.isEmpty()) {
            List<String> missing = SeasonalSchedule.missingKeys(ctx.config());
            return List.of(SCHEDULE_SET_BY_COUNTY.reason("WINDOW_SCHEDULE_NOT_SET",
                    "本县（市、区）尚未确定季节作息的课后服务时间（" + String.join("、", missing) + "），暂不能开展放学后服务",
                    "the county has not set its seasonal service times yet (" + String.join(", ", missing) + ")"));
        }
        SeasonalSchedule season = schedule.get();
        if (!season.consistent()) {
            return List.of(season.rule().reason("WINDOW_SCHEDULE_INVALID",
                    season.seasonZh() + "的最早结束时间 " + season.earliestEnd() + " 晚于最晚结束时间 " + season.latestEnd()
                            + "，请县（市、区）更正设置",
                    "the " + season.seasonEn() + " ends no earlier than " + season.earliestEnd() + " but no later than "
                            + season.latestEnd() + ": the county must correct its settings"));
        }
        var refusals = new ArrayList<Reason>();
        if (session.kind() == ServiceKind.BASIC_CARE && session.end().isBefore(season.earliestEnd())) {
            refusals.add(season.rule().reason("WINDOW_ENDS_TOO_EARLY",
                    season.seasonZh() + "课后服务不早于 " + season.earliestEnd() + " 结束，本次 " + session.end() + " 结束",
                    "on the " + season.seasonEn() + " service ends no earlier than " + season.earliestEnd()
                            + "; this one ends at " + session.end()));
        }
        if (session.end().isAfter(season.latestEnd())) {
            refusals.add(season.rule().reason("WINDOW_ENDS_TOO_LATE",
                    season.seasonZh() + "课后服务不晚于 " + season.latestEnd() + " 结束，本次 " + session.end() + " 结束",
                    "on the " + season.seasonEn() + " service ends no later than " + season.latestEnd()
                            + "; this one ends at " + session.end()));
        }
        return refusals;
    }

    static boolean offered(PolicyContext ctx, ServiceKind kind) {
        return ctx.config().enums(HenanConfig.SERVICES_OFFERED, ServiceKind.class).contains(kind);
    }

    static Reason notOffered(ServiceKind kind) {
        // 002 §三(二): noon service only "有条件的地方"; the county's plan lists what it runs
        return KINDS_OFFERED.reason("SERVICE_KIND_NOT_OFFERED",
                "本县（市、区）课后服务不包括" + kind.zh, "the county's after-school service does not include " + kind);
    }

    private static Set<DayOfWeek> days(PolicyContext ctx) {
        return ctx.config().enums(HenanConfig.WINDOW_DAYS, DayOfWeek.class);
    }

    private static String dayZh(DayOfWeek day) {
        return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
    }
}
