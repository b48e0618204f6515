package cn.kehou.server.reports;

import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Done when": the regions' reports from real data through real plugins, as files read
 * back with Apache POI and PDFBox; plan filings on the dashboard; a bureau reading only its own
 * subtree.
 */
@QuarkusTest
class ReportsTest {

    static final LocalDate FROM = LocalDate.of(2025, 3, 3);
    static final LocalDate TO = LocalDate.of(2025, 3, 7);
    static final String PERIOD = "from=" + FROM + "&to=" + TO;
    static final String CENTRAL = "ganzhou-tangjiang-central-primary";
    static final String CENTRAL_NAME = "赣州市南康区唐江镇中心小学";
    static final String VILLAGE = "ganzhou-tangjiang-xincheng-village-primary";
    static final String TEACHING_POINT = "ganzhou-tangjiang-luwu-teaching-point";
    static final String BOARDING = "ganzhou-nankang-tangjiang-boarding-junior";
    static final String NANCHANG = "nanchang-donghu-no3-primary";
    static final String JX_REPORT = "/api/t/jiangxi/reports/MOE_DIRECT_REPORT?" + PERIOD;

    private static boolean jiangxiReady;

    @Inject
    ReportDatasets datasets;
    @Inject
    TenantScope scope;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    /** A week of March 2025 in Jiangxi: the central school twice, a village school, a boarding school and Nanchang once. */
    static synchronized void jiangxiWeek() throws SQLException {
        if (jiangxiReady) {
            return;
        }
        for (String school : List.of(CENTRAL, VILLAGE, BOARDING, NANCHANG)) {
            UUID term = ReportFixtures.term(school, "2025春季报表学期", LocalDate.of(2025, 2, 17), LocalDate.of(2025, 7, 4));
            UUID service = ReportFixtures.service(school, term, LocalDate.of(2025, 2, 17), LocalDate.of(2025, 7, 4), "报表托管");
            int grade = school.equals(BOARDING) ? 7 : 3;
            UUID first = ReportFixtures.pupil(school, "报表甲", grade, "LEFT_BEHIND");
            ReportFixtures.present(school, service, FROM, first);
            if (school.equals(CENTRAL)) {
                UUID second = ReportFixtures.pupil(school, "报表乙", grade, "MIGRANT");
                ReportFixtures.present(school, service, FROM, second);
                ReportFixtures.present(school, service, FROM.plusDays(1), first);
                ReportFixtures.present(school, service, FROM.plusDays(1), second);
            }
        }
        jiangxiReady = true;
    }

    @Test
    void jiangxis_ministry_report_omits_a_village_school_and_a_boarding_school_present_in_the_data() throws Exception {
        jiangxiWeek();
        ReportDataset data = scope.callAs(Tenant.byCode("jiangxi").orElseThrow(), true,
                () -> datasets.build(Tenant.byCode("jiangxi").orElseThrow(), FROM, TO));
        assertThat(data.schools()).extracting(SchoolProfile::code).contains(CENTRAL, VILLAGE, BOARDING, TEACHING_POINT, NANCHANG);
        assertThat(data.services()).extracting(ReportDataset.ServiceRecord::schoolCode).contains(VILLAGE, BOARDING, CENTRAL, NANCHANG);
        ReportDataset.ServiceRecord monday = data.services().stream()
                .filter(s -> s.schoolCode().equals(CENTRAL) && s.date().equals(FROM)).findFirst().orElseThrow();
        assertThat(monday.participantsByGrade()).isEqualTo(Map.of(3, 2));
        assertThat(monday.participantsByGroup()).containsEntry(cn.kehou.plugin.api.PriorityGroup.LEFT_BEHIND, 1)
                .containsEntry(cn.kehou.plugin.api.PriorityGroup.MIGRANT, 1);

        List<List<String>> rows = xlsx(as("jx-bureau-admin").get(JX_REPORT + "&format=xlsx").then().statusCode(200).extract().response());
        List<String> headers = as("jx-bureau-admin").get("/api/t/jiangxi/reports").then().statusCode(200)
                .extract().jsonPath().getList("find { it.code == 'MOE_DIRECT_REPORT' }.columns.headerZh", String.class);
        assertThat(rows.get(0)).isEqualTo(headers);
        Map<String, List<String>> bySchool = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(r -> bySchool.put(r.get(0), r));
        assertThat(bySchool).containsKeys(CENTRAL, NANCHANG).doesNotContainKeys(VILLAGE, TEACHING_POINT, BOARDING);
        // school, name, level, area, days, sessions, visits, minutes a day, left-behind, migrant, hardship
        assertThat(bySchool.get(CENTRAL)).containsExactly(CENTRAL, CENTRAL_NAME, "小学", bySchool.get(CENTRAL).get(3),
                "2", "2", "4", "90", "2", "2", "0");
        assertThat(bySchool.get(NANCHANG).subList(4, 7)).containsExactly("1", "1", "1");
    }

    @Test
    void the_pdf_embeds_a_cjk_font_and_reads_back_the_chinese_school_name() throws Exception {
        jiangxiWeek();
        byte[] pdf = as("jx-bureau-admin").get(JX_REPORT + "&format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                PDCIDFont descendant = ((PDType0Font) f).getDescendantFont();
                assertThat(descendant.getFontDescriptor().getFontFile2()).as("embedded TrueType font").isNotNull();
                assertThat(f.getName()).contains("NotoSansSC");
            });
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(CENTRAL_NAME, "学校代码").doesNotContain("赣州市南康区唐江中学");
        }
    }

    @Test
    void csv_opens_in_excel_as_utf8_and_each_generation_is_recorded_with_the_same_rows_checksum() throws Exception {
        jiangxiWeek();
        byte[] csv = as("jx-bureau-admin").get(JX_REPORT + "&format=csv").then().statusCode(200).extract().asByteArray();
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(csv[1] & 0xff).isEqualTo(0xBB);
        assertThat(csv[2] & 0xff).isEqualTo(0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("学校代码", CENTRAL_NAME).doesNotContain(VILLAGE);
        String run = as("jx-bureau-admin").get(JX_REPORT + "&format=xlsx").then().statusCode(200).extract().header("X-Report-Run");
        List<String> audit = Db.strings("SELECT generated_by || ' ' || format || ' ' || period_from || ' ' || period_to || ' ' || rows_sha256"
                + " FROM report_run WHERE id = '" + run + "'");
        assertThat(audit).singleElement().asString().startsWith("jx-bureau-admin XLSX 2025-03-03 2025-03-07 ");
        List<String> checksums = Db.strings("SELECT DISTINCT rows_sha256 FROM report_run r JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.code = 'jiangxi' AND report_code = 'MOE_DIRECT_REPORT' AND period_from = '2025-03-03' AND period_to = '2025-03-07'");
        assertThat(checksums).as("same period, same rows, whatever the format").hasSize(1);
    }

    @Test
    void chongqings_plan_filed_six_days_before_term_shows_as_late_and_an_unfiled_one_past_its_deadline_as_overdue()
            throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String school = "jiangbei-beibin-primary";
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID late = ReportFixtures.term(school, "迟报 " + tag, today.minusDays(10), today.plusDays(100));
        ReportFixtures.filedPlan(school, late, today.minusDays(16));
        UUID onTime = ReportFixtures.term(school, "按时 " + tag, today.minusDays(5), today.plusDays(100));
        ReportFixtures.filedPlan(school, onTime, today.minusDays(12));
        ReportFixtures.term(school, "未报 " + tag, today.plusDays(3), today.plusDays(100));
        ReportFixtures.term(school, "未到期 " + tag, today.plusDays(20), today.plusDays(100));

        Response dashboard = as("cq-bureau-admin").get("/api/t/chongqing-jiangbei/dashboard?from=" + today.minusDays(30) + "&to=" + today)
                .then().statusCode(200).extract().response();
        Map<String, String> status = new LinkedHashMap<>();
        List<Map<String, Object>> filings = dashboard.jsonPath().getList("filings");
        filings.stream().filter(f -> ((String) f.get("termName")).endsWith(tag))
                .forEach(f -> status.put(((String) f.get("termName")).split(" ")[0], (String) f.get("status")));
        assertThat(status).containsEntry("迟报", "LATE").containsEntry("按时", "ON_TIME")
                .containsEntry("未报", "OVERDUE").containsEntry("未到期", "PENDING");
        Map<String, Object> lateOne = filings.stream().filter(f -> f.get("termName").equals("迟报 " + tag)).findFirst().orElseThrow();
        assertThat((String) lateOne.get("citation")).isNotBlank();
        assertThat(dashboard.jsonPath().getInt("total.plansLate")).isPositive();
        assertThat(dashboard.jsonPath().getInt("total.plansOverdue")).isPositive();

        byte[] export = as("cq-bureau-admin").get("/api/t/chongqing-jiangbei/dashboard/filings?format=csv&from="
                + today.minusDays(30) + "&to=" + today).then().statusCode(200).extract().asByteArray();
        assertThat(new String(export, StandardCharsets.UTF_8)).contains("迟报 " + tag, "逾期备案", "未报 " + tag, "逾期未备案");
    }

    @Test
    void a_bureau_sees_only_its_own_and_its_descendants_reports() throws Exception {
        jiangxiWeek();
        // Another province's bureau is refused outright.
        as("urumqi-bureau-admin").get("/api/t/jiangxi/reports").then().statusCode(403);
        as("urumqi-bureau-admin").get(JX_REPORT).then().statusCode(403);
        as("jx-bureau-admin").get("/api/t/xinjiang-urumqi/dashboard").then().statusCode(403);
        // A city's bureau cannot read its province's; the province reads the city's.
        as("urumqi-tianshan-bureau").get("/api/t/xinjiang-urumqi/reports").then().statusCode(403);
        as("urumqi-tianshan-bureau").get("/api/t/xinjiang-urumqi/dashboard").then().statusCode(403);
        as("urumqi-tianshan-bureau").get("/api/t/xinjiang-urumqi-tianshan/reports").then().statusCode(200);
        as("urumqi-bureau-admin").get("/api/t/xinjiang-urumqi-tianshan/reports").then().statusCode(200);
        // School staff do not read the bureau's reports.
        as("urumqi-school-admin").get("/api/t/xinjiang-urumqi-tianshan/reports").then().statusCode(403);

        // A report built in a child tenant covers only that tenant's schools.
        List<String> schools = as("jx-bureau-admin").get("/api/t/jiangxi-nanchang/dashboard?" + PERIOD).then().statusCode(200)
                .extract().jsonPath().getList("schools.code", String.class);
        assertThat(schools).contains(NANCHANG).doesNotContain(CENTRAL, VILLAGE);
        List<List<String>> nanchang = xlsx(as("jx-bureau-admin").get("/api/t/jiangxi-nanchang/reports/MOE_DIRECT_REPORT?"
                + PERIOD + "&format=xlsx").then().statusCode(200).extract().response());
        // Other test classes may add schools to Nanchang; none of Ganzhou's may appear.
        assertThat(nanchang.subList(1, nanchang.size())).extracting(r -> r.get(0)).contains(NANCHANG)
                .allMatch(c -> c.startsWith("nanchang-"));
        // The province's dashboard sums its cities and drills down to their schools.
        Response province = as("jx-bureau-admin").get("/api/t/jiangxi/dashboard?" + PERIOD).then().statusCode(200).extract().response();
        assertThat(province.jsonPath().getList("tenants.code", String.class)).containsExactly("jiangxi-ganzhou", "jiangxi-nanchang");
        assertThat(province.jsonPath().getList("schools.code", String.class)).contains(CENTRAL, NANCHANG)
                .allMatch(c -> c.startsWith("nanchang-") || c.startsWith("ganzhou-"));
        assertThat(province.jsonPath().getInt("tenants.find { it.code == 'jiangxi-ganzhou' }.figures.sessions")).isEqualTo(4);
    }

    @Test
    void a_school_builds_its_own_published_ledger_but_not_an_unpublished_report_nor_another_schools() throws SQLException {
        String school = "/api/t/guangdong-yangjiang-jiangcheng/schools/yangjiang-jiangcheng-no1-primary/reports";
        List<Boolean> published = as("yj-finance").get(school).then().statusCode(200).extract().jsonPath().getList("published", Boolean.class);
        assertThat(published).isNotEmpty().containsOnly(true);
        String run = as("yj-finance").get(school + "/ledger?format=csv").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("yangjiang-jiangcheng-no1-primary-ledger-"))
                .extract().header("X-Report-Run");
        assertThat(Db.strings("SELECT s.code FROM report_run r JOIN school s ON s.id = r.school_id WHERE r.id = '" + run + "'"))
                .containsExactly("yangjiang-jiangcheng-no1-primary");
        as("yj-finance").get("/api/t/guangdong-yangjiang-jiangcheng/schools/yangjiang-jiangcheng-no2-junior/reports/ledger")
                .then().statusCode(403);
        as("yj-parent").get(school + "/ledger").then().statusCode(403);
        // Urumqi's service records are filed with the bureau, not published: a school cannot build them.
        as("urumqi-school-admin").get("/api/t/xinjiang-urumqi-tianshan/schools/urumqi-tianshan-no1-primary/reports/service-records")
                .then().statusCode(404);
    }

    @Test
    void a_period_that_ends_in_the_future_or_an_unknown_format_is_refused_readably() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        as("jx-bureau-admin").get("/api/t/jiangxi/reports/MOE_DIRECT_REPORT?from=2025-03-03&to=" + tomorrow)
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("REPORT_PERIOD_INVALID"));
        as("jx-bureau-admin").get(JX_REPORT + "&format=docx")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("REPORT_FORMAT_UNKNOWN"));
        as("jx-bureau-admin").get("/api/t/jiangxi/reports/NO_SUCH_REPORT?" + PERIOD).then().statusCode(404);
    }

    /** Every row of the first sheet as text cells. */
    static List<List<String>> xlsx(Response response) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : text.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
