package cn.kehou.server.reconciliation;

import cn.kehou.server.settlement.MonthScenario;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A school's monthly reconciliation with the platform (issue 12 §4; 000: 学校建立台账，定期与平台核对
 * 服务学生名单、收费金额和支出明细并公示): the platform's figures line by line against the school's own,
 * differences listed, confirmation frozen and audited, a new version superseding it; and the
 * provider's statement, its own only. Each test has its own month (MonthScenario).
 */
@QuarkusTest
class ReconciliationTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_CITY = "guangdong-yangjiang";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @Inject
    SchoolReconciliations reconciliations;
    @Inject
    TenantScope scope;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static String url(String period) {
        return "/api/t/" + YJ + "/schools/" + SCHOOL + "/reconciliations/" + period;
    }

    static Map<String, Long> platformValues(JsonPath view) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<Map<String, Object>> lines = view.getList("lines");
        lines.forEach(l -> out.put((String) l.get("code"), ((Number) l.get("platformValue")).longValue()));
        return out;
    }

    static void settle(MonthScenario m) {
        as("yj-finance").post("/api/t/" + YJ + "/settlements/" + m.period()).then().statusCode(200);
    }

    @Test
    void the_platform_lists_students_served_fees_per_service_and_expenditure_and_matching_figures_show_no_difference()
            throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2024, 10), null);
        settle(m);
        JsonPath view = as("yj-finance").get(url(m.period())).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status")).isEqualTo("NONE");
        Map<String, Long> platform = platformValues(view);
        assertThat(platform).containsEntry("STUDENTS_SERVED", 6L)
                .containsEntry("COLLECTED:" + m.course.service().id(), m.courseCollected)
                .containsEntry("REFUNDED:" + m.course.service().id(), m.courseRefund)
                .containsEntry("COLLECTED:" + m.care.id(), m.careCollected)
                .containsEntry("REFUNDED:" + m.care.id(), m.careRefund)
                .containsEntry("REFUNDS_PAID", m.refunded())
                .containsEntry("PAYOUT_SCHOOL", m.schoolIncome)
                .containsEntry("PROVIDER_LESSONS:" + m.provider, (long) m.sessions)
                .containsEntry("PROVIDER_PAYABLE:" + m.provider, m.providerEarned);
        assertThat(platform).doesNotContainKey("WAIVED:" + m.care.id()); // nothing waived: no line

        // The school's ledger agrees on every line: no differences, confirmed without a note.
        JsonPath entered = as("yj-finance").contentType(ContentType.JSON).body(Map.of("figures", platform))
                .put(url(m.period()) + "/school-figures").then().statusCode(200).extract().jsonPath();
        assertThat(entered.getString("status")).isEqualTo("DRAFT");
        assertThat(entered.getList("differences")).isEmpty();
        JsonPath confirmed = as("yj-finance").contentType(ContentType.JSON).body("{}").post(url(m.period()) + "/confirm")
                .then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getString("confirmedBy")).isEqualTo("yj-finance");
        assertThat(confirmed.getString("confirmedAt")).isNotNull();
        assertThat(confirmed.getInt("version")).isEqualTo(1);

        // What disclosure publishes.
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>find("code", YJ).firstResult());
        Optional<SchoolReconciliations.Summary> summary = scope.callAs(tenant, false,
                () -> reconciliations.confirmedSummary(tenant.id, m.school, m.month));
        assertThat(summary).isPresent();
        assertThat(summary.get().studentsServed()).isEqualTo(6);
        assertThat(summary.get().collectedFen()).isEqualTo(m.collected());
        assertThat(summary.get().refundedFen()).isEqualTo(m.refunded());
        assertThat(summary.get().payoutToSchoolFen()).isEqualTo(m.schoolIncome);
        assertThat(summary.get().providerPayableFen()).isEqualTo(m.providerEarned);
        assertThat(summary.get().differences()).isZero();
        // Another tenant's scope sees no summary of this school.
        Tenant other = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>find("code", "xinjiang-urumqi-tianshan").firstResult());
        assertThat(scope.callAs(other, false, () -> reconciliations.confirmedSummary(other.id, m.school, m.month))).isEmpty();
    }

    @Test
    void the_expenditure_detail_lists_the_months_published_stipends_and_labour_fees_and_what_was_paid_by_bank()
            throws Exception {
        // 003: 课后服务补助从收费中列支 — the school's stipend run of July 2024 (one period a day on 8–12 July,
        // one own teacher and one retired teacher) is expenditure of that month, published then paid.
        String stipends = "/api/t/" + YJ + "/schools/" + SCHOOL + "/stipends";
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("stipendFenPerPeriod", 5000, "labourFeeFenPerPeriod", 8000))
                .put(stipends + "/rate").then().statusCode(200);
        var s = cn.kehou.server.stipends.StipendFixtures.service(YJ, SCHOOL, 40, "16:10", "16:50",
                java.time.LocalDate.of(2024, 7, 8), java.time.LocalDate.of(2024, 7, 12));
        cn.kehou.server.stipends.StipendFixtures.staff(s, "SCHOOL_STAFF", "测试·对账老师");
        cn.kehou.server.stipends.StipendFixtures.staff(s, "RETIRED_TEACHER", "测试·对账退休教师");
        as("yj-finance").post(stipends + "/2024-07").then().statusCode(200);
        // A draft is not expenditure yet.
        Map<String, Long> draft = platformValues(as("yj-finance").get(url("2024-07")).then().statusCode(200).extract().jsonPath());
        assertThat(draft).containsEntry("STIPENDS", 0L).containsEntry("LABOUR_FEES", 0L).containsEntry("STIPENDS_PAID", 0L);

        as("yj-finance").post(stipends + "/2024-07/publication").then().statusCode(200);
        Map<String, Long> published = platformValues(as("yj-finance").get(url("2024-07")).then().statusCode(200).extract().jsonPath());
        assertThat(published).containsEntry("STIPENDS", 5 * 5000L).containsEntry("LABOUR_FEES", 5 * 8000L)
                .containsEntry("STIPENDS_PAID", 0L);

        as("yj-finance").post(stipends + "/2024-07/payment").then().statusCode(200);
        JsonPath paid = as("yj-finance").get(url("2024-07")).then().statusCode(200).extract().jsonPath();
        assertThat(platformValues(paid)).containsEntry("STIPENDS_PAID", 5 * 5000L + 5 * 8000L);
        // The sheet the finance office fills in carries the lines, in yuan.
        String sheet = as("yj-finance").get(url("2024-07") + "/figures.csv").then().statusCode(200).extract().asString();
        assertThat(sheet).contains("STIPENDS,\"\",FEN,250.00,", "LABOUR_FEES,\"\",FEN,400.00,", "STIPENDS_PAID,\"\",FEN,650.00,");
    }

    @Test
    void a_mismatched_school_figure_is_a_difference_that_needs_a_note_and_a_confirmed_version_is_frozen_and_audited()
            throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2024, 11), null);
        settle(m);
        // The finance office downloads the sheet, fills in its ledger (one fee 10.00 short) and uploads it.
        String sheet = as("yj-finance").get(url(m.period()) + "/figures.csv").then().statusCode(200).contentType("text/csv")
                .extract().asString();
        String careLine = "COLLECTED:" + m.care.id();
        StringBuilder filled = new StringBuilder();
        for (String row : sheet.replace("\uFEFF", "").split("\r\n")) {
            if (row.startsWith("code,")) {
                filled.append(row).append("\r\n");
                continue;
            }
            String[] cells = row.split(",");
            String platform = cells[cells.length - 1];
            String school = row.startsWith(careLine) ? new java.math.BigDecimal(platform).subtract(java.math.BigDecimal.TEN).toPlainString()
                    : platform;
            filled.append(row).append(school).append("\r\n");
        }
        JsonPath uploaded = as("yj-finance").contentType("text/csv").body(filled.toString())
                .post(url(m.period()) + "/school-figures.csv").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> differences = uploaded.getList("differences");
        assertThat(differences).hasSize(1);
        assertThat(differences.get(0).get("code")).isEqualTo(careLine);
        assertThat(((Number) differences.get(0).get("difference")).longValue()).isEqualTo(-1000);

        // Not confirmed while the difference is unexplained.
        as("yj-finance").contentType(ContentType.JSON).body("{}").post(url(m.period()) + "/confirm").then().statusCode(422)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("RECONCILIATION_DIFFERENCES_UNEXPLAINED"));
        JsonPath confirmed = as("yj-finance").contentType(ContentType.JSON).body(Map.of("note", "10.00 元现金缴费漏记，已补记"))
                .post(url(m.period()) + "/confirm").then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getList("differences")).hasSize(1);
        String v1 = confirmed.getString("id");

        // Frozen: not even the database owner can change it (the trigger), and it is audited.
        assertThatThrownBy(() -> sql("UPDATE school_reconciliation SET note = 'x' WHERE id = '" + v1 + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("confirmed");
        assertThatThrownBy(() -> sql("UPDATE school_reconciliation_line SET school_value = 0 WHERE reconciliation_id = '" + v1 + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("confirmed");
        assertThat(Db.strings("SELECT action || ' ' || actor FROM audit_event WHERE subject = 'school:" + SCHOOL + ":" + m.period()
                + "' ORDER BY at")).containsExactly("reconciliation.enter yj-finance", "reconciliation.confirm yj-finance");

        // A correction is a new version that supersedes the confirmed one, which stays as it was.
        JsonPath v2 = as("yj-finance").contentType(ContentType.JSON).body(Map.of("figures", Map.of(careLine, m.careCollected)))
                .put(url(m.period()) + "/school-figures").then().statusCode(200).extract().jsonPath();
        assertThat(v2.getString("status")).isEqualTo("DRAFT");
        assertThat(v2.getInt("version")).isEqualTo(2);
        assertThat(v2.getString("supersedes")).isEqualTo(v1);
        assertThat(v2.getList("differences")).isEmpty();
        assertThat(v2.getList("versions.status")).containsExactly("DRAFT", "CONFIRMED");
        assertThat(Db.strings("SELECT school_value::text FROM school_reconciliation_line WHERE reconciliation_id = '" + v1
                + "' AND code = '" + careLine + "'")).containsExactly(Long.toString(m.careCollected - 1000));
        as("yj-finance").contentType(ContentType.JSON).body("{}").post(url(m.period()) + "/confirm").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(2)).body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
    }

    @Test
    void only_the_schools_finance_office_records_and_another_tenant_or_an_open_month_is_refused() {
        String closed = "2024-08";
        as("yj-school-admin").get(url(closed)).then().statusCode(200);
        as("yj-bureau-admin").get(url(closed)).then().statusCode(200);
        as("yj-school-admin").contentType(ContentType.JSON).body("{}").put(url(closed) + "/school-figures").then().statusCode(403);
        as("yj-class-teacher").get(url(closed)).then().statusCode(403);
        as("yj-parent").get(url(closed)).then().statusCode(403);
        as("urumqi-finance").get(url(closed)).then().statusCode(403);
        as("urumqi-finance").contentType(ContentType.JSON).body("{}").put(url(closed) + "/school-figures").then().statusCode(403);
        as("urumqi-bureau-admin").get(url(closed)).then().statusCode(403);
        // urumqi's own school is not found in Yangjiang's tenant path.
        as("yj-finance").get("/api/t/" + YJ + "/schools/urumqi-tianshan-no1-primary/reconciliations/" + closed).then().statusCode(404);

        as("yj-finance").contentType(ContentType.JSON).body(Map.of("figures", Map.of("NO_SUCH_LINE", 1)))
                .put(url(closed) + "/school-figures").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("RECONCILIATION_LINE_UNKNOWN"));
        as("yj-finance").contentType(ContentType.JSON).body(Map.of("figures", Map.of("STUDENTS_SERVED", -1)))
                .put(url(closed) + "/school-figures").then().statusCode(422);
        as("yj-finance").contentType(ContentType.JSON).body("{}").post(url(closed) + "/confirm").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("RECONCILIATION_NOTHING_TO_CONFIRM"));
        String open = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        as("yj-finance").contentType(ContentType.JSON).body("{}").put(url(open) + "/school-figures").then().statusCode(409)
                .contentType("application/problem+json");
        as("yj-finance").get(url("august")).then().statusCode(400);
    }

    @Test
    void a_provider_reads_its_own_statement_only_and_it_agrees_with_the_settlement() throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2024, 12), MonthScenario.LINGNAN);
        String statement = "/api/t/" + YJ_CITY + "/providers/" + MonthScenario.LINGNAN + "/statements/" + m.period();
        JsonPath before = as("yj-provider-admin").get(statement).then().statusCode(200).extract().jsonPath();
        assertThat(before.getBoolean("settled")).isFalse();
        assertThat(before.getLong("payableFen")).isEqualTo(m.providerEarned);
        List<Map<String, Object>> lines = before.getList("lines");
        Map<String, Object> line = lines.stream().filter(l -> m.course.service().id().toString().equals(l.get("service")))
                .findFirst().orElseThrow();
        assertThat(line.get("tenant")).isEqualTo(YJ);
        assertThat(line.get("students")).isEqualTo(3);
        assertThat(line.get("sharePercent")).isEqualTo(70);
        assertThat(line.get("lessons")).isEqualTo(m.sessions);
        assertThat(((Number) line.get("payableFen")).longValue()).isEqualTo(m.providerEarned);

        settle(m);
        JsonPath after = as("yj-provider-admin").get(statement).then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("settled")).isTrue();
        assertThat(after.getLong("paidFen")).isEqualTo(m.providerEarned);
        String csv = as("yj-provider-admin").get(statement + "/statement.csv").then().statusCode(200).contentType("text/csv")
                .extract().asString();
        assertThat(csv).contains("tenant,school,service,students,share_percent,sessions_total,lessons,payable_yuan")
                .contains("paid," + YJ + ",,,,," + m.sessions + "," + cn.kehou.server.ledger.Money.ofFen(m.providerEarned).yuan());

        // Another provider's statement, another tenant's provider admin, the provider's staff: refused.
        as("yj-provider-admin").get("/api/t/" + YJ_CITY + "/providers/some-other-provider/statements/" + m.period())
                .then().statusCode(403);
        as("yj-provider-staff").get(statement).then().statusCode(403);
        as("urumqi-provider-admin").get(statement).then().statusCode(403);
        as("urumqi-provider-admin").get("/api/t/xinjiang-urumqi/providers/" + MonthScenario.LINGNAN + "/statements/" + m.period())
                .then().statusCode(403);
        // The school's finance office reads the school's side, not the provider's statement.
        as("yj-finance").get("/api/t/" + YJ + "/providers/" + MonthScenario.LINGNAN + "/statements/" + m.period()).then().statusCode(403);
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = Db.superuser(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
