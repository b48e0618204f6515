package cn.kehou.server.reconciliation;

import cn.kehou.server.ledger.Money;
import cn.kehou.server.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation as a spreadsheet a finance office fills in: one row per line with the
 * platform's figure and a column for the school's own (money in yuan with two decimals, counts as
 * whole numbers). Uploading it back reads the {@code code} and {@code school} columns; an empty
 * school cell leaves that line as it was.
 */
final class FiguresCsv {

    static final String HEADER = "code,label,unit,platform,school";

    private FiguresCsv() {
    }

    static String write(SchoolReconciliations.View view) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (SchoolReconciliations.Line l : view.lines()) {
            out.append(String.join(",", l.code(), quoted(l.label()), l.unit().name(), format(l, l.platformValue()),
                    l.schoolValue() == null ? "" : format(l, l.schoolValue()))).append("\r\n");
        }
        return out.toString();
    }

    /** code → value (fen for money) of every row with a school figure; a malformed file is a 422 naming the row. */
    static Map<String, Long> read(String csv, Map<String, PlatformFigures.Unit> units) {
        List<String> rows = csv.lines().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            throw new ProblemException(422, "RECONCILIATION_CSV_INVALID", 1, "empty");
        }
        List<String> header = split(stripBom(rows.get(0)));
        int code = header.indexOf("code");
        int school = header.indexOf("school");
        if (code < 0 || school < 0) {
            throw new ProblemException(422, "RECONCILIATION_CSV_INVALID", 1, "code, school");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = split(rows.get(i));
            String c = cells.size() > code ? cells.get(code).strip() : "";
            String v = cells.size() > school ? cells.get(school).strip() : "";
            if (c.isEmpty() || v.isEmpty()) {
                continue;
            }
            PlatformFigures.Unit unit = units.get(c);
            if (unit == null) {
                throw new ProblemException(422, "RECONCILIATION_LINE_UNKNOWN", c);
            }
            try {
                out.put(c, unit == PlatformFigures.Unit.FEN ? Money.ofYuan(v).fen() : Long.parseLong(v));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ProblemException(422, "RECONCILIATION_CSV_INVALID", i + 1, v);
            }
        }
        return out;
    }

    private static String format(SchoolReconciliations.Line l, long value) {
        return l.money() ? Money.ofFen(value).yuan() : Long.toString(value);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** One CSV row's cells: commas inside double quotes stay, a doubled quote is a quote. */
    private static List<String> split(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char ch = row.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
