package cn.kehou.server.payments;

import cn.kehou.server.enrollment.EnrollmentFixtures;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Services, arranged applications and publications for payment tests, written straight into the
 * database (as EnrollmentFixtures does) or through the school's own API where the test is about it.
 */
public final class PaymentsFixtures {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private PaymentsFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A service of its own term (so each is its own order), weekdays, {@code start}–{@code end}. */
    public record Service(UUID id, UUID term, String tenant, String school, LocalDate from, LocalDate to) {
    }

    public static Service service(String tenant, String school, String kind, LocalTime start, LocalTime end, long feeFen,
                                  LocalDate costedOn, LocalDate from, LocalDate to) throws SQLException {
        UUID tenantId = id("SELECT id FROM tenant WHERE code = ?", tenant);
        UUID schoolId = id("SELECT id FROM school WHERE code = ?", school);
        UUID term = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO school_term (tenant_id, id, school_id, name, starts_on, ends_on, normal_dismissal,"
                            + " period_minutes, created_by) VALUES (?, ?, ?, ?, ?, ?, TIME '16:10', 40, 'fixture')",
                    tenantId, term, schoolId, "缴费学期 " + term.toString().substring(0, 8), from, to);
            EnrollmentFixtures.exec(c, "INSERT INTO school_service (tenant_id, id, school_id, term_id, kind, title_zh, tags, grade_from,"
                            + " grade_to, days, start_time, end_time, valid_from, valid_to, capacity, fee_fen, fee_costed_on, venue,"
                            + " enrollment_open, created_by) VALUES (?, ?, ?, ?, ?, '课后托管', '{HOMEWORK,READING}', 1, 9,"
                            + " '{MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY}', ?, ?, ?, ?, 40, ?, ?, '教室', true, 'fixture')",
                    tenantId, service, schoolId, term, kind, java.sql.Time.valueOf(start), java.sql.Time.valueOf(end), from, to,
                    feeFen, costedOn);
        }
        return new Service(service, term, tenant, school, from, to);
    }

    /** A child of {@code parent} whose application to {@code service} is ARRANGED (all reviews done). */
    public static UUID arranged(Service service, String parent, String childName, String... groups) throws SQLException {
        UUID child = EnrollmentFixtures.child(service.tenant(), service.school(), childName, 2, parent, groups);
        UUID tenantId = id("SELECT id FROM tenant WHERE code = ?", service.tenant());
        UUID app = UUID.randomUUID();
        try (Connection c = Db.superuser()) {
            EnrollmentFixtures.exec(c, "INSERT INTO enrollment_application (tenant_id, id, service_id, child_id, applicant, status, step,"
                            + " holds_seat, priority_groups, idempotency_key) VALUES (?, ?, ?, ?, ?, 'ARRANGED', 'ARRANGE', false,"
                            + " CAST(? AS text[]), ?)",
                    tenantId, app, service.id(), child, parent, "{" + String.join(",", groups) + "}", "pay-fixture-" + app);
            EnrollmentFixtures.exec(c, "INSERT INTO enrollment_event (tenant_id, id, application_id, actor, from_status, to_status, step,"
                    + " note) VALUES (?, ?, ?, 'fixture', NULL, 'ARRANGED', 'ARRANGE', 'fixture')", tenantId, UUID.randomUUID(), app);
        }
        return app;
    }

    /** The tenant's merchant account at the local simulator, set by the platform admin. */
    public static void merchant(String tenant, String merchantId, String secretRef) {
        given().auth().oauth2(Tokens.of("kehou-admin")).contentType(ContentType.JSON)
                .body(Map.of("gateway", "local-sim", "merchantId", merchantId, "secretRef", secretRef))
                .put("/api/t/" + tenant + "/payments/merchant").then().statusCode(200);
    }

    /**
     * {@code parent} pays the order at the simulator's cashier (as the family would tap "pay"), and
     * this returns once the gateway's asynchronous notification has marked the order paid.
     */
    public static void paid(String tenant, String parent, String order) {
        io.restassured.response.Response opened = given().auth().oauth2(Tokens.of(parent))
                .post("/api/t/" + tenant + "/me/orders/" + order + "/payments");
        if (opened.statusCode() != 200 && opened.statusCode() != 201) {
            throw new IllegalStateException("opening the payment: " + opened.statusCode() + " " + opened.asString());
        }
        given().post(LocalGatewaySimulator.CASHIER_PATH + opened.jsonPath().getString("transactionId")).then().statusCode(200);
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!"PAID".equals(given().auth().oauth2(Tokens.of(parent)).get("/api/t/" + tenant + "/me/orders/" + order)
                .then().statusCode(200).extract().path("status"))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("order " + order + " not paid after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The region's publication requirements, as the API lists them: channel → items. */
    public static Map<String, List<String>> requirements(String token, String tenant, String school) {
        JsonPath json = given().auth().oauth2(token).get("/api/t/" + tenant + "/schools/" + school + "/fee-publications")
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : json.<Map<String, Object>>getList("requirements")) {
            out.computeIfAbsent((String) r.get("channel"), k -> new ArrayList<>()).add((String) r.get("item"));
        }
        return out;
    }

    /** Records one publication of the service's fee on {@code channel} covering {@code items}. */
    public static io.restassured.response.Response publish(String token, Service s, String channel, List<String> items, long amountFen,
                                                           LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", s.id().toString());
        body.put("channel", channel);
        body.put("items", items);
        body.put("feeItem", "课后服务费");
        body.put("amountFen", amountFen);
        body.put("basis", "每生每学期，每天1小时");
        body.put("legalBasis", "乌鲁木齐市中小学开展课后服务工作的实施办法（试行）");
        body.put("complaintPhone", "12358");
        body.put("reference", "XJSF-" + s.id().toString().substring(0, 8));
        body.put("publishedOn", on.toString());
        body.put("approvingAuthority", "市发展和改革委员会（价格主管部门）");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/t/" + s.tenant() + "/schools/" + s.school() + "/fee-publications");
    }

    /** Publishes the fee on every channel the region names, with every item it asks for there. */
    public static void publishAll(String token, Service s, long amountFen) {
        requirements(token, s.tenant(), s.school()).forEach((channel, items) ->
                publish(token, s, channel, items, amountFen, today().minusDays(1)).then().statusCode(201));
    }

    public static io.restassured.response.Response charge(String token, Service s) {
        return given().auth().oauth2(token).post("/api/t/" + s.tenant() + "/schools/" + s.school() + "/services/" + s.id() + "/charges");
    }

    /** Weekdays from {@code from} to {@code to}: the sessions of a Monday–Friday service without holidays. */
    public static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }

    public static long longOf(String sql) throws SQLException {
        return Long.parseLong(Db.strings(sql).get(0));
    }

    public static UUID id(String sql, String key) throws SQLException {
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("nothing for " + key);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
