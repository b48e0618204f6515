package cn.kehou.server.disclosure;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.payments.PaymentsFixtures.charge;
import static cn.kehou.server.payments.PaymentsFixtures.longOf;
import static cn.kehou.server.payments.PaymentsFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Disclosure (公示): published fees, versions as of a day, the yearly blacklist, complaints, surveys, the parents' committee. */
@QuarkusTest
class DisclosureTest {

    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";
    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_CITY = "guangdong-yangjiang";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String YJ_JUNIOR = "yangjiang-jiangcheng-no2-junior";
    static final String FEE_NETWORK = "《新疆收费管理信息网》（市价格主管部门审核公示）";

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    static String json(String s) {
        return s.replace('\'', '"');
    }

    @Test
    void an_urumqi_fee_item_appears_on_the_public_page_with_legal_basis_and_complaint_phone_once_published_and_unpublishing_stops_new_charges()
            throws Exception {
        String school = Tokens.of("urumqi-school-admin");
        PaymentsFixtures.Service s = PaymentsFixtures.service(UQ, UQ_SCHOOL, "BASIC_CARE", LocalTime.of(18, 30), LocalTime.of(19, 30),
                20000, today().minusMonths(2), today().minusDays(20), today().plusDays(90));
        PaymentsFixtures.arranged(s, "urumqi-parent", "公示孩子");
        String page = "/api/public/t/" + UQ + "/disclosure/schools/" + UQ_SCHOOL;
        given().get(page).then().statusCode(200).body("fees.service", not(hasItem(s.id().toString())));

        PaymentsFixtures.publishAll(school, s, 20000);
        JsonPath pub = given().get(page).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = pub.<Map<String, Object>>getList("fees").stream()
                .filter(f -> s.id().toString().equals(f.get("service"))).toList();
        assertThat(mine).anySatisfy(f -> {
            assertThat(f.get("channel")).isEqualTo(FEE_NETWORK);
            assertThat(f.get("legalBasis")).isEqualTo("乌鲁木齐市中小学开展课后服务工作的实施办法（试行）");
            assertThat(f.get("complaintPhone")).isEqualTo("12358");
            assertThat(f.get("amountFen")).isEqualTo(20000);
        });
        // The same on the page anyone opens without login.
        String html = given().get("/t/" + UQ + "/public/disclosure/schools/" + UQ_SCHOOL).then().statusCode(200).extract().asString();
        assertThat(html).contains("政策依据：乌鲁木齐市中小学开展课后服务工作的实施办法（试行）", "监督举报电话：12358", "¥200.00");

        charge(school, s).then().statusCode(200).body("billed", equalTo(1));
        // The term's ledger summary, once published, is on the page too (from the books until reconciliation lands).
        given().auth().oauth2(school).contentType(ContentType.JSON).body(json("{'kind': 'LEDGER_SUMMARY', 'term': '" + s.term() + "'}"))
                .post("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/disclosures").then().statusCode(201)
                .body("content.chargedFen", equalTo(20000)).body("content.source", equalTo("LEDGER"));
        given().get(page).then().statusCode(200).body("ledgers.find { it.content.term == '" + s.term() + "' }.content.chargedFen",
                equalTo(20000));

        // The school takes the fee-network publication down: off the page, and no new charge.
        PaymentsFixtures.arranged(s, "urumqi-parent", "撤销后孩子");
        List<Map<String, Object>> recorded = given().auth().oauth2(school).get("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/fee-publications")
                .then().statusCode(200).extract().jsonPath().getList("publications");
        String network = recorded.stream().filter(p -> s.id().toString().equals(p.get("service")) && FEE_NETWORK.equals(p.get("channel")))
                .map(p -> (String) p.get("id")).findFirst().orElseThrow();
        as("yj-school-admin").body(json("{'reason': '跨租户'}"))
                .post("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/fee-publications/" + network + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(school).contentType(ContentType.JSON).body(json("{'reason': '收费标准调整，重新核算'}"))
                .post("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/fee-publications/" + network + "/withdrawal")
                .then().statusCode(200).body("withdrawnBy", equalTo("urumqi-school-admin"));
        given().auth().oauth2(school).contentType(ContentType.JSON).body(json("{'reason': '再次'}"))
                .post("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/fee-publications/" + network + "/withdrawal")
                .then().statusCode(409).body("code", equalTo("FEE_ALREADY_WITHDRAWN"));
        given().get(page).then().statusCode(200).body("fees.id", not(hasItem(network)));
        charge(school, s).then().statusCode(409).body("code", equalTo("FEE_NOT_PUBLISHED")).body("detail", containsString("新疆收费管理信息网"));
        // The charge made while it was published stands.
        assertThat(longOf("SELECT count(*) FROM order_line WHERE service_id = '" + s.id() + "'")).isEqualTo(1);
        // Recorded only today: yesterday's page never showed it, whatever its publishedOn says.
        given().get(page + "?on=" + today().minusDays(1)).then().statusCode(200).body("fees.id", not(hasItem(network)));
    }

    static String provider(String nameZh) {
        String code = "dis-" + UUID.randomUUID().toString().substring(0, 8);
        as("kehou-admin").body(json("{'code': '" + code + "', 'nameZh': '" + nameZh + "', 'nameEn': 'Provider " + code + "',"
                + " 'licenceNo': 'T-" + code + "', 'nonAcademic': true}")).post("/api/t/" + YJ_CITY + "/providers").then().statusCode(201);
        return code;
    }

    static void status(String provider, String status, String reason, LocalDate on) {
        as("yj-bureau-admin").body(json("{'status': '" + status + "', " + (reason == null ? "" : "'reason': '" + reason + "', ")
                        + "'on': '" + on + "'}"))
                .post("/api/t/" + YJ_CITY + "/providers/" + provider + "/approval/status").then().statusCode(200);
    }

    @Test
    void the_blacklist_for_a_year_lists_that_years_blacklisted_providers_with_reasons_and_not_a_previous_years_cleared_one() {
        int year = today().getYear();
        String cleared = provider("去年已解除机构");
        status(cleared, "BLACKLISTED", "去年虚假宣传", LocalDate.of(year - 1, 3, 1));
        status(cleared, "APPROVED", null, LocalDate.of(year - 1, 6, 1));
        String current = provider("今年黑名单机构");
        status(current, "BLACKLISTED", "招揽学生、扰乱学校秩序", today());

        // The district's page shows the city bureau's list (a blacklisting up the tree applies here).
        JsonPath list = given().get("/api/public/t/" + YJ + "/disclosure/blacklist?year=" + year).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("entries.content.provider")).contains(current).doesNotContain(cleared);
        Map<String, Object> entry = list.<Map<String, Object>>getList("entries.content").stream()
                .filter(e -> current.equals(e.get("provider"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("reason", "招揽学生、扰乱学校秩序").containsEntry("bureau", YJ_CITY);
        String html = given().get("/t/" + YJ + "/public/disclosure/blacklist?year=" + year).then().statusCode(200).extract().asString();
        assertThat(html).contains("今年黑名单机构", "原因：招揽学生、扰乱学校秩序").doesNotContain("去年已解除机构");
        // Another region's page does not show Yangjiang's blacklist.
        given().get("/api/public/t/" + UQ + "/disclosure/blacklist?year=" + year).then().statusCode(200)
                .body("entries.content.provider", not(hasItem(current)));
        // Reinstated: off the list from now on.
        status(current, "APPROVED", null, today());
        given().get("/api/public/t/" + YJ + "/disclosure/blacklist?year=" + year).then().statusCode(200)
                .body("entries.content.provider", not(hasItem(current)));
    }

    @Test
    void what_was_public_on_a_past_day_is_shown_again_after_the_content_changed() throws SQLException {
        String body = "{'kind': 'SERVICE_GUIDE', 'safetyMeasures': '%s', 'complaintPhone': '0662-3212345'}";
        String v1 = as("yj-school-admin").body(json(String.format(body, "第一版：校门口专人接送，实名登记")))
                .post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/disclosures").then().statusCode(201)
                .body("publishedBy", equalTo("yj-school-admin")).extract().path("id");
        try (var c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "UPDATE disclosure_publication SET published_at = now() - interval '10 days' WHERE id = ?",
                    UUID.fromString(v1));
        }
        as("yj-school-admin").body(json(String.format(body, "第二版：增设护导岗"))).post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/disclosures")
                .then().statusCode(201);
        String page = "/api/public/t/" + YJ + "/disclosure/schools/" + YJ_SCHOOL;
        LocalDate d = today().minusDays(5);
        given().get(page + "?on=" + d).then().statusCode(200).body("guide.content.safetyMeasures", equalTo("第一版：校门口专人接送，实名登记"))
                .body("guide.publishedBy", equalTo("yj-school-admin"));
        given().get(page).then().statusCode(200).body("guide.content.safetyMeasures", equalTo("第二版：增设护导岗"));
        given().get(page + "?on=" + today().minusDays(20)).then().statusCode(200).body("guide", equalTo(null));
        assertThat(given().get("/t/" + YJ + "/public/disclosure/schools/" + YJ_SCHOOL + "?on=" + d).then().statusCode(200)
                .extract().asString()).contains("第一版：校门口专人接送，实名登记", d.toString()).doesNotContain("第二版");
        given().get(page + "?on=yesterday").then().statusCode(400).body("code", equalTo("DISCLOSURE_DAY_INVALID"));
        // Only the school's own admin (or the bureau) publishes; Urumqi's cannot publish for Yangjiang.
        as("yj-class-teacher").body(json(String.format(body, "x"))).post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/disclosures")
                .then().statusCode(403);
        as("urumqi-school-admin").body(json(String.format(body, "x"))).post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/disclosures")
                .then().statusCode(403);
    }

    @Test
    void a_complaint_moves_through_its_status_trail_at_the_bureau_and_another_tenants_bureau_is_refused() throws SQLException {
        String anonymous = given().contentType(ContentType.JSON)
                .body(json("{'about': 'FEE', 'school': '" + YJ_SCHOOL + "', 'body': '要求购买指定教辅', 'phone': '13900001111'}"))
                .post("/api/public/t/" + YJ + "/complaints").then().statusCode(201).body("status", equalTo("RECEIVED")).extract().path("id");
        given().contentType(ContentType.JSON).body(json("{'about': 'FEE', 'body': '  '}"))
                .post("/api/public/t/" + YJ + "/complaints").then().statusCode(400);
        String id = as("yj-parent").body(json("{'about': 'SERVICE', 'school': '" + YJ_SCHOOL + "', 'subject': '课后托管',"
                        + " 'body': '托管时间提前结束'}"))
                .post("/api/t/" + YJ + "/complaints").then().statusCode(201).extract().path("id");

        String steps = "/api/t/" + YJ + "/complaints/" + id + "/steps";
        as("urumqi-bureau-admin").body(json("{'status': 'IN_PROGRESS', 'note': '跨租户'}")).post(steps).then().statusCode(403);
        as("yj-school-admin").body(json("{'status': 'IN_PROGRESS'}")).post(steps).then().statusCode(403);
        as("yj-parent").body(json("{'status': 'RESOLVED', 'note': '自己结案'}")).post(steps).then().statusCode(403);
        // The city bureau (an ancestor of the district) handles it.
        as("yj-bureau-admin").body(json("{'status': 'IN_PROGRESS', 'note': '已转学校核查'}")).post(steps).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as("yj-bureau-admin").body(json("{'status': 'RESOLVED'}")).post(steps).then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        as("yj-bureau-admin").body(json("{'status': 'RESOLVED', 'note': '学校已整改，按时结束'}")).post(steps).then().statusCode(200);
        as("yj-bureau-admin").body(json("{'status': 'REJECTED', 'note': '改判'}")).post(steps).then().statusCode(409)
                .body("code", equalTo("COMPLAINT_STEP_NOT_ALLOWED"));

        JsonPath my = as("yj-parent").get("/api/t/" + YJ + "/me/complaints").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = my.<Map<String, Object>>getList("").stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
        assertThat(mine.get("status")).isEqualTo("RESOLVED");
        assertThat(my.<String>getList("find { it.id == '" + id + "' }.steps.to")).containsExactly("RECEIVED", "IN_PROGRESS", "RESOLVED");
        assertThat(my.<String>getList("find { it.id == '" + id + "' }.steps.actor")).containsExactly("yj-parent", "yj-bureau-admin", "yj-bureau-admin");
        assertThat(my.getList("id")).doesNotContain(anonymous);

        JsonPath bureau = as("yj-bureau-admin").get("/api/t/" + YJ + "/complaints").then().statusCode(200).extract().jsonPath();
        assertThat(bureau.getList("complaints.id")).contains(id, anonymous);
        assertThat(bureau.getLong("countsBySchool.'" + YJ_SCHOOL + "'.RESOLVED")).isGreaterThanOrEqualTo(1);
        assertThat(bureau.getString("complaints.find { it.id == '" + anonymous + "' }.contactPhone")).isEqualTo("13900001111");
        as("urumqi-bureau-admin").get("/api/t/" + YJ + "/complaints").then().statusCode(403);
        assertThat(as("urumqi-bureau-admin").get("/api/t/" + UQ + "/complaints").then().statusCode(200).extract().jsonPath()
                .getList("complaints.id")).doesNotContain(id, anonymous);
        assertThat(Db.strings("SELECT action FROM audit_event WHERE subject = 'complaint:" + id + "' ORDER BY at"))
                .contains("complaint.file", "complaint.in_progress", "complaint.resolved");
    }

    /** A parent registered now in {@code tenant} (as the public registration does); returns {phone, token}. */
    static String[] freshParent(String tenant) {
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        given().contentType(ContentType.JSON).body(json("{'phone': '" + phone + "', 'password': 'Survey-pass-1', 'displayName': '调查家长'}"))
                .post("/api/public/t/" + tenant + "/parents").then().statusCode(201);
        return new String[] {phone, Tokens.fetch(phone, "Survey-pass-1")};
    }

    static void seatOnCommittee(String username, String school) throws SQLException {
        try (var c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO parents_committee_member (tenant_id, school_id, username, added_by)"
                    + " SELECT tenant_id, id, ?, 'fixture' FROM school WHERE code = ? ON CONFLICT DO NOTHING", username, school);
        }
    }

    @Test
    void survey_answers_are_anonymous_to_the_school_once_per_guardian_and_the_parents_committee_sees_only_its_school() throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", LocalTime.of(16, 10), LocalTime.of(17, 40),
                0, null, today().minusDays(20), today().plusDays(60));
        PaymentsFixtures.arranged(s, "yj-parent", "调查孩子甲");
        String[] other = freshParent(YJ);
        PaymentsFixtures.arranged(s, other[0], "调查孩子乙");
        String site = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL;
        String survey = as("yj-school-admin").body(json("{'service': '" + s.id() + "', 'title': '课后托管满意度',"
                        + " 'questions': ['对托管内容满意吗', '对接送安排满意吗']}"))
                .post(site + "/surveys").then().statusCode(201).extract().path("id");

        as("yj-parent").get("/api/t/" + YJ + "/me/surveys").then().statusCode(200).body("id", hasItem(survey));
        as("yj-parent").body(json("{'scores': [5, 4], 'comment': '老师很负责'}")).post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers")
                .then().statusCode(201);
        as("yj-parent").body(json("{'scores': [1, 1]}")).post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers")
                .then().statusCode(409).body("code", equalTo("SURVEY_ALREADY_ANSWERED"));
        as("yj-parent").get("/api/t/" + YJ + "/me/surveys").then().statusCode(200).body("id", not(hasItem(survey)));
        given().auth().oauth2(other[1]).contentType(ContentType.JSON).body(json("{'scores': [3, 6]}"))
                .post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers").then().statusCode(400);
        given().auth().oauth2(other[1]).contentType(ContentType.JSON).body(json("{'scores': [3, 2]}"))
                .post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers").then().statusCode(201);
        // A guardian whose child does not take part was not asked.
        String[] outsider = freshParent(YJ);
        given().auth().oauth2(outsider[1]).contentType(ContentType.JSON).body(json("{'scores': [1, 1]}"))
                .post("/api/t/" + YJ + "/me/surveys/" + survey + "/answers").then().statusCode(403).body("code", equalTo("SURVEY_NOT_FOR_YOU"));

        String results = as("yj-school-admin").get(site + "/surveys").then().statusCode(200).extract().asString();
        JsonPath r = JsonPath.from(results);
        String path = "find { it.survey.id == '" + survey + "' }";
        assertThat(r.getLong(path + ".respondents")).isEqualTo(2);
        assertThat(r.getDouble(path + ".questions[0].average")).isEqualTo(4.0);
        assertThat(r.getList(path + ".questions[1].distribution")).containsExactly(0, 1, 0, 1, 0);
        assertThat(r.getList(path + ".comments")).containsExactly("老师很负责");
        // Anonymous to the school: no respondent in what it reads, and nothing in an answer names or dates one.
        assertThat(results).doesNotContain("yj-parent", other[0]);
        assertThat(Db.strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answer'"))
                .containsExactlyInAnyOrder("tenant_id", "id", "survey_id", "scores", "comment");

        // The parents' committee of this school reads its results and ledger summary; nothing of another school.
        seatOnCommittee("yj-parent", YJ_SCHOOL);
        as("yj-parent").get(site + "/surveys").then().statusCode(200).body("survey.id", hasItem(survey));
        as("yj-parent").get(site + "/ledger-summary").then().statusCode(200).body("term", hasItem(s.term().toString()));
        String junior = "/api/t/" + YJ + "/schools/" + YJ_JUNIOR;
        as("yj-parent").get(junior + "/surveys").then().statusCode(403).body("code", equalTo("NOT_ON_PARENTS_COMMITTEE"));
        as("yj-parent").get(junior + "/ledger-summary").then().statusCode(403).body("code", equalTo("NOT_ON_PARENTS_COMMITTEE"));
        given().auth().oauth2(other[1]).get(site + "/surveys").then().statusCode(403);
        as("urumqi-parent").get(site + "/surveys").then().statusCode(403);
        as("urumqi-school-admin").get(site + "/surveys").then().statusCode(403);
    }

    @Test
    void publishing_an_agreement_tells_every_guardian_of_the_pupils_it_is_for_including_those_not_taking_part() throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", LocalTime.of(16, 10), LocalTime.of(17, 40),
                0, null, today().minusDays(5), today().plusDays(60));
        String[] taking = freshParent(YJ);
        PaymentsFixtures.arranged(s, taking[0], "参加的孩子");
        String[] notTaking = freshParent(YJ);
        EnrollmentFixtures.child(YJ, YJ_SCHOOL, "不参加的孩子", 3, notTaking[0]);
        String title = "课后服务安全责任承诺书 " + UUID.randomUUID().toString().substring(0, 6);
        as("yj-school-admin").body(json("{'kind': 'AGREEMENT', 'service': '" + s.id() + "', 'title': '" + title + "',"
                        + " 'text': '家长自愿参加，学校负责服务时段内的安全管理。'}"))
                .post("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/disclosures").then().statusCode(201)
                .body("content.title", equalTo(title));

        for (String token : new String[] {taking[1], notTaking[1]}) {
            JsonPath inbox = given().auth().oauth2(token).get("/api/t/" + YJ + "/me/notices").then().statusCode(200).extract().jsonPath();
            Map<String, Object> n = inbox.<Map<String, Object>>getList("").stream()
                    .filter(x -> "AGREEMENT_PUBLISHED".equals(x.get("kind")) && ((String) x.get("title")).contains(title))
                    .findFirst().orElseThrow();
            assertThat(n.get("readAt")).isNull();
            // The inbox keeps a read receipt.
            given().auth().oauth2(token).post("/api/t/" + YJ + "/me/notices/" + n.get("id") + "/read").then().statusCode(200);
            assertThat(given().auth().oauth2(token).get("/api/t/" + YJ + "/me/notices").then().extract().jsonPath()
                    .getString("find { it.id == '" + n.get("id") + "' }.readAt")).isNotNull();
        }
        // Nobody in another tenant hears of it; the text is on the school's public page.
        assertThat(as("urumqi-parent").get("/api/t/" + UQ + "/me/notices").then().statusCode(200).extract().asString()).doesNotContain(title);
        given().get("/api/public/t/" + YJ + "/disclosure/schools/" + YJ_SCHOOL).then().statusCode(200)
                .body("agreements.content.title", hasItem(title));
    }
}
