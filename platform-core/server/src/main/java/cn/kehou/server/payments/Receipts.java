package cn.kehou.server.payments;

import cn.kehou.server.ledger.Money;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A paid order's electronic receipt (电子收据) as a PDF: the school, the payer, each child's line
 * with what it costs and who bears the waived part, every captured payment with its time and the
 * gateway's transaction id, refunds, and the fee's legal basis and publication (公示) reference.
 * The Chinese text is set in Noto Sans SC (SIL OFL 1.1, from the ph-fonts jar), embedded as a
 * subset: the receipt reads the same on a phone or a printer without any Chinese font.
 */
@ApplicationScoped
public class Receipts {

    static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    OrderViews views;

    private volatile byte[] font;

    /** The receipt of an order with at least one captured payment; 409 RECEIPT_NOT_AVAILABLE before that. */
    public byte[] pdf(PaymentOrder order, String payerName) {
        OrderViews.OrderView view = views.view(order);
        List<OrderViews.PaymentView> paid = view.payments().stream().filter(p -> p.status().equals("SUCCEEDED")).toList();
        if (paid.isEmpty()) {
            throw new ProblemException(409, "RECEIPT_NOT_AVAILABLE");
        }
        Tenant tenant = Tenant.findById(order.tenantId);
        Map<UUID, List<FeePublication>> published = new LinkedHashMap<>();
        view.lines().forEach(l -> published.computeIfAbsent(l.service(), s ->
                FeePublication.<FeePublication>list("serviceId = ?1 order by publishedOn, recordedAt", s)));
        return draw(view, tenant, payerName, paid, published);
    }

    /** The receipt's number: stable for the order, printed on it and in its file name. */
    public static String number(UUID orderId) {
        return "KH-R-" + orderId.toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private byte[] draw(OrderViews.OrderView v, Tenant tenant, String payerName, List<OrderViews.PaymentView> paid,
                        Map<UUID, List<FeePublication>> published) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, new java.io.ByteArrayInputStream(fontBytes()), true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("课后服务费电子收据 " + number(v.id()));
            info.setAuthor(v.schoolName());
            info.setCreator("Kehou 课后");
            Sheet s = new Sheet(doc, f);
            s.line(18, "课后服务费电子收据");
            s.line(10, "Electronic receipt for after-school service fees");
            s.gap(6);
            s.pair("收据编号", number(v.id()));
            s.pair("收费单位", v.schoolName() + "（" + tenant.nameZh + "）");
            s.pair("缴费人", payerName.equals(v.payer()) ? v.payer() : payerName + "（" + v.payer() + "）");
            s.pair("学期", v.termName());
            s.pair("收款账户", v.collectingAccountZh());
            s.gap(8);
            s.line(13, "收费明细");
            for (OrderViews.LineView l : v.lines()) {
                s.gap(2);
                s.wrapped(11, Objects.requireNonNullElse(l.childName(), "—") + " · "
                        + Objects.requireNonNullElse(l.serviceTitle(), l.kindZh()) + "（" + l.kindZh() + "，本学期 " + l.sessionsTotal() + " 次）");
                s.pair("核定价格", yuan(l.priceFen()));
                for (Map<String, Object> w : l.waivers()) {
                    s.pair("减免", yuan(((Number) w.get("amountFen")).longValue()) + "，由" + w.get("payerZh") + "承担（" + w.get("citation") + "）");
                }
                s.pair("家长应缴", yuan(l.dueFen()));
                s.pair("已缴", yuan(l.paidFen()));
            }
            s.gap(8);
            s.line(13, "缴费记录");
            for (OrderViews.PaymentView p : paid) {
                s.pair("缴费金额", yuan(p.amountFen()));
                s.pair("缴费时间", p.settledAt() == null ? "—" : p.settledAt().atZoneSameInstant(CHINA).format(TIME) + "（北京时间）");
                s.pair("交易单号", p.transactionId() + "（" + p.gateway() + "，商户订单号 " + p.outTradeNo() + "）");
                s.gap(2);
            }
            s.pair("实收合计", yuan(v.paidFen()) + "（人民币" + Capital.of(v.paidFen()) + "）");
            if (v.refundedFen() > 0 || v.refundOwedFen() > 0) {
                s.pair("已退费", yuan(v.refundedFen()));
                if (v.refundOwedFen() > 0) {
                    s.pair("待退费", yuan(v.refundOwedFen()));
                }
            }
            s.gap(8);
            s.line(13, "收费依据与公示");
            List<String> bases = new ArrayList<>();
            for (OrderViews.LineView l : v.lines()) {
                for (FeePublication p : published.getOrDefault(l.service(), List.of())) {
                    String text = p.feeItem + " " + yuan(p.amountFen) + "（" + p.basis + "）" + (p.legalBasis == null ? "" : "；依据：" + p.legalBasis)
                            + "；公示：" + p.channel + " " + p.reference + "，" + p.publishedOn + "，" + p.approvingAuthority
                            + (p.complaintPhone == null ? "" : "；监督电话 " + p.complaintPhone);
                    if (!bases.contains(text)) {
                        bases.add(text);
                    }
                }
                Object citation = l.route().get("citation");
                if (citation != null && !bases.contains("收入账户依据：" + citation)) {
                    bases.add("收入账户依据：" + citation);
                }
            }
            if (bases.isEmpty()) {
                bases.add("—");
            }
            for (String b : bases) {
                s.wrapped(10, b);
            }
            s.gap(10);
            s.wrapped(9, "本收据由课后服务平台根据支付机构的到账通知自动生成，金额以人民币元计。如有疑问，请联系收费单位。");
            s.close();
            doc.save(out);
            return withExactText(out.toByteArray(), s.used(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PDFBox derives a subset's ToUnicode map from the font's cmap, and Noto maps a Kangxi radical
     * (⼦ U+2F26) and its ideograph (子 U+5B50) to one glyph: copied or searched, the receipt would
     * read 电⼦. The map is replaced by the characters this receipt actually drew, so its text is
     * exactly what was written.
     */
    public static byte[] withExactText(byte[] pdf, Map<Integer, Integer> cidToCodePoint) throws IOException {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> pairs = new ArrayList<>(new TreeMap<>(cidToCodePoint).entrySet());
        for (int i = 0; i < pairs.size(); i += 100) {
            List<Map.Entry<Integer, Integer>> block = pairs.subList(i, Math.min(pairs.size(), i + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : block) {
                StringBuilder utf16 = new StringBuilder();
                for (char c : Character.toChars(e.getValue())) {
                    utf16.append(String.format("%04X", (int) c));
                }
                cmap.append(String.format("<%04X> <%s>%n", e.getKey(), utf16));
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
            }
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    if (page.getResources().getFont(name) instanceof PDType0Font type0) {
                        type0.getCOSObject().setItem(COSName.TO_UNICODE, stream);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String yuan(long fen) {
        return "¥" + Money.ofFen(fen).yuan();
    }

    private byte[] fontBytes() {
        byte[] b = font;
        if (b == null) {
            try (InputStream in = Receipts.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the receipt font " + FONT + " is not on the classpath (ph-fonts-noto-sans-sc)");
                }
                b = in.readAllBytes();
                font = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    /** A4 pages filled top-down with text in one font; a new page when the current one is full. */
    private static final class Sheet {
        static final float MARGIN = 56;
        static final float LABEL = 86;
        private final PDDocument doc;
        private final PDType0Font font;
        private final Set<Integer> codePoints = new TreeSet<>();
        private PDPageContentStream out;
        private float y;

        Sheet(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            page();
        }

        private void page() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(float size, String text) throws IOException {
            show(size, MARGIN, text);
        }

        void pair(String label, String value) throws IOException {
            List<String> rows = wrap(value, 10.5f, width() - LABEL);
            for (int i = 0; i < rows.size(); i++) {
                need(10.5f);
                if (i == 0) {
                    put(10.5f, MARGIN, label + "：");
                }
                put(10.5f, MARGIN + LABEL, rows.get(i));
                y -= 10.5f * 1.5f;
            }
        }

        void wrapped(float size, String text) throws IOException {
            for (String row : wrap(text, size, width())) {
                show(size, MARGIN, row);
            }
        }

        private void show(float size, float x, String text) throws IOException {
            need(size);
            put(size, x, text);
            y -= size * 1.5f;
        }

        private void need(float size) throws IOException {
            if (y - size < MARGIN) {
                page();
            }
        }

        private void put(float size, float x, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y - size);
            out.showText(text);
            out.endText();
            text.codePoints().forEach(codePoints::add);
        }

        /** Each glyph drawn (its CID: Identity-H writes glyph ids) → the character it was drawn for. */
        Map<Integer, Integer> used(PDType0Font f) throws IOException {
            Map<Integer, Integer> cids = new HashMap<>();
            for (int cp : codePoints) {
                byte[] code = f.encode(new String(Character.toChars(cp)));
                if (code.length == 2) {
                    // Two characters on one glyph: the unified ideograph wins over a radical or compatibility form.
                    cids.merge((code[0] & 0xff) << 8 | (code[1] & 0xff), cp, (a, b) -> a >= 0x4E00 && a <= 0x9FFF ? a : b);
                }
            }
            return cids;
        }

        /** Breaks between any two characters (Chinese has no spaces), never wider than {@code max}. */
        private List<String> wrap(String text, float size, float max) throws IOException {
            List<String> rows = new ArrayList<>();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (row.length() > 0 && font.getStringWidth(row + ch) / 1000 * size > max) {
                    rows.add(row.toString());
                    row.setLength(0);
                }
                row.append(ch);
                i += Character.charCount(cp);
            }
            rows.add(row.toString());
            return rows;
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** 人民币大写, as receipts print the total: 20000 fen → 贰佰元整. */
    static final class Capital {
        private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
        private static final String[] SMALL = {"", "拾", "佰", "仟"};
        private static final String[] BIG = {"", "万", "亿", "万亿"};

        static String of(long fen) {
            if (fen == 0) {
                return "零元整";
            }
            long yuan = fen / 100;
            int jiao = (int) (fen / 10 % 10);
            int f = (int) (fen % 10);
            StringBuilder b = new StringBuilder();
            if (yuan > 0) {
                b.append(integer(yuan)).append('元');
            }
            if (jiao == 0 && f == 0) {
                return b.append('整').toString();
            }
            if (jiao > 0) {
                b.append(DIGITS.charAt(jiao)).append('角');
            } else if (yuan > 0) {
                b.append('零');
            }
            if (f > 0) {
                b.append(DIGITS.charAt(f)).append('分');
            }
            return b.toString();
        }

        private static String integer(long n) {
            StringBuilder b = new StringBuilder();
            int group = 0;
            boolean zero = false;
            while (n > 0) {
                int part = (int) (n % 10000);
                StringBuilder g = new StringBuilder();
                if (part > 0) {
                    boolean z = false;
                    for (int i = 3; i >= 0; i--) {
                        int d = part / (int) Math.pow(10, i) % 10;
                        if (d == 0) {
                            z = g.length() > 0;
                        } else {
                            if (z) {
                                g.append('零');
                                z = false;
                            }
                            g.append(DIGITS.charAt(d)).append(SMALL[i]);
                        }
                    }
                    g.append(BIG[group]);
                    if (zero && b.length() > 0) {
                        g.append('零');
                    }
                    b.insert(0, g);
                }
                zero = part < 1000;
                n /= 10000;
                group++;
            }
            return b.toString();
        }
    }
}
