package cn.kehou.server.settlement;

import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.settlement.SettlementFixtures.YJ;
import static cn.kehou.server.settlement.SettlementFixtures.YJ_SCHOOL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement run (issue 12 §2, issue 14 "lessons delivered drive provider settlement"): schools
 * get their basic-care income in full, providers their per-lesson price for the lessons delivered,
 * each as one balanced entry per recipient and period; a rerun writes nothing.
 */
@QuarkusTest
class SettlementRunTest {

    @Inject
    MonthlySettlement monthly;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static long entries(String tenant) throws Exception {
        return longOf("SELECT count(*) FROM journal_entry e JOIN tenant t ON t.id = e.tenant_id WHERE t.code = '" + tenant + "'");
    }

    static long trialBalance(String tenant) throws Exception {
        return longOf("SELECT COALESCE(sum(l.debit_fen - l.credit_fen), 0) FROM journal_line l JOIN tenant t ON t.id = l.tenant_id"
                + " WHERE t.code = '" + tenant + "'");
    }

    static long balance(String account) throws Exception {
        return longOf("SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM journal_line WHERE account_code = '" + account + "'");
    }

    static Map<String, Object> payout(JsonPath run, UUID recipient) {
        List<Map<String, Object>> all = run.getList("payouts");
        return all.stream().filter(p -> recipient.toString().equals(p.get("recipient"))).findFirst().orElseThrow();
    }

    @Test
    void attendance_drives_the_provider_and_the_school_gets_its_basic_care_income_in_full_once() throws Exception {
        // March 2025: 21 weekdays. The term price is 210.00 per child, so a lesson is worth 10.00.
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 3, 31);
        SettlementFixtures.Course course = SettlementFixtures.providerCourse(YJ, YJ_SCHOOL, from, to);
        String providerPayable = "PROVIDER_PAYABLE:" + course.provider();
        UUID a = SettlementFixtures.billedAndPaid(course.service(), "QUALITY_COURSE", "yj-parent", providerPayable, 21000, 21,
                from.atTime(9, 0).atOffset(ZoneOffset.ofHours(8)));
        UUID b = SettlementFixtures.billedAndPaid(course.service(), "QUALITY_COURSE", "yj-parent", providerPayable, 21000, 21,
                from.atTime(9, 0).atOffset(ZoneOffset.ofHours(8)));
        // Held with a child present on 3, 4, 5 and 6 March; on 7 March both were absent (no lesson);
        // 10 March had a child present, but the school called that session off: not a lesson either.
        for (LocalDate d : List.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 5),
                LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 10))) {
            SettlementFixtures.mark(course.service(), a, d, "PRESENT");
        }
        SettlementFixtures.mark(course.service(), b, LocalDate.of(2025, 3, 3), "PRESENT");
        SettlementFixtures.mark(course.service(), a, LocalDate.of(2025, 3, 7), "ABSENT");
        SettlementFixtures.mark(course.service(), b, LocalDate.of(2025, 3, 7), "ABSENT");
        SettlementFixtures.cancel(course.service(), LocalDate.of(2025, 3, 10));

        // The school's basic care: two families paid 200.00 each in March, one paid in April (not this period).
        PaymentsFixtures.Service care = SettlementFixtures.basicCare(from, to);
        UUID schoolId = SettlementFixtures.id("SELECT id FROM school WHERE code = '" + YJ_SCHOOL + "'");
        String schoolPayable = "SCHOOL_PAYABLE:" + schoolId;
        for (int i = 0; i < 2; i++) {
            SettlementFixtures.billedAndPaid(care, "BASIC_CARE", "yj-parent", schoolPayable, 20000, 21,
                    LocalDate.of(2025, 3, 20).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
        }
        SettlementFixtures.billedAndPaid(care, "BASIC_CARE", "yj-parent", schoolPayable, 20000, 21,
                LocalDate.of(2025, 4, 1).atTime(0, 0, 1).atOffset(ZoneOffset.ofHours(8)));

        long providerBefore = balance(providerPayable);
        long before = entries(YJ);
        JsonPath run = as("yj-finance").post("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(200).extract().jsonPath();
        assertThat(run.getInt("entriesWritten")).isEqualTo(2);

        // 4 lessons × 10.00 × 2 children: the absent day and the cancelled day are not paid.
        Map<String, Object> provider = payout(run, course.provider());
        assertThat(provider.get("kind")).isEqualTo("PROVIDER");
        assertThat(provider.get("lessons")).isEqualTo(4);
        assertThat(((Number) provider.get("amountFen")).longValue()).isEqualTo(8000);
        assertThat(balance(providerPayable) - providerBefore).isEqualTo(8000);
        // 100% of the March basic-care payments (000), nothing of April's.
        Map<String, Object> school = payout(run, schoolId);
        assertThat(((Number) school.get("amountFen")).longValue()).isEqualTo(40000);
        assertThat(school.get("entryKey")).isEqualTo("settlement:2025-03:" + schoolId);
        assertThat(Db.strings("SELECT l.account_code || '=' || (l.debit_fen - l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id"
                + " WHERE e.idempotency_key = 'settlement:2025-03:" + schoolId + "' ORDER BY l.line_no"))
                .containsExactly(schoolPayable + "=40000", SettlementFixtures.COLLECTING + "=-40000");
        assertThat(entries(YJ) - before).isEqualTo(2);

        // The payout file of each recipient.
        String csv = as("yj-bureau-admin").get("/api/t/" + YJ + "/settlements/2025-03/payouts/" + course.provider() + ".csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("recipient,recipient_name,period,lessons,amount_yuan,entry_reference",
                course.provider() + ",\"" + provider.get("name") + "\",2025-03,4,80.00,settlement:2025-03:" + course.provider());
        assertThat(as("yj-finance").get("/api/t/" + YJ + "/settlements/2025-03/payouts/" + schoolId + ".csv")
                .then().statusCode(200).extract().asString()).contains(",400.00,settlement:2025-03:" + schoolId);
        // The school's finance office sees its own school's payout, not the provider's.
        as("yj-finance").get("/api/t/" + YJ + "/settlements/2025-03/payouts/" + course.provider() + ".csv").then().statusCode(404);
        List<String> seen = as("yj-finance").get("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(200)
                .extract().jsonPath().getList("payouts.recipient");
        assertThat(seen).containsExactly(schoolId.toString());

        // (3) A second run writes nothing and reports the same payouts; (4) the ledger balances.
        JsonPath again = as("yj-bureau-admin").post("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getInt("entriesWritten")).isZero();
        assertThat(again.getInt("alreadySettled")).isEqualTo(2);
        assertThat(entries(YJ) - before).isEqualTo(2);
        assertThat(trialBalance(YJ)).isZero();
    }

    @Test
    void without_attendance_the_provider_is_paid_for_the_scheduled_sessions_not_called_off() throws Exception {
        // April 2025: 22 weekdays, one called off → 21 lessons at 10.00.
        LocalDate from = LocalDate.of(2025, 4, 1);
        LocalDate to = LocalDate.of(2025, 4, 30);
        SettlementFixtures.Course course = SettlementFixtures.providerCourse(YJ, YJ_SCHOOL, from, to);
        String providerPayable = "PROVIDER_PAYABLE:" + course.provider();
        SettlementFixtures.billedAndPaid(course.service(), "QUALITY_COURSE", "yj-parent", providerPayable, 22000, 22,
                from.atTime(9, 0).atOffset(ZoneOffset.ofHours(8)));
        SettlementFixtures.cancel(course.service(), LocalDate.of(2025, 4, 15));

        JsonPath run = as("yj-bureau-admin").post("/api/t/" + YJ + "/settlements/2025-04").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> provider = payout(run, course.provider());
        assertThat(provider.get("lessons")).isEqualTo(21);
        assertThat(((Number) provider.get("amountFen")).longValue()).isEqualTo(21000);
        assertThat(provider.get("amountYuan")).isEqualTo("210.00");
        // What is left on the provider's payable is the undelivered lesson, still owed to the families' side.
        assertThat(balance(providerPayable)).isEqualTo(-1000);
        assertThat(as("yj-bureau-admin").post("/api/t/" + YJ + "/settlements/2025-04").then().statusCode(200)
                .extract().jsonPath().getInt("entriesWritten")).isZero();
        assertThat(trialBalance(YJ)).isZero();
    }

    /**
     * Issue 12 "Done when": a school receives 100% of its basic-care fees (000: 基础托管费全额返还学校),
     * a provider its contracted share for the lessons it delivered, and the payouts with what is
     * still owed reconcile to what was collected minus what was refunded — with a withdrawal in the
     * month netted line by line on both sides.
     */
    @Test
    void school_gets_all_its_basic_care_fees_provider_its_contracted_share_and_sums_reconcile_to_collections_minus_refunds()
            throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2024, 9), null);
        long collectingBefore = balance(SettlementFixtures.COLLECTING);
        JsonPath run = as("yj-finance").post("/api/t/" + YJ + "/settlements/" + m.period()).then().statusCode(200).extract().jsonPath();

        Map<String, Object> school = payout(run, m.school);
        Map<String, Object> provider = payout(run, m.provider);
        // 100% of the basic-care fees the families kept paying: nothing withheld, the refund netted on its own line.
        assertThat(((Number) school.get("amountFen")).longValue()).isEqualTo(m.schoolIncome)
                .isEqualTo(m.careCollected - m.careRefund);
        // 70% of the course price per delivered lesson, the withdrawn child's lessons only before the withdrawal.
        assertThat(provider.get("lessons")).isEqualTo(m.sessions);
        assertThat(((Number) provider.get("amountFen")).longValue()).isEqualTo(m.providerEarned);
        assertThat(balance("PROVIDER_PAYABLE:" + m.provider)).isZero();
        // Collections − refunds = school + provider payouts + the platform's share still owed (and still in the account).
        long paidOut = m.schoolIncome + m.providerEarned;
        assertThat(m.collected() - m.refunded()).isEqualTo(paidOut + m.platformLeft);
        assertThat(collectingBefore - balance(SettlementFixtures.COLLECTING)).isEqualTo(paidOut);
        assertThat(trialBalance(YJ)).isZero();
    }

    @Test
    void a_payment_recorded_after_its_months_run_is_paid_by_the_next_run_exactly_once() throws Exception {
        // May–June 2023 (no other test's month): the school is settled for May, then a payment timed in May is
        // recorded late (a gateway notice arriving after the run). May's rerun still writes nothing; June's run
        // pays June's fees plus exactly the late payment; June's rerun writes nothing; the ledger balances.
        PaymentsFixtures.Service care = SettlementFixtures.basicCare(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 6, 30));
        UUID schoolId = SettlementFixtures.id("SELECT id FROM school WHERE code = '" + YJ_SCHOOL + "'");
        String schoolPayable = "SCHOOL_PAYABLE:" + schoolId;
        SettlementFixtures.billedAndPaid(care, "BASIC_CARE", "yj-parent", schoolPayable, 20000, 21,
                LocalDate.of(2023, 5, 10).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
        JsonPath may = as("yj-finance").post("/api/t/" + YJ + "/settlements/2023-05").then().statusCode(200).extract().jsonPath();
        assertThat(((Number) payout(may, schoolId).get("amountFen")).longValue()).isEqualTo(20000);

        SettlementFixtures.billedAndPaid(care, "BASIC_CARE", "yj-parent", schoolPayable, 15000, 21,
                LocalDate.of(2023, 5, 20).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
        long before = entries(YJ);
        JsonPath mayAgain = as("yj-finance").post("/api/t/" + YJ + "/settlements/2023-05").then().statusCode(200).extract().jsonPath();
        assertThat(mayAgain.getInt("entriesWritten")).isZero();
        assertThat(((Number) payout(mayAgain, schoolId).get("amountFen")).longValue()).isEqualTo(20000);
        assertThat(entries(YJ)).isEqualTo(before);

        SettlementFixtures.billedAndPaid(care, "BASIC_CARE", "yj-parent", schoolPayable, 10000, 21,
                LocalDate.of(2023, 6, 5).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
        before = entries(YJ); // billing and paying wrote their own entries
        JsonPath june = as("yj-finance").post("/api/t/" + YJ + "/settlements/2023-06").then().statusCode(200).extract().jsonPath();
        assertThat(june.getInt("entriesWritten")).isEqualTo(1);
        assertThat(((Number) payout(june, schoolId).get("amountFen")).longValue()).isEqualTo(10000 + 15000);
        JsonPath juneAgain = as("yj-finance").post("/api/t/" + YJ + "/settlements/2023-06").then().statusCode(200).extract().jsonPath();
        assertThat(juneAgain.getInt("entriesWritten")).isZero();
        assertThat(entries(YJ)).isEqualTo(before + 1);
        assertThat(trialBalance(YJ)).isZero();
    }

    @Test
    void another_tenant_and_other_roles_are_refused_and_an_open_month_is_not_settled() {
        as("urumqi-bureau-admin").post("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(403);
        as("urumqi-bureau-admin").get("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(403);
        as("urumqi-finance").get("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(403);
        as("yj-parent").get("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(403);
        as("yj-class-teacher").post("/api/t/" + YJ + "/settlements/2025-03").then().statusCode(403);
        String open = YearMonth.now(SettlementRun.CHINA).toString();
        as("yj-bureau-admin").post("/api/t/" + YJ + "/settlements/" + open).then().statusCode(409)
                .contentType("application/problem+json");
        as("yj-bureau-admin").post("/api/t/" + YJ + "/settlements/march").then().statusCode(400);
    }

    @Test
    void the_monthly_trigger_settles_last_month_once_across_instances() {
        java.time.Instant tick = LocalDate.of(2025, 6, 3).atTime(2, 0).atZone(SettlementRun.CHINA).toInstant();
        assertThat(monthly.settleAt(tick)).isEqualTo(YearMonth.of(2025, 5));
        assertThat(monthly.settleAt(tick.plusSeconds(3600))).isNull();
    }
}
