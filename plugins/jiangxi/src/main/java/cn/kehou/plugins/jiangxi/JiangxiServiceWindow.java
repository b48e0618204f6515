package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiRule.AFTER_DISMISSAL;
import static cn.kehou.plugins.jiangxi.JiangxiRule.BOARDING_FORM_SET_LOCALLY;
import static cn.kehou.plugins.jiangxi.JiangxiRule.END_AFTER_OFF_WORK;
import static cn.kehou.plugins.jiangxi.JiangxiRule.EVENING_SELF_STUDY_JUNIOR;
import static cn.kehou.plugins.jiangxi.JiangxiRule.EXTENDED_CARE_ON_APPLICATION;
import static cn.kehou.plugins.jiangxi.JiangxiRule.FIVE_DAYS_A_WEEK;
import static cn.kehou.plugins.jiangxi.JiangxiRule.KINDS_OFFERED;
import static cn.kehou.plugins.jiangxi.JiangxiRule.NO_SENDING_AWAY_BEFORE_END;
import static cn.kehou.plugins.jiangxi.JiangxiRule.TWO_HOURS_A_DAY;
import static cn.kehou.plugins.jiangxi.JiangxiRule.WEEKEND_AND_HOLIDAY_INTEREST;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.WindowRules;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 003 §三 "5×2": Monday–Friday, at least two hours a day from dismissal, ending no earlier than
 * the local usual off-work time plus half an hour; extended care on application; evening
 * self-study at junior highs only; interest activities at weekends and in holidays. The length
 * and end-time rules apply to basic care (基础托管), the window every after-school course sits in.
 */
@Extension
public class JiangxiServiceWindow implements ServiceWindowPolicy {

    /** Kinds that run after the school day: they start at the normal dismissal. */
    private static final Set<ServiceKind> AFTER_SCHOOL = EnumSet.of(ServiceKind.BASIC_CARE, ServiceKind.QUALITY_COURSE,
            ServiceKind.EXTENDED_CARE, ServiceKind.EVENING_SELF_STUDY, ServiceKind.FREE_TUTORING);

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        SchoolProfile school = ctx.requireSchool();
        ServiceKind kind = session.kind();
        if (!offered(ctx, kind)) {
            return Decision.refuse(notOffered(kind));
        }
        // 003 §三: 初中学校工作日晚上可开设自习班
        if (kind == ServiceKind.EVENING_SELF_STUDY && !teachesJuniorHigh(school)) {
            return Decision.refuse(eveningSelfStudyJuniorOnly(school));
        }
        // 003 §三: 在双休日、寒暑假等假日为有需求的学生提供各类兴趣活动 — any day, the school sets the times
        if (kind == ServiceKind.HOLIDAY_CARE) {
            return Decision.allow();
        }
        var refusals = new ArrayList<Reason>();
        var notes = new ArrayList<Reason>();
        DayOfWeek day = ctx.date().getDayOfWeek();
        // 003 §三: 学校每周5天都要开展课后服务
        if (!days(ctx).contains(day)) {
            refusals.add(FIVE_DAYS_A_WEEK.reason("WINDOW_DAY_NOT_ALLOWED",
                    "课后服务“5×2”在周一至周五开展，" + ctx.date() + " 是" + dayZh(day) + "；双休日可开展兴趣活动（假期托管）",
                    "the \"5×2\" service runs Monday to Friday; " + ctx.date() + " is a " + day
                            + "; weekends are for interest activities (HOLIDAY_CARE)"));
        }
        LocalTime dismissal = school.normalDismissal();
        if (AFTER_SCHOOL.contains(kind) && session.start().isBefore(dismissal)) {
            refusals.add(AFTER_DISMISSAL.reason("WINDOW_STARTS_BEFORE_DISMISSAL",
                    "课后服务在下午放学（" + dismissal + "）后开始", "after-school service starts at dismissal (" + dismissal + ")"));
        }
        if (kind == ServiceKind.BASIC_CARE) {
            if (windowSetLocally(ctx, school)) {
                notes.add(boardingWindowSetLocally(school));
            } else {
                // 003 §三: 每天至少开展2个小时
                int min = ctx.config().integer(JiangxiConfig.WINDOW_MIN_MINUTES);
                if (session.minutes() < min) {
                    refusals.add(TWO_HOURS_A_DAY.reason("WINDOW_TOO_SHORT",
                            "课后服务每天至少 " + min + " 分钟，本次 " + session.minutes() + " 分钟",
                            "at least " + min + " minutes a day; this window has " + session.minutes()));
                }
                // 003 §三: 原则上不早于当地普遍的正常下班时间后半小时
                LocalTime earliestEnd = earliestEnd(ctx.config());
                if (session.end().isBefore(earliestEnd)) {
                    LocalTime offWork = ctx.config().time(JiangxiConfig.OFF_WORK_TIME);
                    int margin = ctx.config().integer(JiangxiConfig.END_AFTER_OFF_WORK_MINUTES);
                    refusals.add(END_AFTER_OFF_WORK.reason("WINDOW_ENDS_TOO_EARLY",
                            "课后服务结束时间不早于当地普遍的正常下班时间（" + offWork + "）后 " + margin + " 分钟，即 "
                                    + earliestEnd + "；本次 " + session.end() + " 结束",
                            "service ends no earlier than " + earliestEnd + " (the local usual off-work time " + offWork
                                    + " plus " + margin + " minutes); this one ends at " + session.end()));
                }
            }
            notes.add(studentsMayStayUntilTheEnd(session.end()));
        }
        if (kind == ServiceKind.EXTENDED_CARE) {
            notes.add(extendedCareOnApplication());
        }
        if (kind == ServiceKind.EVENING_SELF_STUDY && school.level() == SchoolLevel.NINE_YEAR) {
            notes.add(EVENING_SELF_STUDY_JUNIOR.reason("EVENING_SELF_STUDY_JUNIOR_GRADES_ONLY",
                    "九年一贯制学校的晚自习只面向初中年级（7–9年级）", "at a nine-year school evening self-study is for grades 7–9 only"));
        }
        return refusals.isEmpty() ? new Decision(true, notes) : Decision.refuseIfAny(refusals);
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        if (!offered(ctx, kind)) {
            return WindowRules.notOffered(kind, KINDS_OFFERED.citation);
        }
        SchoolProfile school = ctx.school();
        if (kind == ServiceKind.EVENING_SELF_STUDY && school != null && !teachesJuniorHigh(school)) {
            return WindowRules.notOffered(kind, EVENING_SELF_STUDY_JUNIOR.citation);
        }
        PluginConfig config = ctx.config();
        if (kind == ServiceKind.HOLIDAY_CARE) {
            return new WindowRules(kind, true, EnumSet.allOf(DayOfWeek.class), 0, null, false, null, null, null,
                    List.of(WEEKEND_AND_HOLIDAY_INTEREST.citation));
        }
        if (kind == ServiceKind.BASIC_CARE) {
            if (school != null && windowSetLocally(ctx, school)) {
                return new WindowRules(kind, true, days(ctx), 0, null, true, null, null, null,
                        List.of(FIVE_DAYS_A_WEEK.citation, BOARDING_FORM_SET_LOCALLY.citation));
            }
            return new WindowRules(kind, true, days(ctx), config.integer(JiangxiConfig.WINDOW_MIN_MINUTES), null, true,
                    earliestEnd(config), null, null, List.of(FIVE_DAYS_A_WEEK.citation));
        }
        return new WindowRules(kind, true, days(ctx), 0, null, AFTER_SCHOOL.contains(kind), null, null, null,
                List.of(FIVE_DAYS_A_WEEK.citation));
    }

    static boolean offered(PolicyContext ctx, ServiceKind kind) {
        return ctx.config().enums(JiangxiConfig.SERVICES_OFFERED, ServiceKind.class).contains(kind);
    }

    static Reason notOffered(ServiceKind kind) {
        return KINDS_OFFERED.reason("SERVICE_KIND_NOT_OFFERED",
                "江西省课后服务不包括" + kind.zh, "Jiangxi's after-school service does not include " + kind);
    }

    /** Junior and nine-year schools teach grades 7–9. */
    static boolean teachesJuniorHigh(SchoolProfile school) {
        return school.level() != SchoolLevel.PRIMARY;
    }

    static Reason eveningSelfStudyJuniorOnly(SchoolProfile school) {
        return EVENING_SELF_STUDY_JUNIOR.reason("EVENING_SELF_STUDY_JUNIOR_ONLY",
                "晚自习只在初中学校开设，" + school.name() + "是" + school.level().zh,
                "evening self-study is for junior high schools; " + school.name() + " is " + school.level());
    }

    /** 003 §二: 寄宿制学校具体开展形式由各地统筹规定 — the province imposes no length or end time on them. */
    static boolean windowSetLocally(PolicyContext ctx, SchoolProfile school) {
        return school.boarding() && ctx.config().bool(JiangxiConfig.BOARDING_WINDOW_SET_LOCALLY);
    }

    static Reason boardingWindowSetLocally(SchoolProfile school) {
        return BOARDING_FORM_SET_LOCALLY.reason("BOARDING_SCHOOL_FORM_SET_LOCALLY",
                school.name() + "是寄宿制学校，具体开展形式由各地统筹规定，不套用每天2小时和结束时间的要求",
                school.name() + " is a boarding school: its locality sets how it runs the service, so the daily length"
                        + " and end time do not apply");
    }

    /** 003 §三: 不得强制有需求在校自主学习的学生在课后服务时间结束前离开学校. */
    static Reason studentsMayStayUntilTheEnd(LocalTime end) {
        return NO_SENDING_AWAY_BEFORE_END.reason("STUDENTS_MAY_STAY_UNTIL_END",
                "有需求在校自主学习的学生可留校至 " + end + "，不得强制其提前离校",
                "a student who wants to study at school may stay until " + end + " and may not be sent away earlier");
    }

    static Reason extendedCareOnApplication() {
        return EXTENDED_CARE_ON_APPLICATION.reason("EXTENDED_CARE_ON_APPLICATION",
                "延时托管面向有特殊需要的学生，由家长或监护人提出申请后提供",
                "extended care is for students with special needs, on the guardian's application");
    }

    /** The local usual off-work time plus the margin, kept within the day. */
    static LocalTime earliestEnd(PluginConfig config) {
        LocalTime offWork = config.time(JiangxiConfig.OFF_WORK_TIME);
        int margin = config.integer(JiangxiConfig.END_AFTER_OFF_WORK_MINUTES);
        long minutesLeftToday = Duration.between(offWork, LocalTime.MAX).toMinutes();
        return margin > minutesLeftToday ? LocalTime.of(23, 59) : offWork.plusMinutes(margin);
    }

    private static Set<DayOfWeek> days(PolicyContext ctx) {
        return ctx.config().enums(JiangxiConfig.WINDOW_DAYS, DayOfWeek.class);
    }

    private static String dayZh(DayOfWeek day) {
        return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
    }
}
