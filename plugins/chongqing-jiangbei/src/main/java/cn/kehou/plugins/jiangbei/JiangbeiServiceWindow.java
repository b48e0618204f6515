package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiRule.AT_LEAST_TWO_HOURS;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.END_BY_LEVEL;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.EVENING_STUDY_JUNIOR_ONLY;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.EXTENDED_CARE_FLEXIBLE;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.KINDS_OFFERED;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.NO_CURRICULUM_CHANGE;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.RURAL_TOWNS_OWN_END;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.TWO_PERIODS;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.URBAN_NOT_BEFORE_OFF_WORK;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.WEEKDAYS;

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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 001 §三(一) "5+2": Monday–Friday, at least two hours a day, ending about 17:30 (primary) or
 * 18:30 (junior high) and at urban schools not before off-work time; the rural towns 郭家沱, 鱼嘴,
 * 复盛 and 五宝 set their own end time. Basic care (基础托管) is the day's after-school window, both
 * periods of §三(四) (homework management, then quality improvement): the length and end-time
 * rules apply to it, and a quality course is period 2 inside it. Extended care has flexible
 * departure; evening self-study is for junior highs.
 */
@Extension
public class JiangbeiServiceWindow implements ServiceWindowPolicy {

    /** Kinds that run after the afternoon's lessons, so on school days and from dismissal. */
    private static final Set<ServiceKind> AFTER_SCHOOL = EnumSet.of(ServiceKind.BASIC_CARE, ServiceKind.QUALITY_COURSE,
            ServiceKind.EXTENDED_CARE, ServiceKind.EVENING_SELF_STUDY);

    @Override
    public Decision check(PolicyContext ctx, ServiceSession session) {
        SchoolProfile school = ctx.requireSchool();
        Optional<Reason> unavailable = unavailable(ctx, session.kind());
        if (unavailable.isPresent()) {
            return Decision.refuse(unavailable.get());
        }
        if (!AFTER_SCHOOL.contains(session.kind())) {
            return Decision.allow(); // a kind a district adds to services.offered: 001 sets no times for it
        }
        var refusals = new ArrayList<Reason>();
        var notes = new ArrayList<Reason>();
        DayOfWeek day = ctx.date().getDayOfWeek();
        // 001 §三(一): “5+2”模式，即学校每周5天都要开展课后服务; 初中学校工作日晚上可开设自习班
        if (!days(ctx).contains(day)) {
            refusals.add(WEEKDAYS.reason("WINDOW_DAY_NOT_ALLOWED",
                    "课后服务在每周5个上学日（周一至周五）开展，" + ctx.date() + " 是" + dayZh(day),
                    "service runs on the 5 school days, Monday to Friday; " + ctx.date() + " is a " + day));
        }
        // 001 §五(二)3: 不得随意增减义务教育课程计划 — no early dismissal to start the service sooner
        LocalTime dismissal = school.normalDismissal();
        if (session.start().isBefore(dismissal)) {
            refusals.add(NO_CURRICULUM_CHANGE.reason("WINDOW_STARTS_BEFORE_DISMISSAL",
                    "课后服务须在正常放学（" + dismissal + "）后开始，不得随意增减课程计划",
                    "service starts at the normal dismissal (" + dismissal + "); the curriculum may not be cut"));
        }
        if (session.kind() == ServiceKind.BASIC_CARE) {
            afterSchoolDay(ctx.config(), school, session, refusals, notes);
        }
        return refusals.isEmpty() ? Decision.allow(notes.toArray(Reason[]::new)) : Decision.refuseIfAny(refusals);
    }

    @Override
    public WindowRules rulesFor(PolicyContext ctx, ServiceKind kind) {
        Optional<Reason> unavailable = unavailable(ctx, kind);
        if (unavailable.isPresent()) {
            return WindowRules.notOffered(kind, unavailable.get().citation());
        }
        PluginConfig config = ctx.config();
        Set<DayOfWeek> days = days(ctx);
        return switch (kind) {
            case BASIC_CARE -> new WindowRules(kind, true, days, config.integer(JiangbeiConfig.WINDOW_MIN_MINUTES), null,
                    true, earliestEnd(config, ctx.school()), null, config.integer(JiangbeiConfig.COUNTED_PERIODS),
                    List.of(AT_LEAST_TWO_HOURS.citation, TWO_PERIODS.citation, NO_CURRICULUM_CHANGE.citation));
            case QUALITY_COURSE -> new WindowRules(kind, true, days, 0, null, true, null, null, null,
                    List.of(TWO_PERIODS.citation, NO_CURRICULUM_CHANGE.citation));
            case EXTENDED_CARE -> new WindowRules(kind, true, days, 0, null, true, null, null, null,
                    List.of(EXTENDED_CARE_FLEXIBLE.citation, NO_CURRICULUM_CHANGE.citation));
            case EVENING_SELF_STUDY -> new WindowRules(kind, true, days, 0, null, true, null, null, null,
                    List.of(EVENING_STUDY_JUNIOR_ONLY.citation, NO_CURRICULUM_CHANGE.citation));
            default -> new WindowRules(kind, true, EnumSet.allOf(DayOfWeek.class), 0, null, false, null, null, null,
                    List.of(KINDS_OFFERED.citation));
        };
    }

    /**
     * Why {@code kind} cannot run here: not a service of 001 (or switched off), or evening
     * self-study at a primary school; empty when it may run.
     */
    static Optional<Reason> unavailable(PolicyContext ctx, ServiceKind kind) {
        // 001 §三(一): 课后服务、延时托管服务、初中自习班 — no noon care or holiday care
        if (!ctx.config().enums(JiangbeiConfig.SERVICES_OFFERED, ServiceKind.class).contains(kind)) {
            return Optional.of(KINDS_OFFERED.reason("SERVICE_KIND_NOT_OFFERED",
                    "江北区课后服务不包括" + kind.zh, "Jiangbei's after-school service does not include " + kind));
        }
        // 001 §三(一): 初中学校工作日晚上可开设自习班 — junior highs, and the junior section of a nine-year school
        SchoolProfile school = ctx.school();
        if (kind == ServiceKind.EVENING_SELF_STUDY && school != null && school.level() == SchoolLevel.PRIMARY) {
            return Optional.of(EVENING_STUDY_JUNIOR_ONLY.reason("EVENING_STUDY_JUNIOR_ONLY",
                    "晚自习只在初中学校开设，" + school.name() + "是小学",
                    "evening self-study is for junior highs; " + school.name() + " is a primary school"));
        }
        return Optional.empty();
    }

    /** 001 §三(一): a school in one of the listed rural towns sets its own end time. */
    static boolean setsOwnEndTime(PluginConfig config, SchoolProfile school) {
        if (school.ruralTown() == null) {
            return false;
        }
        String town = JiangbeiConfig.townName(school.ruralTown());
        return config.list(JiangbeiConfig.RURAL_TOWNS).stream().map(JiangbeiConfig::townName).anyMatch(town::equals);
    }

    // The two hours and the end time hold for the whole after-school day (both periods of §三(四)).
    private static void afterSchoolDay(PluginConfig config, SchoolProfile school, ServiceSession session,
                                       List<Reason> refusals, List<Reason> notes) {
        // 001 §三(一): 每天至少开展2小时 — every school, the rural towns included
        int min = config.integer(JiangbeiConfig.WINDOW_MIN_MINUTES);
        if (session.minutes() < min) {
            refusals.add(AT_LEAST_TWO_HOURS.reason("WINDOW_TOO_SHORT",
                    "课后服务每天至少开展 " + min + " 分钟，本次 " + session.minutes() + " 分钟",
                    "service runs at least " + min + " minutes a day; this window has " + session.minutes()));
        }
        LocalTime levelEnd = levelEnd(config, school.level());
        LocalTime end = session.end();
        if (setsOwnEndTime(config, school)) {
            // 001 §三(一): 农村和边远地区（郭家沱、鱼嘴、复盛、五宝）学校可以…合理安排结束时间
            if (end.isBefore(levelEnd)) {
                notes.add(RURAL_TOWNS_OWN_END.reason("WINDOW_RURAL_TOWN_OWN_END_TIME",
                        school.ruralTown() + "的学校可根据路程、交通、气候自行安排结束时间（本次 " + end + "）",
                        "a school in " + school.ruralTown() + " sets its own end time (here " + end + ")"));
            }
            return;
        }
        // 001 §三(一): 小学1-6年级结束时间5:30左右，初中结束时间6:30左右
        if (end.isBefore(levelEnd)) {
            refusals.add(END_BY_LEVEL.reason("WINDOW_ENDS_TOO_EARLY",
                    school.level().zh + "课后服务结束时间不早于 " + levelEnd + "，本次 " + end + " 结束",
                    school.level() + " service ends no earlier than " + levelEnd + "; this one ends at " + end));
        } else if (school.level() == SchoolLevel.NINE_YEAR && end.isBefore(config.time(JiangbeiConfig.JUNIOR_END))) {
            LocalTime juniorEnd = config.time(JiangbeiConfig.JUNIOR_END);
            notes.add(END_BY_LEVEL.reason("WINDOW_JUNIOR_SECTION_ENDS_LATER",
                    "初中部（7-9年级）课后服务结束时间为 " + juniorEnd + " 左右",
                    "the junior section (grades 7–9) ends about " + juniorEnd));
        }
        // 001 §三(一): 城市学校原则上不早于正常下班时间
        LocalTime offWork = config.time(JiangbeiConfig.OFF_WORK_TIME);
        if (school.urban() && end.isBefore(offWork)) {
            refusals.add(URBAN_NOT_BEFORE_OFF_WORK.reason("WINDOW_ENDS_BEFORE_OFF_WORK",
                    "城市学校课后服务不早于正常下班时间（" + offWork + "）结束，本次 " + end + " 结束",
                    "an urban school's service ends no earlier than off-work time (" + offWork + "); this one ends at " + end));
        }
    }

    /** The earliest end check() holds a school's basic care to; null without a school or in a rural town. */
    private static LocalTime earliestEnd(PluginConfig config, SchoolProfile school) {
        if (school == null || setsOwnEndTime(config, school)) {
            return null;
        }
        LocalTime levelEnd = levelEnd(config, school.level());
        LocalTime offWork = config.time(JiangbeiConfig.OFF_WORK_TIME);
        return school.urban() && offWork.isAfter(levelEnd) ? offWork : levelEnd;
    }

    // A nine-year school's window serves its primary grades too, so the primary time is the floor.
    private static LocalTime levelEnd(PluginConfig config, SchoolLevel level) {
        return config.time(level == SchoolLevel.JUNIOR ? JiangbeiConfig.JUNIOR_END : JiangbeiConfig.PRIMARY_END);
    }

    static Set<DayOfWeek> days(PolicyContext ctx) {
        return ctx.config().enums(JiangbeiConfig.WINDOW_DAYS, DayOfWeek.class);
    }

    private static String dayZh(DayOfWeek day) {
        return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
    }
}
