package cn.kehou.server.attendance;

import cn.kehou.server.testing.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.attendance.AttendanceFixtures.UR;
import static cn.kehou.server.attendance.AttendanceFixtures.UR_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.allDay;
import static cn.kehou.server.attendance.AttendanceFixtures.arranged;
import static cn.kehou.server.attendance.AttendanceFixtures.as;
import static cn.kehou.server.attendance.AttendanceFixtures.checkIn;
import static cn.kehou.server.attendance.AttendanceFixtures.depart;
import static cn.kehou.server.attendance.AttendanceFixtures.duty;
import static cn.kehou.server.attendance.AttendanceFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Issue 14's Done-when, through the API, with a second tenant (Urumqi) that sees nothing of Yangjiang's. */
@QuarkusTest
class AttendanceTest {

    static final String ADMIN = "yj-school-admin";
    static final String TEACHER = "yj-service-teacher";
    static final String CLASS_TEACHER = "yj-class-teacher";
    static final String PARENT = "yj-parent";

    @Inject
    OverdueCheckIns overdue;
    @Inject
    AgroalDataSource serverPool;
    @Inject
    Attendance attendance;
    @Inject
    cn.kehou.server.tenancy.TenantScope scope;

    @Test
    void a_days_roster_equals_the_arranged_enrollments_and_a_cancelled_session_or_holiday_has_none() throws SQLException {
        LocalDate holiday = today().plusDays(2);
        var s = AttendanceFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", LocalTime.of(16, 10), LocalTime.of(17, 40), holiday);
        UUID a = arranged(s, PARENT, "名单甲");
        UUID b = arranged(s, PARENT, "名单乙");
        AttendanceFixtures.child(s, PARENT, "已退出", "WITHDRAWN");
        AttendanceFixtures.child(s, PARENT, "候补中", "WAITLISTED");
        AttendanceFixtures.child(s, PARENT, "审核中", "HELD");

        List<String> children = as(ADMIN).get(s.roster(today())).then().statusCode(200)
                .body("session.venue", equalTo("三楼阅览室")).extract().jsonPath().getList("children.child");
        assertThat(children).containsExactlyInAnyOrder(a.toString(), b.toString());
        assertThat(as(ADMIN).get(s.roster(today())).jsonPath().getList("children.status")).containsOnly("EXPECTED");

        LocalDate tomorrow = today().plusDays(1);
        AttendanceFixtures.cancel(s, tomorrow);
        assertThat(as(ADMIN).get(s.roster(tomorrow)).then().statusCode(200).extract().jsonPath().getList("children")).isEmpty();
        assertThat(as(ADMIN).get(s.roster(holiday)).then().statusCode(200).extract().jsonPath().getList("children")).isEmpty();
        assertThat(sessions(ADMIN, tomorrow)).doesNotContain(s.id().toString());
        assertThat(sessions(ADMIN, today())).contains(s.id().toString());
    }

    @Test
    void a_teacher_sees_only_the_rosters_of_sessions_assigned_to_them_and_no_other_school_or_tenant() throws SQLException {
        var mine = allDay(YJ, YJ_SCHOOL);
        var other = allDay(YJ, YJ_SCHOOL);
        arranged(mine, PARENT, "值班甲");
        duty(mine, ADMIN, TEACHER);

        as(TEACHER).get(mine.roster(today())).then().statusCode(200);
        as(TEACHER).get(other.roster(today())).then().statusCode(403).body("code", equalTo("ROSTER_NOT_ASSIGNED"));
        checkIn(TEACHER, other, UUID.randomUUID()).then().statusCode(403);
        assertThat(sessions(TEACHER, today())).contains(mine.id().toString()).doesNotContain(other.id().toString());
        // The school admin and class teacher see every session of their school.
        assertThat(sessions(ADMIN, today())).contains(mine.id().toString(), other.id().toString());

        // Another school of the same tenant: refused.
        var junior = allDay(YJ, "yangjiang-jiangcheng-no2-junior");
        as(ADMIN).get(junior.roster(today())).then().statusCode(403);
        as(TEACHER).get("/api/t/" + YJ + "/schools/yangjiang-jiangcheng-no2-junior/rosters").then().statusCode(403);

        // Another tenant: refused on Yangjiang's path, and Yangjiang's service is unknown on its own.
        as("urumqi-school-admin").get(mine.roster(today())).then().statusCode(403);
        as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + UR_SCHOOL + "/services/" + mine.id() + "/rosters/" + today())
                .then().statusCode(404);
        as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + YJ_SCHOOL + "/rosters").then().statusCode(404);
    }

    @Test
    void the_teacher_checks_children_in_one_by_one_or_all_present_and_records_absence() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "签到甲");
        UUID b = arranged(s, PARENT, "签到乙");
        UUID c = arranged(s, PARENT, "签到丙");
        duty(s, ADMIN, TEACHER);

        checkIn(TEACHER, s, a).then().statusCode(200);
        as(TEACHER).contentType(ContentType.JSON).body(Map.of("child", b.toString(), "reason", "病假"))
                .post(s.roster(today()) + "/absences").then().statusCode(200);
        as(TEACHER).contentType(ContentType.JSON).body(Map.of("all", true)).post(s.roster(today()) + "/check-ins").then().statusCode(200);
        var roster = as(TEACHER).get(s.roster(today())).jsonPath();
        assertThat(status(roster, a)).isEqualTo("PRESENT");
        assertThat(status(roster, b)).as("all present checks in the expected, not the absent").isEqualTo("ABSENT");
        assertThat(status(roster, c)).isEqualTo("PRESENT");
        // A child arriving late after an absence is checked in by a tap.
        checkIn(TEACHER, s, b).then().statusCode(200);
        assertThat(status(as(TEACHER).get(s.roster(today())).jsonPath(), b)).isEqualTo("PRESENT");
        // Not on the roster; not today.
        checkIn(TEACHER, s, UUID.randomUUID()).then().statusCode(422).body("code", equalTo("CHILD_NOT_ON_ROSTER"));
        as(TEACHER).contentType(ContentType.JSON).body(Map.of("all", true))
                .post(s.roster(today().plusDays(1)) + "/check-ins").then().statusCode(409).body("code", equalTo("ROSTER_NOT_TODAY"));
    }

    @Test
    void a_child_not_checked_in_after_the_grace_minutes_raises_a_notice_to_its_guardian_and_the_class_teacher_once() throws SQLException {
        LocalTime start = LocalTime.of(1, 0);
        var s = AttendanceFixtures.service(YJ, YJ_SCHOOL, "BASIC_CARE", start, LocalTime.of(23, 0), null);
        UUID late = arranged(s, PARENT, "迟到" + UUID.randomUUID().toString().substring(0, 4));
        UUID here = arranged(s, PARENT, "准时" + UUID.randomUUID().toString().substring(0, 4));
        duty(s, ADMIN, TEACHER);
        checkIn(TEACHER, s, here).then().statusCode(200);
        String key = "check-in-overdue:" + s.id() + ":" + today() + ":";

        ZonedDateTime tooEarly = today().atTime(start.plusMinutes(14)).atZone(AttendanceFixtures.CHINA);
        overdue.raiseAt(tooEarly);
        assertThat(noticesWithKey(key)).isEmpty();

        ZonedDateTime overdueNow = today().atTime(start.plusMinutes(16)).atZone(AttendanceFixtures.CHINA);
        overdue.raiseAt(overdueNow);
        assertThat(noticesWithKey(key + late)).contains(PARENT, CLASS_TEACHER);
        assertThat(noticesWithKey(key + here)).isEmpty();
        overdue.raiseAt(overdueNow.plusMinutes(1));
        assertThat(noticesWithKey(key + late)).hasSize(noticesWithKey(key + late).stream().distinct().toList().size());

        // Both see it in their inbox; the urumqi parent sees nothing of it.
        assertThat(as(PARENT).get("/api/t/" + YJ + "/me/notices").then().statusCode(200).extract().jsonPath()
                .getList("kind")).contains("CHECK_IN_OVERDUE");
        assertThat(as(CLASS_TEACHER).get("/api/t/" + YJ + "/me/notices").jsonPath().getList("kind")).contains("CHECK_IN_OVERDUE");
        assertThat(as("urumqi-parent").get("/api/t/" + UR + "/me/notices").then().statusCode(200).extract().asString())
                .doesNotContain(s.id().toString()).doesNotContain("迟到");
    }

    @Test
    void a_hand_over_moves_each_child_to_exactly_one_new_responsible_adult_of_the_school() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "交接甲");
        UUID b = arranged(s, PARENT, "交接乙");
        duty(s, ADMIN, TEACHER);
        checkIn(TEACHER, s, a, b).then().statusCode(200);
        var roster = as(TEACHER).get(s.roster(today())).jsonPath();
        assertThat(field(roster, a, "responsible")).isEqualTo(TEACHER);
        assertThat(field(roster, a, "custody")).isEqualTo("ADULT");

        as(TEACHER).contentType(ContentType.JSON).body(Map.of("children", List.of(a.toString()), "to", CLASS_TEACHER))
                .post(s.roster(today()) + "/handovers").then().statusCode(200);
        roster = as(TEACHER).get(s.roster(today())).jsonPath();
        assertThat(field(roster, a, "responsible")).isEqualTo(CLASS_TEACHER);
        assertThat(field(roster, b, "responsible")).isEqualTo(TEACHER);
        assertThat(Db.strings("SELECT from_adult || '>' || to_adult FROM handover WHERE service_id = '" + s.id() + "'"))
                .containsExactly(TEACHER + ">" + CLASS_TEACHER);
        // Only to an adult of this school, and only children present.
        as(TEACHER).contentType(ContentType.JSON).body(Map.of("children", List.of(b.toString()), "to", "urumqi-school-admin"))
                .post(s.roster(today()) + "/handovers").then().statusCode(422).body("code", equalTo("NOT_SCHOOL_STAFF"));
        // Every child present has exactly one responsible adult.
        assertThat(Db.strings("SELECT count(*) FROM attendance_mark WHERE service_id = '" + s.id()
                + "' AND status = 'PRESENT' AND responsible IS NULL")).containsExactly("0");
    }

    @Test
    void an_unauthorised_pickup_is_refused_and_a_delegate_works_only_on_its_date() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "接送甲");
        UUID b = arranged(s, PARENT, "接送乙");
        duty(s, ADMIN, TEACHER);
        String persons = "/api/t/" + YJ + "/me/children/" + a + "/pickup-persons";
        as(PARENT).contentType(ContentType.JSON).body(Map.of("name", "陈奶奶", "relation", "祖母", "phone", "13800000001"))
                .post(persons).then().statusCode(201);
        String tomorrowDelegate = as(PARENT).contentType(ContentType.JSON)
                .body(Map.of("name", "王叔叔", "relation", "邻居", "phone", "13800000002", "validOn", today().plusDays(1).toString()))
                .post(persons).then().statusCode(201).extract().path("id");
        String todayDelegate = as(PARENT).contentType(ContentType.JSON)
                .body(Map.of("name", "李阿姨", "relation", "邻居", "phone", "13800000003", "validOn", today().toString()))
                .post("/api/t/" + YJ + "/me/children/" + b + "/pickup-persons").then().statusCode(201).extract().path("id");
        as(PARENT).contentType(ContentType.JSON).body(Map.of("name", "过去", "relation", "邻居", "phone", "13800000004",
                "validOn", today().minusDays(1).toString())).post(persons).then().statusCode(400);
        checkIn(TEACHER, s, a, b).then().statusCode(200);

        depart(TEACHER, s, a, Map.of("name", "陌生人", "phone", "13999999999")).then().statusCode(422)
                .body("code", equalTo("PICKUP_NOT_AUTHORIZED"));
        depart(TEACHER, s, a, Map.of("pickupPerson", tomorrowDelegate)).then().statusCode(422)
                .body("code", equalTo("PICKUP_NOT_AUTHORIZED"));
        depart(TEACHER, s, a, Map.of("name", "王叔叔", "phone", "138 0000 0002")).then().statusCode(422);
        assertThat(status(as(TEACHER).get(s.roster(today())).jsonPath(), a)).isEqualTo("PRESENT");

        depart(TEACHER, s, b, Map.of("pickupPerson", todayDelegate)).then().statusCode(200);
        depart(TEACHER, s, a, Map.of("name", "陈奶奶", "phone", "13800000001")).then().statusCode(200);
        var roster = as(TEACHER).get(s.roster(today())).jsonPath();
        assertThat(status(roster, a)).isEqualTo("DEPARTED");
        assertThat(field(roster, a, "departedWith")).isEqualTo("陈奶奶");
        assertThat(field(roster, a, "responsible")).isEqualTo("陈奶奶");
        assertThat(field(roster, b, "departedWith")).isEqualTo("李阿姨");

        // The guardian sees where the child is today.
        assertThat(as(PARENT).get("/api/t/" + YJ + "/me/children/" + a + "/attendance").then().statusCode(200)
                .extract().jsonPath().getList("departedWith")).contains("陈奶奶");
        // Another tenant's parent reaches nothing of the child.
        as("urumqi-parent").get(persons).then().statusCode(403);
        as("urumqi-parent").get("/api/t/" + UR + "/me/children/" + a + "/pickup-persons").then().statusCode(404);
        as("urumqi-parent").contentType(ContentType.JSON).body(Map.of("name", "冒名", "relation", "父亲", "phone", "13800000009"))
                .post("/api/t/" + UR + "/me/children/" + a + "/pickup-persons").then().statusCode(404);
    }

    @Test
    void a_child_is_not_sent_away_alone_before_the_end_and_flexible_departure_follows_the_region() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "留校甲");
        duty(s, ADMIN, TEACHER);
        checkIn(TEACHER, s, a).then().statusCode(200);
        // 003 §三: no child is made to leave before the end.
        depart(TEACHER, s, a, Map.of()).then().statusCode(409).body("code", equalTo("DEPARTURE_BEFORE_END"));
        // Yangjiang (000) runs no extended care: no departure agreed before the end of basic care.
        as(PARENT).contentType(ContentType.JSON).body(Map.of("service", s.id().toString(), "leaveAt", "00:01", "goesAlone", true))
                .post("/api/t/" + YJ + "/me/children/" + a + "/departure-arrangements").then().statusCode(422)
                .body("code", equalTo("FLEXIBLE_DEPARTURE_NOT_OFFERED"));
        // Going home alone at the end is something only the guardian can agree to.
        as(PARENT).contentType(ContentType.JSON).body(Map.of("service", s.id().toString(), "leaveAt", "23:59", "goesAlone", true))
                .post("/api/t/" + YJ + "/me/children/" + a + "/departure-arrangements").then().statusCode(201);

        // Jiangbei (001) offers extended care with flexible departure: an agreed time before the end is accepted,
        // and then the child may leave alone from that time on.
        var cq = AttendanceFixtures.service("chongqing-jiangbei", "jiangbei-yuzui-central-primary", "EXTENDED_CARE",
                LocalTime.MIDNIGHT, LocalTime.of(23, 59), null);
        UUID child = arranged(cq, "cq-parent", "弹性离校");
        as("cq-parent").contentType(ContentType.JSON).body(Map.of("service", cq.id().toString(), "date", today().toString(),
                        "leaveAt", "00:01", "goesAlone", true))
                .post("/api/t/chongqing-jiangbei/me/children/" + child + "/departure-arrangements").then().statusCode(201);
    }

    @Test
    void a_child_checked_in_and_never_checked_out_is_on_the_end_of_day_exceptions() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID stays = arranged(s, PARENT, "异常甲");
        UUID gone = arranged(s, PARENT, "异常乙");
        UUID never = arranged(s, PARENT, "异常丙");
        duty(s, ADMIN, TEACHER);
        as(PARENT).contentType(ContentType.JSON).body(Map.of("name", "陈爷爷", "relation", "祖父", "phone", "13800000011"))
                .post("/api/t/" + YJ + "/me/children/" + gone + "/pickup-persons").then().statusCode(201);
        checkIn(TEACHER, s, stays, gone).then().statusCode(200);
        depart(TEACHER, s, gone, Map.of("phone", "13800000011")).then().statusCode(200);

        var list = as(CLASS_TEACHER).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/attendance-exceptions?date=" + today())
                .then().statusCode(200).extract().jsonPath();
        List<String> children = list.getList("child");
        assertThat(children).contains(stays.toString(), never.toString()).doesNotContain(gone.toString());
        as(TEACHER).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/attendance-exceptions").then().statusCode(403);
        assertThat(as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + UR_SCHOOL + "/attendance-exceptions")
                .asString()).doesNotContain("异常甲");
    }

    @Test
    void a_session_record_keeps_head_count_content_time_and_form() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "记录甲");
        arranged(s, PARENT, "记录乙");
        duty(s, ADMIN, TEACHER);
        checkIn(TEACHER, s, a).then().statusCode(200);
        as(TEACHER).contentType(ContentType.JSON)
                .body(Map.of("content", "阅读与作业辅导", "form", "行政班托管", "startedAt", "16:10", "endedAt", "17:40"))
                .put(s.roster(today()) + "/record").then().statusCode(200).body("headCount", equalTo(1));
    }

    @Test
    void lessons_delivered_count_the_held_sessions_with_a_child_checked_in() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "课时甲");
        duty(s, ADMIN, TEACHER);
        var tenant = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> cn.kehou.server.tenancy.Tenant.byCode(YJ).orElseThrow());
        java.util.function.Supplier<Integer> delivered = () -> scope.callAs(tenant, false, () -> attendance.lessonsDelivered(
                cn.kehou.server.catalog.OfferedService.findById(s.id()), today().minusDays(10), today().plusDays(10)));
        assertThat(delivered.get()).isZero();
        checkIn(TEACHER, s, a).then().statusCode(200);
        assertThat(delivered.get()).isEqualTo(1);
    }

    @Test
    void an_incident_is_recorded_notified_and_never_deleted_only_annotated() throws SQLException {
        var s = allDay(YJ, YJ_SCHOOL);
        UUID a = arranged(s, PARENT, "事件甲");
        String base = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/incidents";
        String id = as(TEACHER).contentType(ContentType.JSON)
                .body(Map.of("kind", "INJURY", "child", a.toString(), "service", s.id().toString(),
                        "occurredAt", java.time.OffsetDateTime.now().minusMinutes(10).toString(),
                        "description", "跳绳时摔倒，膝盖擦伤", "actions", "校医消毒包扎，已联系家长"))
                .post(base).then().statusCode(201).extract().path("id");
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("note", "家长已到校，孩子无大碍"))
                .post(base + "/" + id + "/notes").then().statusCode(200).body("notes.size()", equalTo(1));
        assertThat(as(ADMIN).get(base).jsonPath().getList("id")).contains(id);
        assertThat(as(ADMIN).get("/api/t/" + YJ + "/me/notices").jsonPath().getList("kind")).contains("INCIDENT");
        assertThat(as(PARENT).get("/api/t/" + YJ + "/me/notices").jsonPath().getList("title")).contains("安全事件：学生受伤");
        // Another tenant sees none of it.
        as("urumqi-school-admin").get(base).then().statusCode(403);
        assertThat(as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + UR_SCHOOL + "/incidents").asString()).doesNotContain(id);
        // The server's role cannot delete or change an incident.
        UUID tenant = AttendanceFixtures.id("SELECT id FROM tenant WHERE code = '" + YJ + "'");
        for (String sql : List.of("DELETE FROM incident WHERE id = '" + id + "'",
                "UPDATE incident SET description = 'x' WHERE id = '" + id + "'", "DELETE FROM incident_note")) {
            assertThatThrownBy(() -> asServer(tenant, sql)).as(sql).hasMessageContaining("permission denied");
        }
    }

    @Test
    void the_audit_chain_is_append_only_and_detects_a_row_altered_in_the_database() throws SQLException {
        // Urumqi's chain, so tampering with it for a moment disturbs no other test's tenant.
        var s = allDay(UR, UR_SCHOOL);
        UUID a = arranged(s, "urumqi-parent", "审计甲");
        duty(s, "urumqi-school-admin", "urumqi-service-teacher");
        checkIn("urumqi-service-teacher", s, a).then().statusCode(200);
        String verify = "/api/t/" + UR + "/attendance-audit/verification";
        as("urumqi-school-admin").get(verify).then().statusCode(200).body("intact", equalTo(true));

        UUID tenant = AttendanceFixtures.id("SELECT id FROM tenant WHERE code = '" + UR + "'");
        for (String sql : List.of("UPDATE attendance_audit SET actor = 'x'", "DELETE FROM attendance_audit",
                "TRUNCATE attendance_audit")) {
            assertThatThrownBy(() -> asServer(tenant, sql)).as(sql).hasMessageContaining("permission denied");
        }

        String seq = Db.strings("SELECT max(seq) FROM attendance_audit WHERE tenant_id = '" + tenant + "'").get(0);
        String actor = Db.strings("SELECT actor FROM attendance_audit WHERE tenant_id = '" + tenant + "' AND seq = " + seq).get(0);
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE attendance_audit SET actor = 'someone-else' WHERE tenant_id = '" + tenant + "' AND seq = " + seq);
        }
        try {
            as("urumqi-school-admin").get(verify).then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo(Integer.parseInt(seq)));
        } finally {
            try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE attendance_audit SET actor = '" + actor + "' WHERE tenant_id = '" + tenant + "' AND seq = " + seq);
            }
        }
        as("urumqi-school-admin").get(verify).then().statusCode(200).body("intact", equalTo(true));
        // Kept six months: not even the owner deletes a young row.
        assertThatThrownBy(() -> {
            try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM attendance_audit WHERE tenant_id = '" + tenant + "' AND seq = " + seq);
            }
        }).hasMessageContaining("six months");
    }

    private void asServer(UUID tenant, String sql) throws SQLException {
        try (Connection c = serverPool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
                st.executeUpdate(sql);
            } finally {
                c.rollback();
            }
        }
    }

    private static List<String> sessions(String user, LocalDate date) {
        return as(user).get("/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/rosters?date=" + date).then().statusCode(200)
                .extract().jsonPath().getList("service");
    }

    private static List<String> noticesWithKey(String keyPrefix) throws SQLException {
        return Db.strings("SELECT recipient FROM notice WHERE dedupe_key LIKE '" + keyPrefix + "%' ORDER BY recipient");
    }

    private static String status(io.restassured.path.json.JsonPath roster, UUID child) {
        return field(roster, child, "status");
    }

    private static String field(io.restassured.path.json.JsonPath roster, UUID child, String field) {
        return roster.getString("children.find { it.child == '" + child + "' }." + field);
    }
}
