package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.FeeRecord;
import cn.kehou.plugin.api.ReportDataset.ServiceRecord;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportDefinition.Column;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.pf4j.Extension;

/** 004 §五(一): per-service records; §四(五): fee statistics for the price authority. */
@Extension
public class UrumqiReports implements ReportFormat {

    static final ReportDefinition SERVICE_RECORDS = new ReportDefinition("service-records", "课后服务档案（人数、内容、时间、形式）",
            "After-school service records (head-count, content, time, form)", ReportDefinition.Period.TERMLY,
            ReportDefinition.FileType.XLSX, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("date", "日期", "Date"),
                    new Column("service", "服务类型", "Service"),
                    new Column("content", "内容", "Content"),
                    new Column("form", "形式", "Form"),
                    new Column("start", "开始", "Start"),
                    new Column("end", "结束", "End"),
                    new Column("minutes", "时长（分钟）", "Minutes"),
                    new Column("participants", "人数", "Participants")),
            false, UrumqiRule.SERVICE_RECORDS.citation);

    static final ReportDefinition FEE_STATISTICS = new ReportDefinition("fee-statistics", "课后服务收费统计",
            "After-school fee statistics", ReportDefinition.Period.TERMLY, ReportDefinition.FileType.CSV, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("service", "服务类型", "Service"),
                    new Column("students", "收费人数", "Students"),
                    new Column("collected", "收费金额（元）", "Collected (CNY)"),
                    new Column("waived", "减免金额（元）", "Waived (CNY)"),
                    new Column("refunded", "退费金额（元）", "Refunded (CNY)")),
            false, UrumqiRule.PUBLISH_BEFORE_CHARGING.citation);

    @Override
    public List<ReportDefinition> reports(PolicyContext ctx) {
        return List.of(SERVICE_RECORDS, FEE_STATISTICS);
    }

    @Override
    public ReportTable build(PolicyContext ctx, ReportDefinition report, ReportDataset data) {
        if (report.code().equals(SERVICE_RECORDS.code())) {
            // 004 §五(一): 对每种课后服务的人数、内容、时间、形式等进行档案资料留存
            return new ReportTable(report.code(), report.columnKeys(), data.services().stream()
                    .sorted(Comparator.comparing(ServiceRecord::schoolCode).thenComparing(ServiceRecord::date)
                            .thenComparing(ServiceRecord::kind).thenComparing(ServiceRecord::start))
                    .map(s -> List.of(s.schoolCode(), s.date().toString(), s.kind().zh, s.contentZh(), s.formZh(),
                            s.start().toString(), s.end().toString(),
                            Long.toString(Duration.between(s.start(), s.end()).toMinutes()),
                            Integer.toString(s.participants())))
                    .toList());
        }
        if (report.code().equals(FEE_STATISTICS.code())) {
            // 004 §四(五): 收费统计和收费公示
            return new ReportTable(report.code(), report.columnKeys(), data.fees().stream()
                    .sorted(Comparator.comparing(FeeRecord::schoolCode).thenComparing(FeeRecord::kind))
                    .map(f -> List.of(f.schoolCode(), f.kind().zh, Integer.toString(f.students()),
                            Money.yuan(f.collectedFen()), Money.yuan(f.waivedFen()), Money.yuan(f.refundedFen())))
                    .toList());
        }
        throw new IllegalArgumentException("not an Urumqi report: " + report.code());
    }
}
