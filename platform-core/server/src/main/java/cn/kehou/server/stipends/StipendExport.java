package cn.kehou.server.stipends;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A month's stipend list for the bank-card payment (001: 通过银行卡发放): one row per person and
 * term — name, category (课后服务补助 / 劳务费), the card reference recorded, sessions, periods and
 * their normal length, rate and amount in yuan. CSV for any bank tool, XLSX for the finance office.
 */
final class StipendExport {

    static final List<String> HEADER = List.of("name", "category", "bank_card", "term", "sessions", "periods", "period_minutes",
            "rate_yuan", "amount_yuan");
    static final List<String> HEADER_ZH = List.of("姓名", "类别", "银行卡", "学期", "服务次数", "课时数", "每课时分钟",
            "课时单价（元）", "金额（元）");

    private StipendExport() {
    }

    static String categoryZh(StipendRuns.Category c) {
        return c == StipendRuns.Category.STIPEND ? "课后服务补助" : "劳务费";
    }

    static List<String> row(StipendRuns.Line l) {
        return List.of(l.name(), categoryZh(l.category()), l.bankCard() == null ? "" : l.bankCard(), l.termName(),
                Integer.toString(l.sessions()), Integer.toString(l.periods()), Integer.toString(l.periodMinutes()), l.rateYuan(),
                l.amountYuan());
    }

    static String csv(StipendRuns.Run run) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (StipendRuns.Line l : run.lines()) {
            out.append(String.join(",", row(l).stream().map(StipendExport::quoted).toList())).append("\r\n");
        }
        return out.toString();
    }

    static byte[] xlsx(StipendRuns.Run run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Kehou", "1.0");
            Worksheet ws = wb.newWorksheet(run.period());
            ws.value(0, 0, run.schoolName() + " " + run.period() + " 课后服务补助与劳务费发放表");
            for (int c = 0; c < HEADER_ZH.size(); c++) {
                ws.value(1, c, HEADER_ZH.get(c));
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (StipendRuns.Line l : run.lines()) {
                List<String> cells = row(l);
                for (int c = 0; c < cells.size(); c++) {
                    if (c >= 4 && c <= 6) {
                        ws.value(r, c, Integer.parseInt(cells.get(c)));
                    } else if (c >= 7) {
                        ws.value(r, c, new java.math.BigDecimal(cells.get(c)));
                    } else {
                        ws.value(r, c, cells.get(c));
                    }
                }
                r++;
            }
            ws.value(r, 0, "合计");
            ws.value(r, 8, new java.math.BigDecimal(run.totalYuan()));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Numbers bare, text quoted; text a spreadsheet would read as a formula (=, +, -, @) gets a
     * leading apostrophe, so a name typed into the staff register cannot run in the finance office.
     */
    private static String quoted(String s) {
        if (s.matches("[0-9.]+")) {
            return s;
        }
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
