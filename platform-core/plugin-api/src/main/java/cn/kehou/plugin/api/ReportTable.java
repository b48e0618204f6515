package cn.kehou.plugin.api;

import java.util.List;

/** A built report: its code, the column keys, and rows of text cells (amounts in yuan, "200.00"). */
public record ReportTable(String reportCode, List<String> columns, List<List<String>> rows) {

    public ReportTable {
        Require.text(reportCode, "reportCode");
        columns = List.copyOf(Require.noNulls(columns, "columns"));
        rows = Require.noNulls(rows, "rows").stream().map(row -> List.copyOf(Require.noNulls(row, "row"))).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }
}
