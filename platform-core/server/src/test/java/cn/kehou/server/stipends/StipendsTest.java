package cn.kehou.server.stipends;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.stipends.StipendFixtures.YJ;
import static cn.kehou.server.stipends.StipendFixtures.YJ_SCHOOL;
import static cn.kehou.server.stipends.StipendFixtures.YJ_SCHOOL_NAME;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Teacher stipends (issue 12 §3) against the real stack: periods counted on the normal class-period
 * length (001 §五(二)4), school staff paid a stipend and outside staff a labour fee (003 §八),
 * published inside the school and paid by bank card (001 §五(二)4), a certificate of service hours
 * (003 §八). Each test uses its own month of the Yangjiang school, so the runs do not meet.
 */
@QuarkusTest
class StipendsTest {

    static final String BASE = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/stipends";
    static final long STIPEND_RATE = 5000;   // 50.00 yuan per period
    static final long LABOUR_RATE = 8000;    // 80.00 yuan per period

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    @BeforeEach
    void rates() {
        as("yj-finance").contentType(ContentType.JSON)
                .body(Map.of("stipendFenPerPeriod", STIPEND_RATE, "labourFeeFenPerPeriod", LABOUR_RATE))
                .put(BASE + "/rate").then().statusCode(200).body("stipendFenPerPeriod", equalTo((int) STIPEND_RATE));
    }

    static Map<String, Object> line(JsonPath run, UUID staff) {
        List<Map<String, Object>> lines = run.getList("lines");
        return lines.stream().filter(l -> staff.toString().equals(l.get("staff"))).findFirst().orElseThrow();
    }

    static long trialBalance() throws Exception {
        return longOf("SELECT COALESCE(sum(l.debit_fen - l.credit_fen), 0) FROM journal_line l JOIN tenant t ON t.id = l.tenant_id"
                + " WHERE t.code = '" + YJ + "'");
    }

    static long entries() throws Exception {
        return longOf("SELECT count(*) FROM journal_entry e JOIN tenant t ON t.id = e.tenant_id WHERE t.code = '" + YJ + "'");
    }

    @Test
    void a_teacher_with_30_periods_of_40_minutes_is_paid_for_30_periods_not_for_clock_hours() throws Exception {
        // 001 §五(二)4 计费时间必须以…正常课时为基础计算: the school's normal period is 40 minutes; the
        // service runs 16:10–17:30 (two periods, 001 §三(四)) on the 15 weekdays of 3–21 March 2025.
        StipendFixtures.Service s = StipendFixtures.service(YJ, YJ_SCHOOL, 40, "16:10", "17:30",
                LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 21));
        UUID teacher = StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·许老师");

        JsonPath run = as("yj-finance").post(BASE + "/2025-03").then().statusCode(200).extract().jsonPath();
        Map<String, Object> l = line(run, teacher);
        assertThat(l.get("sessions")).isEqualTo(15);
        assertThat(l.get("periods")).isEqualTo(30);
        assertThat(l.get("periodMinutes")).isEqualTo(40);
        assertThat(l.get("category")).isEqualTo("STIPEND");
        // 30 periods × 50.00 = 1500.00 — not 20 clock hours (1000.00) nor 26.67 "45-minute hours".
        assertThat(((Number) l.get("amountFen")).longValue()).isEqualTo(30 * STIPEND_RATE).isNotEqualTo(20 * STIPEND_RATE);
        assertThat(l.get("amountYuan")).isEqualTo("1500.00");
    }

    @Test
    void school_staff_get_a_stipend_and_outside_staff_a_labour_fee_exported_for_the_bank_as_csv_and_xlsx() throws Exception {
        // 003 §八 对聘请校外人员提供课后服务的，课后服务补助可按劳务费管理; 001 §五(二)4 通过银行卡发放.
        // One 40-minute period a day on 7–11 April 2025 (5 sessions).
        StipendFixtures.Service s = StipendFixtures.service(YJ, YJ_SCHOOL, 40, "16:10", "16:50",
                LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 11));
        UUID own = StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·甲老师");
        UUID retired = StipendFixtures.staff(s, "RETIRED_TEACHER", "测试·乙退休教师");
        UUID volunteer = StipendFixtures.staff(s, "VOLUNTEER", "测试·丙志愿者");
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("bankName", "测试银行", "cardLast4", "0042"))
                .put(BASE + "/payees/" + own).then().statusCode(200).body("bankCard", equalTo("测试银行 **** 0042"));
        // A full card number is not what the platform keeps.
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("bankName", "测试银行", "cardLast4", "6222020000000042"))
                .put(BASE + "/payees/" + retired).then().statusCode(400);

        JsonPath run = as("yj-school-admin").post(BASE + "/2025-04").then().statusCode(200).extract().jsonPath();
        assertThat(line(run, own).get("category")).isEqualTo("STIPEND");
        assertThat(((Number) line(run, own).get("amountFen")).longValue()).isEqualTo(5 * STIPEND_RATE);
        assertThat(line(run, retired).get("category")).isEqualTo("LABOUR_FEE");
        assertThat(((Number) line(run, retired).get("amountFen")).longValue()).isEqualTo(5 * LABOUR_RATE);
        assertThat(line(run, volunteer).get("category")).isEqualTo("LABOUR_FEE");
        assertThat(run.getLong("stipendFen")).isEqualTo(5 * STIPEND_RATE);
        assertThat(run.getLong("labourFeeFen")).isEqualTo(10 * LABOUR_RATE);

        String csv = as("yj-finance").get(BASE + "/2025-04/export.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("name,category,bank_card,term,sessions,periods,period_minutes,rate_yuan,amount_yuan");
        assertThat(rows).hasSize(4);
        assertThat(rows).contains("\"测试·甲老师\",\"课后服务补助\",\"测试银行 **** 0042\",\"" + s.termName() + "\",5,5,40,50.00,250.00",
                "\"测试·乙退休教师\",\"劳务费\",\"\",\"" + s.termName() + "\",5,5,40,80.00,400.00");

        byte[] xlsx = as("yj-finance").get(BASE + "/2025-04/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(YJ_SCHOOL_NAME).contains("2025-04");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
            List<String> names = new ArrayList<>();
            for (int r = 2; r <= 4; r++) {
                Row row = sheet.getRow(r);
                names.add(row.getCell(0).getStringCellValue() + "|" + row.getCell(1).getStringCellValue() + "|"
                        + (long) row.getCell(5).getNumericCellValue() + "|" + row.getCell(8).getNumericCellValue());
            }
            assertThat(names).containsExactlyInAnyOrder("测试·甲老师|课后服务补助|5|250.0", "测试·乙退休教师|劳务费|5|400.0",
                    "测试·丙志愿者|劳务费|5|400.0");
            assertThat(sheet.getRow(5).getCell(8).getNumericCellValue()).isEqualTo(1050.0);
        }
        // Export and computation are the school's finance office's and admin's, not a teacher's.
        as("yj-service-teacher").get(BASE + "/2025-04/export.csv").then().statusCode(403);
        as("yj-class-teacher").post(BASE + "/2025-04").then().statusCode(403);
    }

    @Test
    void a_rerun_replaces_the_draft_publication_books_once_and_only_the_schools_staff_see_it() throws Exception {
        // One period a day on 5–9 May 2025; the teacher is yj-service-teacher's staff record.
        StipendFixtures.Service s = StipendFixtures.service(YJ, YJ_SCHOOL, 40, "16:10", "16:50",
                LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 9));
        UUID teacher = StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·冯老师");
        UUID outside = StipendFixtures.staff(s, "RETIRED_TEACHER", "测试·丁退休教师");
        as("yj-finance").contentType(ContentType.JSON)
                .body(Map.of("username", "yj-service-teacher", "bankName", "测试银行", "cardLast4", "1234"))
                .put(BASE + "/payees/" + teacher).then().statusCode(200).body("username", equalTo("yj-service-teacher"));
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("username", "yj-parent"))
                .put(BASE + "/payees/" + outside).then().statusCode(422).body("code", equalTo("STIPEND_PAYEE_NOT_STAFF"));
        long entriesBefore = entries();

        JsonPath first = as("yj-finance").post(BASE + "/2025-05").then().statusCode(200).body("status", equalTo("DRAFT"))
                .extract().jsonPath();
        JsonPath again = as("yj-finance").post(BASE + "/2025-05").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("lines")).isEqualTo(first.getList("lines"));
        assertThat(longOf("SELECT count(*) FROM stipend_run WHERE period = '2025-05'")).isEqualTo(1);
        // A draft changes with the records: a session called off after the first computation.
        StipendFixtures.cancel(s, LocalDate.of(2025, 5, 9));
        JsonPath replaced = as("yj-finance").post(BASE + "/2025-05").then().statusCode(200).extract().jsonPath();
        assertThat(line(replaced, teacher).get("periods")).isEqualTo(4);
        assertThat(entries()).as("a draft books nothing").isEqualTo(entriesBefore);

        // Before publication the school's staff see that nothing is published.
        as("yj-service-teacher").get(BASE + "/2025-05").then().statusCode(200).body("status", equalTo("NOT_PUBLISHED"))
                .body("lines.size()", equalTo(0));
        as("yj-service-teacher").get("/api/t/" + YJ + "/me/stipends").then().statusCode(200)
                .body("lines.findAll { it.period == '2025-05' }.size()", equalTo(0));

        JsonPath published = as("yj-finance").post(BASE + "/2025-05/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("yj-finance")).extract().jsonPath();
        assertThat(published.getString("publishedAt")).isNotNull();
        long total = 4 * STIPEND_RATE + 4 * LABOUR_RATE;
        assertThat(published.getLong("totalFen")).isEqualTo(total);
        assertThat(entries()).isEqualTo(entriesBefore + 1);
        assertThat(trialBalance()).isZero();
        String school = StipendFixtures.id("SELECT id FROM school WHERE code = '" + YJ_SCHOOL + "'").toString();
        assertThat(longOf("SELECT -sum(debit_fen - credit_fen) FROM journal_line WHERE account_code = 'STAFF_PAYABLE:" + teacher + "'"))
                .isEqualTo(4 * STIPEND_RATE);
        assertThat(longOf("SELECT sum(debit_fen - credit_fen) FROM journal_line l JOIN journal_entry e ON e.tenant_id = l.tenant_id"
                + " AND e.id = l.entry_id WHERE e.idempotency_key = 'stipends:" + school + ":2025-05' AND l.account_code LIKE '%EXPENSE:%'"))
                .isEqualTo(total);

        // Publishing or computing again changes nothing.
        as("yj-finance").post(BASE + "/2025-05/publication").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        StipendFixtures.cancel(s, LocalDate.of(2025, 5, 8));
        as("yj-school-admin").post(BASE + "/2025-05").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("totalFen", equalTo((int) total));
        assertThat(entries()).isEqualTo(entriesBefore + 1);
        assertThat(trialBalance()).isZero();

        // Published in school (001 §五(二)4 在校内公示): staff of the school read it, without bank cards.
        JsonPath seen = as("yj-class-teacher").get(BASE + "/2025-05").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().jsonPath();
        assertThat(line(seen, teacher).get("bankCard")).isNull();
        assertThat(line(seen, teacher).get("amountYuan")).isEqualTo("200.00");
        as("yj-parent").get(BASE + "/2025-05").then().statusCode(403);
        as("urumqi-school-admin").get(BASE + "/2025-05").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
        // Another school of the same district: its staff get nothing of this school.
        as("yj-finance").get("/api/t/" + YJ + "/schools/yangjiang-jiangcheng-no2-junior/stipends/2025-05").then().statusCode(403);

        // The teacher's own page data and certificate of service hours (003 §八: counts toward titles).
        as("yj-service-teacher").get("/api/t/" + YJ + "/me/stipends").then().statusCode(200)
                .body("lines.find { it.period == '2025-05' }.periods", equalTo(4))
                .body("lines.find { it.period == '2025-05' }.schoolName", equalTo(YJ_SCHOOL_NAME))
                .body("terms.find { it.termName == '" + s.termName() + "' }.periods", equalTo(4));
        byte[] pdf = as("yj-service-teacher").get("/api/t/" + YJ + "/me/stipends/certificate.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            // The name is the account's latest linked staff record; StipendPagesPhoneTest links the same
            // account to its own 测试·手机冯老师, so either may be the latest when both classes run.
            assertThat(text).contains("课后服务工作量证明").containsPattern("姓名：测试·(手机)?冯老师")
                    .contains(YJ_SCHOOL_NAME + " · " + s.termName() + "：课后服务 4 次，共 4 课时（每课时 40 分钟）");
        }
        // Nobody else's record: the class teacher has no linked staff record, the parent no such right.
        as("yj-class-teacher").get("/api/t/" + YJ + "/me/stipends").then().statusCode(200).body("lines.size()", equalTo(0));
        as("yj-parent").get("/api/t/" + YJ + "/me/stipends").then().statusCode(403);
        as("urumqi-parent").get("/api/t/" + YJ + "/me/stipends").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
    }

    @Test
    void the_finance_office_records_a_published_month_as_paid_by_bank_once_balanced_and_audited() throws Exception {
        // 001 §五(二)4 通过银行卡发放: one period a day on 7–11 July 2025 (5 sessions), two people.
        StipendFixtures.Service s = StipendFixtures.service(YJ, YJ_SCHOOL, 40, "16:10", "16:50",
                LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 11));
        UUID teacher = StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·付老师");
        UUID outside = StipendFixtures.staff(s, "VOLUNTEER", "测试·付志愿者");
        String school = StipendFixtures.id("SELECT id FROM school WHERE code = '" + YJ_SCHOOL + "'").toString();
        as("yj-finance").post(BASE + "/2025-07").then().statusCode(200).body("paid", equalTo(false));
        // A draft is not paid: publish first.
        as("yj-finance").post(BASE + "/2025-07/payment").then().statusCode(409).body("code", equalTo("STIPENDS_NOT_PUBLISHED"));
        as("yj-finance").post(BASE + "/2025-07/publication").then().statusCode(200).body("paid", equalTo(false));
        long entriesBefore = entries();

        JsonPath paid = as("yj-finance").post(BASE + "/2025-07/payment").then().statusCode(200)
                .body("paid", equalTo(true)).body("paidBy", equalTo("yj-finance")).extract().jsonPath();
        assertThat(paid.getString("paidAt")).isNotNull();
        long total = 5 * STIPEND_RATE + 5 * LABOUR_RATE;
        assertThat(entries()).isEqualTo(entriesBefore + 1);
        assertThat(trialBalance()).isZero();
        // Each person's payable is discharged; the school's own account paid the total.
        for (UUID staff : List.of(teacher, outside)) {
            assertThat(longOf("SELECT sum(debit_fen - credit_fen) FROM journal_line WHERE account_code = 'STAFF_PAYABLE:" + staff + "'"))
                    .isZero();
        }
        assertThat(longOf("SELECT sum(credit_fen - debit_fen) FROM journal_line l JOIN journal_entry e ON e.tenant_id = l.tenant_id"
                + " AND e.id = l.entry_id WHERE e.idempotency_key = 'stipends-paid:" + school + ":2025-07'"
                + " AND l.account_code = 'SCHOOL_FUNDS:" + school + "'")).isEqualTo(total);
        assertThat(longOf("SELECT count(*) FROM audit_event WHERE action = 'stipends.pay' AND subject = '" + YJ_SCHOOL
                + ":2025-07' AND actor = 'yj-finance'")).isEqualTo(1);

        // Recording it again writes nothing; the staff see the month as paid; a teacher may not record it.
        as("yj-school-admin").post(BASE + "/2025-07/payment").then().statusCode(200).body("paidBy", equalTo("yj-finance"));
        assertThat(entries()).isEqualTo(entriesBefore + 1);
        assertThat(longOf("SELECT count(*) FROM audit_event WHERE action = 'stipends.pay' AND subject = '" + YJ_SCHOOL
                + ":2025-07'")).isEqualTo(1);
        as("yj-class-teacher").get(BASE + "/2025-07").then().statusCode(200).body("paid", equalTo(true));
        as("yj-service-teacher").post(BASE + "/2025-07/payment").then().statusCode(403);
        as("urumqi-school-admin").post(BASE + "/2025-07/payment").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
    }

    @Test
    void rates_are_validated_in_fen_and_audited_and_other_tenants_see_none_of_it() throws Exception {
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("stipendFenPerPeriod", 0, "labourFeeFenPerPeriod", 8000))
                .put(BASE + "/rate").then().statusCode(400);
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("stipendFenPerPeriod", 100_001, "labourFeeFenPerPeriod", 8000))
                .put(BASE + "/rate").then().statusCode(400);
        assertThat(longOf("SELECT count(*) FROM audit_event WHERE action = 'stipends.rate' AND actor = 'yj-finance'")).isPositive();
        as("yj-service-teacher").contentType(ContentType.JSON)
                .body(Map.of("stipendFenPerPeriod", 9000, "labourFeeFenPerPeriod", 9000)).put(BASE + "/rate").then().statusCode(403);
        // A month not yet over is not computed.
        as("yj-finance").post(BASE + "/2099-01").then().statusCode(409).body("code", equalTo("STIPEND_PERIOD_OPEN"));
        as("yj-finance").post(BASE + "/2025-13").then().statusCode(400).body("code", equalTo("STIPEND_PERIOD_INVALID"));

        // Urumqi's school admin manages Urumqi's school, not Yangjiang's.
        String urumqi = "/api/t/xinjiang-urumqi-tianshan/schools/urumqi-tianshan-no1-primary/stipends";
        as("urumqi-school-admin").get(urumqi + "/rate").then().statusCode(200);
        as("urumqi-school-admin").get(BASE + "/rate").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
        as("urumqi-school-admin").post(BASE + "/2025-03").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
        as("urumqi-school-admin").get("/api/t/xinjiang-urumqi-tianshan/schools/" + YJ_SCHOOL + "/stipends/2025-05")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
    }
}
