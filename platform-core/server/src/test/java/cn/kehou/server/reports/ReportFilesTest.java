package cn.kehou.server.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The file writers on their own: CSV quoting for Excel, PDF page breaks with the header on every page. */
class ReportFilesTest {

    @Test
    void csv_starts_with_a_bom_quotes_what_needs_it_and_never_hands_excel_a_formula() {
        ReportFiles.Sheet sheet = new ReportFiles.Sheet("t", "s", List.of("学校", "备注", "金额"),
                List.of(List.of("第一小学", "含,逗号与\"引号\"", "-12.50"), List.of("=HYPERLINK(\"x\")", "+1 区", "200.00")));
        String csv = new String(ReportFiles.render(ReportFiles.Format.CSV, sheet), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF学校,备注,金额\r\n第一小学,\"含,逗号与\"\"引号\"\"\",-12.50\r\n'=HYPERLINK(\"x\"),'+1 区,200.00\r\n"
                .replace("'=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""));
    }

    @Test
    void a_long_table_breaks_across_pages_and_repeats_its_header_on_each() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("school-" + i, "赣州市南康区唐江镇中心小学", Integer.toString(i)));
        }
        byte[] pdf = ReportFiles.render(ReportFiles.Format.PDF, new ReportFiles.Sheet("服务档案", "江西省 2025-03-03 – 2025-03-07",
                List.of("学校代码", "学校名称", "人次"), rows));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(doc)).as("page " + page).contains("服务档案", "学校代码", "学校名称", "第 " + page + " 页");
            }
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("school-1 赣州", "school-120 赣州");
        }
    }
}
