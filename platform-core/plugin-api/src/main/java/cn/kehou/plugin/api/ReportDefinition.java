package cn.kehou.plugin.api;

import java.util.List;

/**
 * A report the region requires: its code, title, period, file type and columns, and whether it
 * is published (公示). The host checks that {@link ReportFormat#build} returns exactly these columns.
 */
public record ReportDefinition(
        String code, String titleZh, String titleEn, Period period, FileType fileType,
        List<Column> columns, boolean published, String citation) {

    public enum Period {
        ON_DEMAND, MONTHLY, TERMLY, YEARLY
    }

    public enum FileType {
        CSV, XLSX, PDF
    }

    /** A column: a stable key and headers in Chinese and English. */
    public record Column(String key, String headerZh, String headerEn) {
        public Column {
            Require.text(key, "key");
            Require.text(headerZh, "headerZh");
            Require.text(headerEn, "headerEn");
        }
    }

    public ReportDefinition {
        Require.text(code, "code");
        Require.text(titleZh, "titleZh");
        Require.text(titleEn, "titleEn");
        Require.present(period, "period");
        Require.present(fileType, "fileType");
        columns = List.copyOf(Require.noNulls(columns, "columns"));
        if (columns.isEmpty() || columns.stream().map(Column::key).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("a report needs columns with distinct keys");
        }
        Require.text(citation, "citation");
    }

    public List<String> columnKeys() {
        return columns.stream().map(Column::key).toList();
    }
}
