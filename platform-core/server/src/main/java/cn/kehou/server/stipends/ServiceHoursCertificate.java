package cn.kehou.server.stipends;

import cn.kehou.server.payments.Receipts;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A teacher's certificate of after-school service hours (课后服务工作量证明), for title and award
 * reviews (003 §八: 教师参加课后服务的表现应作为职称评聘、表彰奖励…的重要参考): the periods they
 * taught per school and term, from published stipend runs only. Chinese text in Noto Sans SC,
 * embedded as a subset, with the text map rewritten to the characters drawn by
 * {@link Receipts#withExactText} (shared with the receipts and the regulator reports).
 */
final class ServiceHoursCertificate {

    static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile byte[] font;

    private ServiceHoursCertificate() {
    }

    static byte[] pdf(String personName, String tenantName, List<StipendRuns.TermHours> terms, LocalDate issuedOn) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes()), true);
            doc.getDocumentInformation().setTitle("课后服务工作量证明");
            doc.getDocumentInformation().setCreator("Kehou 课后");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            List<String> drawn = new ArrayList<>();
            float y = PDRectangle.A4.getHeight() - 64;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                y = put(s, f, 18, y, "课后服务工作量证明", drawn);
                y = put(s, f, 10, y, "Certificate of after-school service hours", drawn) - 8;
                y = put(s, f, 11, y, "姓名：" + personName, drawn);
                y = put(s, f, 11, y, "地区：" + tenantName, drawn) - 8;
                if (terms.isEmpty()) {
                    y = put(s, f, 11, y, "暂无已公示的课后服务记录。", drawn);
                }
                int total = 0;
                for (StipendRuns.TermHours t : terms) {
                    y = put(s, f, 11, y, t.schoolName() + " · " + t.termName() + "：课后服务 " + t.sessions() + " 次，共 "
                            + t.periods() + " 课时（每课时 " + t.periodMinutes() + " 分钟）", drawn);
                    total += t.periods();
                    if (y < 120) {
                        break; // one page holds many years of terms; a longer record is cut rather than overprinted
                    }
                }
                y = put(s, f, 11, y - 8, "合计：" + total + " 课时", drawn) - 12;
                y = put(s, f, 9, y, "课时按学校正常课时长度计算，来源于学校已公示的课后服务补助与劳务费发放记录。", drawn);
                put(s, f, 9, y, "出具日期：" + issuedOn, drawn);
            }
            doc.save(out);
            return Receipts.withExactText(out.toByteArray(), used(f, drawn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float put(PDPageContentStream s, PDType0Font f, float size, float y, String text, List<String> drawn)
            throws IOException {
        s.beginText();
        s.setFont(f, size);
        s.newLineAtOffset(56, y - size);
        s.showText(text);
        s.endText();
        drawn.add(text);
        return y - size * 1.6f;
    }

    /** Each glyph drawn (its CID) → the character it was drawn for; the unified ideograph wins over a radical. */
    private static Map<Integer, Integer> used(PDType0Font f, List<String> drawn) throws IOException {
        Map<Integer, Integer> cids = new TreeMap<>();
        for (String text : drawn) {
            for (int cp : text.codePoints().toArray()) {
                byte[] code = f.encode(new String(Character.toChars(cp)));
                if (code.length == 2) {
                    cids.merge((code[0] & 0xff) << 8 | (code[1] & 0xff), cp, (a, b) -> a >= 0x4E00 && a <= 0x9FFF ? a : b);
                }
            }
        }
        return cids;
    }

    private static byte[] fontBytes() {
        byte[] b = font;
        if (b == null) {
            try (InputStream in = ServiceHoursCertificate.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the certificate font " + FONT + " is not on the classpath (ph-fonts-noto-sans-sc)");
                }
                b = in.readAllBytes();
                font = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }
}
