package cn.kehou.server.reports;

import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.server.payments.Receipts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table (a plugin's report, or a dashboard table) as a file: XLSX (FastExcel), CSV (UTF-8 with a
 * byte-order mark, so Excel opens Chinese text right) or PDF (PDFBox; landscape A4 pages with the
 * header repeated on each, Chinese set in Noto Sans SC embedded as a subset, as receipts are).
 * Pure functions of their input: the same table gives the same bytes, except the XLSX/PDF
 * timestamps their libraries write.
 */
public final class ReportFiles {

    /** The file formats a report can be downloaded in. */
    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf"),
        CSV("text/csv; charset=UTF-8", "csv");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Format of(ReportDefinition.FileType type) {
            return valueOf(type.name());
        }
    }

    /** What a file shows: a title, a subtitle line (tenant, period, source), headers and rows. */
    public record Sheet(String title, String subtitle, List<String> headers, List<List<String>> rows) {
    }

    static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile byte[] font;

    private ReportFiles() {
    }

    public static byte[] render(Format format, Sheet sheet) {
        return switch (format) {
            case XLSX -> xlsx(sheet);
            case CSV -> csv(sheet);
            case PDF -> pdf(sheet);
        };
    }

    static byte[] xlsx(Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Kehou", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName(sheet.title()));
            for (int c = 0; c < sheet.headers().size(); c++) {
                ws.value(0, c, sheet.headers().get(c));
                ws.style(0, c).bold().fillColor("DDEBF7").set();
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<String> row = sheet.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.value(r + 1, c, row.get(c));
                }
            }
            ws.freezePane(0, 1);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Excel limits a sheet name to 31 characters without []:*?/\ . */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.isEmpty() ? "report" : name.substring(0, Math.min(31, name.length()));
    }

    static byte[] csv(Sheet sheet) {
        StringBuilder s = new StringBuilder("\uFEFF");
        line(s, sheet.headers());
        sheet.rows().forEach(row -> line(s, row));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder s, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String cell = cells.get(i);
            // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet shows text, not a formula.
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            s.append(cell);
        }
        s.append("\r\n");
    }

    static byte[] pdf(Sheet sheet) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes()), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(sheet.title());
            info.setCreator("Kehou 课后");
            Table t = new Table(doc, f, sheet);
            t.draw();
            doc.save(out);
            return Receipts.withExactText(out.toByteArray(), t.used());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() {
        byte[] b = font;
        if (b == null) {
            try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the report font " + FONT + " is not on the classpath (ph-fonts-noto-sans-sc)");
                }
                b = in.readAllBytes();
                font = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    /** A table on landscape A4 pages: wrapped cells, a new page (with the header again) when one is full. */
    private static final class Table {
        static final float MARGIN = 36;
        static final float SIZE = 8.5f;
        static final float LEADING = SIZE * 1.35f;
        static final float PAD = 3;
        static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

        private final PDDocument doc;
        private final PDType0Font font;
        private final Sheet sheet;
        private final float[] widths;
        private final Set<Integer> codePoints = new TreeSet<>();
        private PDPageContentStream out;
        private float y;
        private int pageNo;

        Table(PDDocument doc, PDType0Font font, Sheet sheet) throws IOException {
            this.doc = doc;
            this.font = font;
            this.sheet = sheet;
            this.widths = widths();
        }

        /**
         * Column widths in proportion to each column's longest cell (capped), filling the page width.
         * A header counts as at most four characters: headers wrap, so a numeric column with a long
         * Chinese header stays narrow and names get the room.
         */
        private float[] widths() throws IOException {
            int n = sheet.headers().size();
            float[] natural = new float[n];
            for (int c = 0; c < n; c++) {
                natural[c] = Math.min(width(sheet.headers().get(c)), 4 * SIZE);
                for (List<String> row : sheet.rows()) {
                    natural[c] = Math.max(natural[c], Math.min(width(row.get(c)), 220));
                }
                natural[c] = Math.max(natural[c], 24) + 2 * PAD;
            }
            float total = 0;
            for (float w : natural) {
                total += w;
            }
            float scale = (PAGE.getWidth() - 2 * MARGIN) / total;
            for (int c = 0; c < n; c++) {
                natural[c] *= scale;
            }
            return natural;
        }

        private float width(String text) throws IOException {
            return font.getStringWidth(text) / 1000 * SIZE;
        }

        void draw() throws IOException {
            page();
            if (sheet.rows().isEmpty()) {
                text(MARGIN, y - SIZE, "（无数据 / no rows）");
            }
            for (List<String> row : sheet.rows()) {
                row(row, false);
            }
            out.close();
        }

        private void page() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            pageNo++;
            y = PAGE.getHeight() - MARGIN;
            text(MARGIN, y - 13, 13, sheet.title());
            y -= 13 * 1.6f;
            text(MARGIN, y - SIZE, SIZE, sheet.subtitle() + "    第 " + pageNo + " 页");
            y -= LEADING + 6;
            row(sheet.headers(), true);
        }

        private void row(List<String> cells, boolean header) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                List<String> w = wrap(cells.get(c), widths[c] - 2 * PAD);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * LEADING + 2 * PAD;
            if (!header && y - height < MARGIN) {
                page();
            }
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                if (header) {
                    out.setNonStrokingColor(0.87f, 0.92f, 0.97f);
                    out.addRect(x, y - height, widths[c], height);
                    out.fill();
                    out.setNonStrokingColor(0f, 0f, 0f);
                }
                out.setLineWidth(0.4f);
                out.addRect(x, y - height, widths[c], height);
                out.stroke();
                float ty = y - PAD;
                for (String line : wrapped.get(c)) {
                    text(x + PAD, ty - SIZE, line);
                    ty -= LEADING;
                }
                x += widths[c];
            }
            y -= height;
        }

        private void text(float x, float baseline, String text) throws IOException {
            text(x, baseline, SIZE, text);
        }

        private void text(float x, float baseline, float size, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
            text.codePoints().forEach(codePoints::add);
        }

        /** Breaks between any two characters (Chinese has no spaces), never wider than {@code max}. */
        private List<String> wrap(String text, float max) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = cp == '\n' || cp == '\r' || cp == '\t' ? " " : new String(Character.toChars(cp));
                if (row.length() > 0 && width(row + ch) > max) {
                    rows.add(row.toString());
                    row.setLength(0);
                }
                row.append(ch);
                i += Character.charCount(cp);
            }
            rows.add(row.toString());
            return rows;
        }

        /** Each glyph drawn (its CID) → the character it was drawn for; the unified ideograph wins over a radical. */
        Map<Integer, Integer> used() throws IOException {
            Map<Integer, Integer> cids = new HashMap<>();
            for (int cp : codePoints) {
                byte[] code = font.encode(new String(Character.toChars(cp)));
                if (code.length == 2) {
                    cids.merge((code[0] & 0xff) << 8 | (code[1] & 0xff), cp, (a, b) -> a >= 0x4E00 && a <= 0x9FFF ? a : b);
                }
            }
            return cids;
        }
    }
}
