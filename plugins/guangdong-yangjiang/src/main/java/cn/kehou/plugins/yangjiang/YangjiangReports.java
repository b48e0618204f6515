package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.FeeRecord;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportDefinition.Column;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import java.util.Comparator;
import java.util.List;
import org.pf4j.Extension;

/** 000 §六(四): the school's fund ledger, reconciled with the platform and published. */
@Extension
public class YangjiangReports implements ReportFormat {

    static final ReportDefinition LEDGER = new ReportDefinition("ledger", "课后服务经费台账（服务学生、收缴费用、支出明细）",
            "After-school fund ledger (students served, fees collected, expenditure)", ReportDefinition.Period.TERMLY,
            ReportDefinition.FileType.XLSX, List.of(
                    new Column("school", "学校代码", "School code"),
                    new Column("service", "服务项目", "Service"),
                    new Column("students", "服务学生数", "Students served"),
                    new Column("collected", "收缴费用（元）", "Fees collected (CNY)"),
                    new Column("waived", "减免（元）", "Waived (CNY)"),
                    new Column("refunded", "退费（元）", "Refunded (CNY)"),
                    new Column("expenditure", "支出（元）", "Expenditure (CNY)")),
            true, YangjiangRule.LEDGER_PUBLISHED.citation);

    @Override
    public List<ReportDefinition> reports(PolicyContext ctx) {
        return List.of(LEDGER);
    }

    @Override
    public ReportTable build(PolicyContext ctx, ReportDefinition report, ReportDataset data) {
        if (!report.code().equals(LEDGER.code())) {
            throw new IllegalArgumentException("not a Yangjiang report: " + report.code());
        }
        // 000 §六(四): 建立经费台账，与平台定期汇总服务学生名单、收缴费用和支出明细表，及时进行公示
        return new ReportTable(report.code(), report.columnKeys(), data.fees().stream()
                .sorted(Comparator.comparing(FeeRecord::schoolCode).thenComparing(FeeRecord::kind))
                .map(f -> List.of(f.schoolCode(), f.kind().zh, Integer.toString(f.students()), Money.yuan(f.collectedFen()),
                        Money.yuan(f.waivedFen()), Money.yuan(f.refundedFen()), Money.yuan(f.expenditureFen())))
                .toList());
    }
}
