package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.ServiceRecord;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportDefinition.Column;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * 001 §四(一): the activity timetable (活动安排表) filed with each term's plan, and the status the
 * school updates in the MOE direct-reporting system in March and September.
 */
@Extension
public class JiangbeiReports implements ReportFormat {

    // 001 §四(一): 课后服务活动安排表, part of the plan filed on paper, stamped and signed: a PDF to print
    static final ReportDefinition TERM_PLAN_TIMETABLE = new ReportDefinition("term-plan-timetable",
            "课后服务活动安排表（随本学期实施方案报区教委基础教育科备案）",
            "After-school activity timetable (filed with the term plan)", ReportDefinition.Period.TERMLY,
            ReportDefinition.FileType.PDF, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("schoolName", "学校", "School"),
                    new Column("weekday", "星期", "Weekday"),
                    new Column("service", "服务类型", "Service"),
                    new Column("content", "服务内容", "Content"),
                    new Column("form", "服务形式", "Form"),
                    new Column("start", "开始", "Start"),
                    new Column("end", "结束", "End"),
                    new Column("minutes", "时长（分钟）", "Minutes")),
            false, JiangbeiRule.TERM_PLAN_FILED.citation);

    // 001 §四(一): 通过教育部义务教育课后服务开展情况直报系统，每年3月、9月定期更新课后服务开展情况
    static final ReportDefinition MOE_DIRECT_REPORT = new ReportDefinition("moe-direct-report",
            "义务教育课后服务开展情况（教育部直报系统更新）",
            "After-school service status (MOE direct-reporting system update)", ReportDefinition.Period.TERMLY,
            ReportDefinition.FileType.XLSX, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("schoolName", "学校", "School"),
                    new Column("level", "学段", "Level"),
                    new Column("area", "城区/乡镇", "Urban or town"),
                    new Column("serviceDays", "开展天数", "Days with service"),
                    new Column("participations", "参加人次", "Participations"),
                    new Column("averageMinutes", "课后服务日均时长（分钟）", "Average after-school minutes a day"),
                    new Column("latestEnd", "课后服务最晚结束时间", "Latest after-school end")),
            false, JiangbeiRule.MOE_DIRECT_REPORT.citation);

    @Override
    public List<ReportDefinition> reports(PolicyContext ctx) {
        return List.of(TERM_PLAN_TIMETABLE, MOE_DIRECT_REPORT);
    }

    @Override
    public ReportTable build(PolicyContext ctx, ReportDefinition report, ReportDataset data) {
        Map<String, SchoolProfile> schools = data.schools().stream()
                .collect(Collectors.toMap(SchoolProfile::code, Function.identity(), (a, b) -> a));
        if (report.code().equals(TERM_PLAN_TIMETABLE.code())) {
            return new ReportTable(report.code(), report.columnKeys(), timetable(data, schools));
        }
        if (report.code().equals(MOE_DIRECT_REPORT.code())) {
            return new ReportTable(report.code(), report.columnKeys(), schools.values().stream()
                    .sorted(Comparator.comparing(SchoolProfile::code))
                    .map(school -> status(school, data.services().stream()
                            .filter(s -> s.schoolCode().equals(school.code())).toList()))
                    .toList());
        }
        throw new IllegalArgumentException("not a Jiangbei report: " + report.code());
    }

    // 001 §四(一): 课后服务活动安排表 — the week's pattern, so a session held every Monday is one row
    private static List<List<String>> timetable(ReportDataset data, Map<String, SchoolProfile> schools) {
        return data.services().stream()
                .map(s -> new Slot(s.schoolCode(), s.date().getDayOfWeek(), s.start(), s.end(), s.kind(), s.contentZh(), s.formZh()))
                .distinct()
                .sorted(Slot.ORDER)
                .map(slot -> List.of(slot.school(), name(schools, slot.school()), weekdayZh(slot.day()), slot.kind().zh,
                        slot.content(), slot.form(), slot.start().toString(), slot.end().toString(),
                        Long.toString(Duration.between(slot.start(), slot.end()).toMinutes())))
                .toList();
    }

    /** One line of the weekly timetable. */
    private record Slot(String school, DayOfWeek day, LocalTime start, LocalTime end, ServiceKind kind,
                        String content, String form) {
        static final Comparator<Slot> ORDER = Comparator.comparing(Slot::school).thenComparing(Slot::day)
                .thenComparing(Slot::start).thenComparing(Slot::end).thenComparing(Slot::kind)
                .thenComparing(Slot::content).thenComparing(Slot::form);
    }

    private static List<String> status(SchoolProfile school, List<ServiceRecord> services) {
        long days = services.stream().map(ServiceRecord::date).distinct().count();
        int participations = services.stream().mapToInt(ServiceRecord::participants).sum();
        // the after-school day is basic care's window (001 §三(一), §三(四))
        List<ServiceRecord> afterSchool = services.stream().filter(s -> s.kind() == ServiceKind.BASIC_CARE).toList();
        String average = afterSchool.isEmpty() ? "" : Long.toString(afterSchool.stream()
                .mapToLong(s -> Duration.between(s.start(), s.end()).toMinutes()).sum() / afterSchool.size());
        String latestEnd = afterSchool.stream().map(ServiceRecord::end).max(LocalTime::compareTo)
                .map(LocalTime::toString).orElse("");
        String area = school.urban() ? "城区" : school.ruralTown() != null ? school.ruralTown() : "农村";
        return List.of(school.code(), school.name(), school.level().zh, area, Long.toString(days),
                Integer.toString(participations), average, latestEnd);
    }

    private static String name(Map<String, SchoolProfile> schools, String code) {
        SchoolProfile school = schools.get(code);
        return school == null ? code : school.name();
    }

    private static String weekdayZh(DayOfWeek day) {
        return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
    }
}
