package cn.kehou.server.attendance;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Services running every day around today, arranged children and duty, written as the other features' fixtures do. */
public final class AttendanceFixtures {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String YJ = "guangdong-yangjiang-jiangcheng";
    public static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    public static final String UR = "xinjiang-urumqi-tianshan";
    public static final String UR_SCHOOL = "urumqi-tianshan-no1-primary";

    private AttendanceFixtures() {
    }

    public record Session(UUID id, UUID term, String tenant, String school) {
        public String path() {
            return "/api/t/" + tenant + "/schools/" + school + "/services/" + id;
        }

        public String roster(LocalDate date) {
            return path() + "/rosters/" + date;
        }
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A service of its own term that runs every day from ten days ago to ten days ahead; {@code holiday} (may be null) is off. */
    public static Session service(String tenant, String school, String kind, LocalTime start, LocalTime end, LocalDate holiday)
            throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + tenant + "'");
        UUID schoolId = id("SELECT id FROM school WHERE code = '" + school + "'");
        UUID term = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        LocalDate from = today().minusDays(10);
        LocalDate to = today().plusDays(10);
        String holidays = holiday == null ? "[]" : "[{\"name\": \"假日\", \"from\": \"" + holiday + "\", \"to\": \"" + holiday + "\"}]";
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, holidays, normal_dismissal,"
                            + " period_minutes, created_by) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), TIME '16:10', 40, 'fixture')",
                    tenantId, term, schoolId, "考勤学期 " + term.toString().substring(0, 8), from, to, holidays);
            EnrollmentFixtures.exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from,"
                            + " grade_to, days, start_time, end_time, valid_from, valid_to, capacity, fee_fen, venue, enrollment_open,"
                            + " created_by) VALUES (?, ?, ?, ?, ?, ?, '{HOMEWORK,READING}', 1, 9,"
                            + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY}', ?, ?, ?, ?, 40, 0, '三楼阅览室', true, 'fixture')",
                    tenantId, service, schoolId, term, kind, "考勤托管 " + service.toString().substring(0, 6),
                    java.sql.Time.valueOf(start), java.sql.Time.valueOf(end), from, to);
        }
        return new Session(service, term, tenant, school);
    }

    /** A service open all day (00:00–23:59), so "now" is always inside it. */
    public static Session allDay(String tenant, String school) throws SQLException {
        return service(tenant, school, "BASIC_CARE", LocalTime.MIDNIGHT, LocalTime.of(23, 59), null);
    }

    /** A child of {@code parent} with an application in {@code status} to the service. */
    public static UUID child(Session s, String parent, String name, String status) throws SQLException {
        UUID child = EnrollmentFixtures.child(s.tenant(), s.school(), name, 2, parent);
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + s.tenant() + "'");
        UUID app = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant, status, step,"
                            + " holds_seat, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, 'ARRANGE', false, ?)",
                    tenantId, app, s.id(), child, parent, status, "att-fixture-" + app);
        }
        return child;
    }

    public static UUID arranged(Session s, String parent, String name) throws SQLException {
        return child(s, parent, name, "ARRANGED");
    }

    public static void cancel(Session s, LocalDate date) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = '" + s.tenant() + "'");
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO cancelled_session (tenant_id, id, service_id, on_date, reason, recorded_by)"
                    + " VALUES (?, ?, ?, ?, '暴雨停课', 'fixture')", tenantId, UUID.randomUUID(), s.id(), date);
        }
    }

    /** The school admin puts {@code teachers} on duty for the service. */
    public static void duty(Session s, String admin, String... teachers) {
        as(admin).contentType(ContentType.JSON).body(Map.of("teachers", List.of(teachers)))
                .put(s.path() + "/roster-duty").then().statusCode(200);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    public static Response checkIn(String user, Session s, UUID... children) {
        return as(user).contentType(ContentType.JSON).body(Map.of("children", List.of(children), "all", false))
                .post(s.roster(today()) + "/check-ins");
    }

    public static Response depart(String user, Session s, UUID child, Map<String, Object> who) {
        Map<String, Object> body = new java.util.HashMap<>(who);
        body.put("child", child.toString());
        return as(user).contentType(ContentType.JSON).body(body).post(s.roster(today()) + "/departures");
    }

    public static UUID id(String sql) throws SQLException {
        return UUID.fromString(Db.strings(sql).get(0));
    }
}
