package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.ServiceRecord;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportDefinition.Column;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.SchoolProfile;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * 003 §一: the statistics a school's designated person enters in the MOE direct-report system
 * (义务教育课后服务开展情况直报系统), one row per school in scope. Village schools, teaching points
 * and boarding schools are not in scope (村小、教学点和寄宿制学校不纳入统计范围): they and their
 * services are dropped. A village pupil who joins the central school's service is counted there,
 * under the central school's code. Services of a school the dataset does not list are dropped too:
 * without its profile the report cannot tell whether it is in scope.
 */
@Extension
public class JiangxiReports implements ReportFormat {

    static final ReportDefinition MOE_DIRECT_REPORT = new ReportDefinition("MOE_DIRECT_REPORT",
            "义务教育课后服务开展情况直报统计（村小、教学点和寄宿制学校不纳入统计范围）",
            "MOE direct report on after-school service (village schools, teaching points and boarding schools excluded)",
            ReportDefinition.Period.ON_DEMAND, ReportDefinition.FileType.XLSX, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("name", "学校名称", "School"),
                    new Column("level", "学段", "Level"),
                    new Column("area", "城乡", "Urban or rural"),
                    new Column("serviceDays", "开展课后服务天数", "Days with service"),
                    new Column("sessions", "服务场次", "Sessions"),
                    new Column("participantVisits", "参与人次", "Participant visits"),
                    new Column("averageDailyMinutes", "平均每天服务时长（分钟）", "Average minutes a day"),
                    new Column("leftBehindVisits", "留守儿童参与人次", "Left-behind children visits"),
                    new Column("migrantVisits", "随迁子女参与人次", "Migrant workers' children visits"),
                    new Column("hardshipVisits", "家庭经济困难学生参与人次", "Visits by children of families in hardship")),
            false, JiangxiRule.DIRECT_REPORT_SCOPE.citation);

    @Override
    public List<ReportDefinition> reports(PolicyContext ctx) {
        return List.of(MOE_DIRECT_REPORT);
    }

    @Override
    public ReportTable build(PolicyContext ctx, ReportDefinition report, ReportDataset data) {
        if (!report.code().equals(MOE_DIRECT_REPORT.code())) {
            throw new IllegalArgumentException("not a Jiangxi report: " + report.code());
        }
        // 003 §一: （村小、教学点和寄宿制学校不纳入统计范围）
        var inScope = new TreeMap<String, SchoolProfile>();
        for (SchoolProfile school : data.schools()) {
            if (!excludedFromDirectReport(school)) {
                inScope.putIfAbsent(school.code(), school);
            }
        }
        var servicesBySchool = new TreeMap<String, List<ServiceRecord>>();
        for (ServiceRecord service : data.services()) {
            if (inScope.containsKey(service.schoolCode())) {
                servicesBySchool.computeIfAbsent(service.schoolCode(), c -> new ArrayList<>()).add(service);
            }
        }
        var rows = new ArrayList<List<String>>();
        inScope.forEach((code, school) -> rows.add(row(school, servicesBySchool.getOrDefault(code, List.of()))));
        return new ReportTable(report.code(), report.columnKeys(), rows);
    }

    /** 003 §一: who the direct-report statistics leave out. */
    static boolean excludedFromDirectReport(SchoolProfile school) {
        return school.villageSchool() || school.teachingPoint() || school.boarding();
    }

    private static List<String> row(SchoolProfile school, List<ServiceRecord> services) {
        // per day, the span from the first start to the last end: the "5×2" day (003 §三)
        var spans = new TreeMap<LocalDate, LocalTime[]>();
        for (ServiceRecord s : services) {
            spans.merge(s.date(), new LocalTime[] {s.start(), s.end()}, (a, b) -> new LocalTime[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        long totalMinutes = spans.values().stream().mapToLong(span -> Duration.between(span[0], span[1]).toMinutes()).sum();
        long average = spans.isEmpty() ? 0 : totalMinutes / spans.size();
        return List.of(school.code(), school.name(), school.level().zh,
                school.urban() ? "城区" : "农村" + (school.ruralTown() == null ? "" : "（" + school.ruralTown() + "）"),
                Integer.toString(spans.size()), Integer.toString(services.size()),
                Integer.toString(services.stream().mapToInt(ServiceRecord::participants).sum()),
                Long.toString(average),
                Integer.toString(visits(services, PriorityGroup.LEFT_BEHIND)),
                Integer.toString(visits(services, PriorityGroup.MIGRANT)),
                // 003 §六 家庭经济困难: the three hardship groups are disjoint in the API
                Integer.toString(visits(services, PriorityGroup.ECONOMIC_HARDSHIP)
                        + visits(services, PriorityGroup.REGISTERED_POOR) + visits(services, PriorityGroup.MINIMUM_ALLOWANCE)));
    }

    private static int visits(List<ServiceRecord> services, PriorityGroup group) {
        return services.stream().map(ServiceRecord::participantsByGroup)
                .mapToInt((Map<PriorityGroup, Integer> byGroup) -> byGroup.getOrDefault(group, 0)).sum();
    }
}
