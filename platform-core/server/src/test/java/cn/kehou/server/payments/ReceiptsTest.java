package cn.kehou.server.payments;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static cn.kehou.server.payments.PaymentsFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paid order's receipt is a PDF whose Chinese text is really there (extracted, not pictured) in
 * an embedded subset of its font; only the paying family gets it, and only once it is paid. The
 * school's books show the same money, balanced.
 */
@QuarkusTest
class ReceiptsTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String UQ = "xinjiang-urumqi-tianshan";

    /** A billed, published service for yj-parent's new child; the order's id. */
    static String billedOrder(String childName) throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", LocalTime.of(16, 30), LocalTime.of(18, 0),
                10000, today().minusMonths(1), today().minusDays(20), today().plusDays(90));
        String app = PaymentsFixtures.arranged(s, "yj-parent", childName).toString();
        PaymentsFixtures.publishAll(Tokens.of("yj-school-admin"), s, 10000);
        PaymentsFixtures.charge(Tokens.of("yj-school-admin"), s).then().statusCode(200);
        PaymentsFixtures.merchant(YJ, "receipts-yj", "test-merchant-b");
        return Db.strings("SELECT order_id FROM order_line WHERE application_id = '" + app + "'").get(0);
    }

    @Test
    void a_paid_order_has_a_pdf_receipt_with_its_chinese_text_in_an_embedded_font_for_the_paying_family_only() throws Exception {
        String order = billedOrder("收据小明");
        // Not paid yet: no receipt.
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/orders/" + order + "/receipt.pdf")
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("RECEIPT_NOT_AVAILABLE"));

        PaymentsFixtures.paid(YJ, "yj-parent", order);
        JsonPath view = given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/orders/" + order)
                .then().statusCode(200).extract().jsonPath();
        String transaction = view.getString("payments.find { it.status == 'SUCCEEDED' }.transactionId");
        long paidFen = view.getLong("paidFen");

        byte[] pdf = given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/me/orders/" + order + "/receipt.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("课后服务费电子收据", "阳江市江城区第一小学", "收据小明", "¥" + cn.kehou.server.ledger.Money.ofFen(paidFen).yuan(),
                    "实收合计", transaction, "收费依据与公示");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                PDType0Font type0 = (PDType0Font) f;
                assertThat(type0.isEmbedded()).as("font embedded").isTrue();
                assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2()).as("TrueType program in the PDF").isNotNull();
                assertThat(f.getName()).as("a subset, tagged ABCDEF+").matches("[A-Z]{6}\\+NotoSansSC.*");
            });
        }
        // A family of the other region asking for it: not found, and nothing of the school in the answer.
        String refused = given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + YJ + "/me/orders/" + order + "/receipt.pdf")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)))
                .extract().asString();
        assertThat(refused).doesNotContain("阳江市江城区第一小学", "收据小明");
        given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/orders/" + order + "/receipt.pdf")
                .then().statusCode(404);
    }

    @Test
    void the_school_finance_office_reads_balanced_books_with_the_payment_and_its_causes() throws Exception {
        String order = billedOrder("账目小红");
        PaymentsFixtures.paid(YJ, "yj-parent", order);
        JsonPath books = given().auth().oauth2(Tokens.of("yj-finance")).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/books")
                .then().statusCode(200).extract().jsonPath();
        assertThat(books.getLong("trialBalanceFen")).isZero();
        assertThat(books.getLong("debitsFen")).isEqualTo(books.getLong("creditsFen")).isPositive();
        String payment = Db.strings("SELECT id FROM payment WHERE order_id = '" + order + "' AND status = 'SUCCEEDED'").get(0);
        assertThat(books.getList("entries.key", String.class)).contains("payment:" + payment + ":captured", "payment:" + payment + ":settled");
        assertThat(books.getList("entries.causeType", String.class)).contains("order_line", "payment");
        assertThat(books.getList("payments.id", String.class)).contains(payment);
        assertThat(books.getList("accounts.kind", String.class)).contains("PARENT_RECEIVABLE", "GATEWAY_CLEARING");
        // Another region's finance office sees none of it; a parent may not read the books.
        given().auth().oauth2(Tokens.of("urumqi-school-admin")).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/books")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        given().auth().oauth2(Tokens.of("yj-parent")).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/books").then().statusCode(403);
    }

    @Test
    void the_capital_amount_is_written_as_receipts_write_it() {
        assertThat(Receipts.Capital.of(20000)).isEqualTo("贰佰元整");
        assertThat(Receipts.Capital.of(105050)).isEqualTo("壹仟零伍拾元伍角");
        assertThat(Receipts.Capital.of(10050000)).isEqualTo("壹拾万零伍佰元整");
        assertThat(Receipts.Capital.of(1)).isEqualTo("壹分");
        assertThat(Receipts.Capital.of(1001)).isEqualTo("壹拾元零壹分");
    }
}
