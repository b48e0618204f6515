package cn.kehou.server.enrollment;

import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EnrollmentTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";

    @Inject
    OfferExpiry offerExpiry;

    static Response apply(String user, String tenant, UUID child, UUID service, String key) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"child\": \"" + child + "\", \"service\": \"" + service + "\", \"pickup\": \"奶奶接\"}")
                .when().post("/api/t/" + tenant + "/me/applications");
    }

    static long count(String sql) throws Exception {
        return Long.parseLong(Db.strings(sql).get(0));
    }

    @Test
    void two_hundred_parents_released_together_fill_exactly_thirty_seats_and_the_rest_wait() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 30, "FIRST_COME", true, null, null);
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            children.add(EnrollmentFixtures.child(YJ, YJ_SCHOOL, "并发" + i, 3, "yj-parent"));
        }
        String token = Tokens.of("yj-parent");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID child = children.get(i);
            String key = "rush-" + service.id() + "-" + i;
            results.add(pool.submit(() -> {
                start.await();
                // A well-behaved client retries what the server shed, after its Retry-After.
                for (int attempt = 0; ; attempt++) {
                    int status = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body("{\"child\": \"" + child + "\", \"service\": \"" + service.id() + "\"}")
                            .post("/api/t/" + YJ + "/me/applications").statusCode();
                    if (status != 503 || attempt > 50) {
                        return status;
                    }
                    Thread.sleep(200);
                }
            }));
        }
        start.countDown();
        for (Future<Integer> f : results) {
            assertThat(f.get()).isIn(200, 201);
        }
        pool.shutdown();

        String where = " FROM enrollment_application WHERE service_id = '" + service.id() + "'";
        assertThat(count("SELECT count(*)" + where)).isEqualTo(200);
        assertThat(count("SELECT count(*)" + where + " AND holds_seat")).isEqualTo(30);
        assertThat(count("SELECT count(*)" + where + " AND status = 'WAITLISTED'")).isEqualTo(170);
        assertThat(count("SELECT seats_taken FROM school_service WHERE id = '" + service.id() + "'")).isEqualTo(30);
    }

    @Test
    void the_same_request_twice_returns_the_first_result_and_writes_once() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        UUID child = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "重复", 2, "yj-parent");
        String first = apply("yj-parent", YJ, child, service.id(), "double-click-" + child).then().statusCode(201).extract().path("id");
        String again = apply("yj-parent", YJ, child, service.id(), "double-click-" + child).then().statusCode(200).extract().path("id");
        assertThat(again).isEqualTo(first);
        apply("yj-parent", YJ, child, service.id(), "another-key-" + child).then().statusCode(409).body("code", equalTo("APPLICATION_EXISTS"));
        assertThat(count("SELECT count(*) FROM enrollment_application WHERE child_id = '" + child + "'")).isEqualTo(1);
    }

    @Test
    void yangjiang_apply_school_approval_confirm_and_sign_arranges_the_child() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        UUID child = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "流程阳江", 2, "yj-parent");
        String id = apply("yj-parent", YJ, child, service.id(), "flow-" + child).then().statusCode(201)
                .body("status", equalTo("HELD")).extract().path("id");
        String step = Db.strings("SELECT step FROM enrollment_application WHERE id = '" + id + "'").get(0);
        // 000: the school reviews (no class review in Yangjiang's flow), then the family confirms and signs.
        if (step.equals("CLASS_REVIEW")) {
            review("yj-class-teacher", YJ, YJ_SCHOOL, id, true).statusCode(200);
        }
        review("yj-class-teacher", YJ, YJ_SCHOOL, id, true).statusCode(403);
        review("yj-school-admin", YJ, YJ_SCHOOL, id, true).statusCode(200);
        finishFamilySteps("yj-parent", YJ, id);
        given().auth().oauth2(Tokens.of("yj-parent")).when().get("/api/t/" + YJ + "/me/applications")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.status", equalTo("ARRANGED"));
        assertThat(count("SELECT count(*) FROM agreement_signature WHERE application_id = '" + id + "'")).isPositive();
    }

    @Test
    void urumqi_apply_class_review_school_approval_and_signature_arranges_the_child() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(UQ, UQ_SCHOOL, 5, "FIRST_COME", true, null, null);
        UUID child = EnrollmentFixtures.child(UQ, UQ_SCHOOL, "流程乌鲁木齐", 2, "urumqi-parent");
        String id = apply("urumqi-parent", UQ, child, service.id(), "flow-" + child).then().statusCode(201).extract().path("id");
        // 004: application → class review → school approval → arrangement, with a signed voluntary agreement.
        assertThat(Db.strings("SELECT step FROM enrollment_application WHERE id = '" + id + "'")).containsExactly("CLASS_REVIEW");
        review("urumqi-school-admin", UQ, UQ_SCHOOL, id, true).statusCode(200);
        review("urumqi-school-admin", UQ, UQ_SCHOOL, id, true).statusCode(200);
        finishFamilySteps("urumqi-parent", UQ, id);
        given().auth().oauth2(Tokens.of("urumqi-parent")).when().get("/api/t/" + UQ + "/me/applications")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.status", equalTo("ARRANGED"))
                .body("find { it.id == '" + id + "' }.trail.to", hasItem("ARRANGED"));
    }

    @Test
    void a_withdrawal_offers_the_seat_to_the_next_child_and_an_unanswered_offer_passes_on() throws Exception {
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 1, "FIRST_COME", true, null, null);
        UUID a = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "甲", 2, "yj-parent");
        UUID b = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "乙", 2, "yj-parent");
        UUID c = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "丙", 2, "yj-parent");
        String appA = apply("yj-parent", YJ, a, service.id(), "wl-" + a).then().body("status", equalTo("HELD")).extract().path("id");
        String appB = apply("yj-parent", YJ, b, service.id(), "wl-" + b).then().body("status", equalTo("WAITLISTED")).extract().path("id");
        String appC = apply("yj-parent", YJ, c, service.id(), "wl-" + c).then().body("status", equalTo("WAITLISTED")).extract().path("id");

        given().auth().oauth2(Tokens.of("yj-parent")).post("/api/t/" + YJ + "/me/applications/" + appA + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(Db.strings("SELECT status FROM enrollment_application WHERE id = '" + appB + "'")).containsExactly("OFFERED");

        // The clock moves past the 48-hour deadline: B's offer expires and C is offered the seat.
        offerExpiry.expireAt(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(49));
        assertThat(Db.strings("SELECT status FROM enrollment_application WHERE id = '" + appB + "'")).containsExactly("EXPIRED");
        assertThat(Db.strings("SELECT status FROM enrollment_application WHERE id = '" + appC + "'")).containsExactly("OFFERED");
        given().auth().oauth2(Tokens.of("yj-parent")).post("/api/t/" + YJ + "/me/applications/" + appC + "/accept-offer")
                .then().statusCode(200).body("status", equalTo("HELD"));
        assertThat(count("SELECT seats_taken FROM school_service WHERE id = '" + service.id() + "'")).isEqualTo(1);
    }

    @Test
    void bad_applications_are_refused_clearly_and_write_nothing() throws Exception {
        EnrollmentFixtures.Service open = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        EnrollmentFixtures.Service closed = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", false, null, null);
        UUID mine = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "我的", 2, "yj-parent");
        UUID notMine = EnrollmentFixtures.child(YJ, YJ_SCHOOL, "别人的", 2, "someone-else");
        long before = count("SELECT count(*) FROM enrollment_application");

        apply("yj-parent", YJ, notMine, open.id(), "bad-1-" + notMine).then().statusCode(404).body("code", equalTo("CHILD_NOT_FOUND"));
        apply("yj-parent", YJ, mine, UUID.randomUUID(), "bad-2-" + mine).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        apply("yj-parent", YJ, mine, closed.id(), "bad-3-" + mine).then().statusCode(409).body("code", equalTo("ENROLLMENT_CLOSED"));
        given().auth().oauth2(Tokens.of("yj-parent")).contentType(ContentType.JSON)
                .body("{\"child\": \"" + mine + "\", \"service\": \"" + open.id() + "\"}")
                .post("/api/t/" + YJ + "/me/applications").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        try (var c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "UPDATE school_service SET valid_to = DATE '2026-01-31', valid_from = DATE '2025-09-01'"
                    + " WHERE id = ?", closed.id());
            EnrollmentFixtures.exec(c, "UPDATE school_service SET grade_from = 5, grade_to = 6 WHERE id = ?", open.id());
        }
        apply("yj-parent", YJ, mine, closed.id(), "bad-4-" + mine).then().statusCode(409).body("code", equalTo("TERM_CLOSED"));
        apply("yj-parent", YJ, mine, open.id(), "bad-5-" + mine).then().statusCode(422).body("code", equalTo("NOT_ELIGIBLE_GRADE"));
        assertThat(count("SELECT count(*) FROM enrollment_application")).isEqualTo(before);
    }

    @Test
    void a_parent_of_one_tenant_can_neither_see_nor_apply_to_anothers_services() throws Exception {
        EnrollmentFixtures.Service yj = EnrollmentFixtures.service(YJ, YJ_SCHOOL, 5, "FIRST_COME", true, null, null);
        UUID urumqiChild = EnrollmentFixtures.child(UQ, UQ_SCHOOL, "跨区", 2, "urumqi-parent");
        apply("urumqi-parent", YJ, urumqiChild, yj.id(), "cross-1-" + urumqiChild).then().statusCode(403);
        // Through its own tenant's path, the other tenant's service simply does not exist.
        apply("urumqi-parent", UQ, urumqiChild, yj.id(), "cross-2-" + urumqiChild).then().statusCode(404);
    }

    @Test
    void a_lottery_places_guaranteed_children_first_explains_itself_and_is_reproducible() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        EnrollmentFixtures.Service service = EnrollmentFixtures.service(UQ, UQ_SCHOOL, 2, "LOTTERY", true, today.minusDays(3), today);
        for (int i = 0; i < 6; i++) {
            EnrollmentFixtures.child(UQ, UQ_SCHOOL, "摇号" + i, 2, "urumqi-parent-" + i);
        }
        UUID priority = EnrollmentFixtures.child(UQ, UQ_SCHOOL, "留守", 2, "urumqi-parent", "LEFT_BEHIND");
        // The other families' applications are written as the platform would have (their users need no login here).
        for (String row : Db.strings("SELECT c.id || '|' || g.username FROM child c JOIN guardianship g ON g.child_id = c.id"
                + " WHERE c.name_zh LIKE '摇号%' AND c.id NOT IN (SELECT child_id FROM enrollment_application)")) {
            String[] p = row.split("\\|");
            try (var c = Db.superuser()) {
                EnrollmentFixtures.exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant,"
                        + " status, step, idempotency_key) SELECT tenant_id, ?, ?, id, ?, 'PENDING', 'CLASS_REVIEW', ? FROM child"
                        + " WHERE id = ?", UUID.randomUUID(), service.id(), p[1], "lot-" + p[0], UUID.fromString(p[0]));
            }
        }
        String mine = apply("urumqi-parent", UQ, priority, service.id(), "lot-" + priority).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        try (var c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "UPDATE school_service SET signup_to = ? WHERE id = ?", today.minusDays(1), service.id());
        }
        Map<String, Object> run = given().auth().oauth2(Tokens.of("urumqi-school-admin")).contentType(ContentType.JSON)
                .body("{\"seed\": 20261123}")
                .post("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/services/" + service.id() + "/lottery")
                .then().statusCode(200).body("placed", equalTo(2)).extract().as(Map.class);
        assertThat(Db.strings("SELECT status FROM enrollment_application WHERE id = '" + mine + "'")).containsExactly("HELD");
        given().auth().oauth2(Tokens.of("urumqi-parent")).get("/api/t/" + UQ + "/me/applications")
                .then().body("find { it.id == '" + mine + "' }.explanation.group", equalTo("priority"))
                .body("find { it.id == '" + mine + "' }.explanation.seed", equalTo(20261123));
        assertThat(count("SELECT count(*) FROM enrollment_application WHERE service_id = '" + service.id()
                + "' AND status = 'WAITLISTED'")).isEqualTo(5);
        assertThat(run.get("seed")).isEqualTo(20261123);
        given().auth().oauth2(Tokens.of("urumqi-school-admin"))
                .get("/api/t/" + UQ + "/schools/" + UQ_SCHOOL + "/services/" + service.id() + "/lottery")
                .then().statusCode(200).body("[0].seed", equalTo(20261123));
    }

    static io.restassured.response.ValidatableResponse review(String user, String tenant, String school, String id, boolean approve) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body("{\"approve\": " + approve + "}")
                .post("/api/t/" + tenant + "/schools/" + school + "/applications/" + id + "/review").then();
    }

    static void finishFamilySteps(String parent, String tenant, String id) throws Exception {
        for (int guard = 0; guard < 5; guard++) {
            String step = Db.strings("SELECT step FROM enrollment_application WHERE id = '" + id + "'").get(0);
            if (step.equals("CONFIRM")) {
                given().auth().oauth2(Tokens.of(parent)).post("/api/t/" + tenant + "/me/applications/" + id + "/confirm")
                        .then().statusCode(200);
            } else if (step.equals("SIGN_AGREEMENT")) {
                List<Map<String, Object>> docs = given().auth().oauth2(Tokens.of(parent))
                        .get("/api/t/" + tenant + "/me/applications/" + id + "/agreement").then().statusCode(200)
                        .extract().jsonPath().getList("$");
                assertThat(docs).isNotEmpty();
                for (Map<String, Object> d : docs) {
                    given().auth().oauth2(Tokens.of(parent)).contentType(ContentType.JSON)
                            .body("{\"documentCode\": \"" + d.get("code") + "\", \"textSha256\": \"" + d.get("sha256") + "\"}")
                            .post("/api/t/" + tenant + "/me/applications/" + id + "/signatures").then().statusCode(200);
                }
            } else {
                return;
            }
        }
    }
}
