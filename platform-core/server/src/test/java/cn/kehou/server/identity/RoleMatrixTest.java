package cn.kehou.server.identity;

import cn.kehou.server.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driven by identity/permissions.json: every role, through a real demo user's token, can do
 * exactly what the table says — and the test fails for a permission without a probe.
 */
@QuarkusTest
class RoleMatrixTest {

    static final String DISTRICT = "guangdong-yangjiang-jiangcheng";
    static final String CITY = "guangdong-yangjiang";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    /** The Yangjiang demo user of each role, and the tenant where that role is held or reaches. */
    static final Map<String, String[]> ACTOR = new LinkedHashMap<>();

    static {
        ACTOR.put("platform-admin", new String[] {"kehou-admin", DISTRICT});
        ACTOR.put("bureau-admin", new String[] {"yj-bureau-admin", DISTRICT});
        ACTOR.put("bureau-inspector", new String[] {"yj-inspector", DISTRICT});
        ACTOR.put("school-admin", new String[] {"yj-school-admin", DISTRICT});
        ACTOR.put("class-teacher", new String[] {"yj-class-teacher", DISTRICT});
        ACTOR.put("service-teacher", new String[] {"yj-service-teacher", DISTRICT});
        ACTOR.put("school-finance", new String[] {"yj-finance", DISTRICT});
        ACTOR.put("provider-admin", new String[] {"yj-provider-admin", CITY});
        ACTOR.put("provider-staff", new String[] {"yj-provider-staff", CITY});
        ACTOR.put("parent", new String[] {"yj-parent", DISTRICT});
    }

    /** One request per permission, made as a user in a tenant; its status shows allowed or refused. */
    static final Map<String, BiFunction<RequestSpecification, String, Integer>> PROBE = new LinkedHashMap<>();

    static {
        PROBE.put("tenant.read", (r, t) -> r.get("/api/t/" + t).statusCode());
        PROBE.put("school.list", (r, t) -> r.get("/api/t/" + t + "/schools").statusCode());
        PROBE.put("school.create", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"code\": \"matrix-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"nameZh\": \"矩阵小学\","
                        + " \"nameEn\": \"Matrix Primary\", \"level\": \"PRIMARY\", \"urban\": true, \"boarding\": false,"
                        + " \"normalDismissal\": \"16:30\"}")
                .post("/api/t/" + t + "/schools").statusCode());
        PROBE.put("policy.read", (r, t) -> r.get("/api/t/" + t + "/policy").statusCode());
        PROBE.put("role.list", (r, t) -> r.get("/api/t/" + t + "/roles").statusCode());
        PROBE.put("descriptor.load", (r, t) -> r.contentType(ContentType.JSON).body("{\"tenants\": [], \"schools\": []}")
                .post("/api/t/" + t + "/descriptors").statusCode());
        PROBE.put("child.list", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/children").statusCode());
        PROBE.put("guardianship.review", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/guardianships").statusCode());
        PROBE.put("me.children", (r, t) -> r.get("/api/t/" + t + "/me/children").statusCode());
        // A district cannot hold a province: 400 after the permission check proves "allowed".
        PROBE.put("tenant.onboard", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"code\": \"matrix-x\", \"nameZh\": \"矩阵\", \"nameEn\": \"Matrix\", \"kind\": \"PROVINCE\","
                        + " \"admin\": {\"username\": \"matrix-admin\", \"displayName\": \"矩阵\"}}")
                .post("/api/t/" + t + "/tenants").statusCode());
        // ONBOARDING is not a status one sets: 400 after the permission check proves "allowed".
        PROBE.put("tenant.status", (r, t) -> r.contentType(ContentType.JSON).body("{\"status\": \"ONBOARDING\"}")
                .post("/api/t/" + t + "/tenants/" + t + "/status").statusCode());
    }

    static {
        PROBE.put("policy.manage", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"effectiveFrom\": \"2031-09-01\", \"pluginConfig\": {}}")
                .post("/api/t/" + t + "/policy/versions/preview").statusCode());
        PROBE.put("schedule.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/schedules").statusCode());
        // Ends before it starts: 400 after the permission check proves "allowed", nothing saved.
        PROBE.put("schedule.manage", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"kind\": \"BASIC_CARE\", \"start\": \"18:00\", \"end\": \"17:00\", \"days\": [\"MONDAY\"],"
                        + " \"validFrom\": \"2031-09-01\", \"validTo\": \"2031-09-30\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/schedules").statusCode());
    }

    /** Catalog probes: a refusal that comes after the permission check (409/422/400) proves "allowed", nothing saved. */
    static {
        String provider = "lingnan-science-studio";
        PROBE.put("provider.read", (r, t) -> r.get("/api/t/" + t + "/providers").statusCode());
        // The code is taken (the registry loads it at start): 409 after the permission check.
        PROBE.put("provider.register", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"code\": \"" + provider + "\", \"nameZh\": \"矩阵机构\", \"nameEn\": \"Matrix\","
                        + " \"licenceNo\": \"M-1\", \"nonAcademic\": true}")
                .post("/api/t/" + t + "/providers").statusCode());
        // An academic-subject course: 422 after the permission (and own-provider) check.
        PROBE.put("provider.courses", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"titleZh\": \"奥数\", \"tags\": [\"ACADEMIC_SUBJECT\"], \"gradeFrom\": 3, \"gradeTo\": 6,"
                        + " \"days\": [\"MONDAY\"], \"offCampusFen\": 100000}")
                .post("/api/t/" + t + "/providers/" + provider + "/courses").statusCode());
        // Ends before it starts: 400 after the permission check.
        PROBE.put("provider.vet", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"scope\": [\"QUALITY_COURSE\"], \"validFrom\": \"2031-09-01\", \"validTo\": \"2031-08-01\"}")
                .put("/api/t/" + t + "/providers/" + provider + "/approval").statusCode());
        PROBE.put("staff.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/staff").statusCode());
        // Provider staff without a provider: 400 after the permission check.
        PROBE.put("staff.register", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"nameZh\": \"矩阵老师\", \"kind\": \"PROVIDER_STAFF\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/staff").statusCode());
        // Vetting that ended before today: 400 after the permission check.
        PROBE.put("staff.vet", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"ethicsOk\": true, \"recordCheckOk\": true, \"healthOk\": true, \"qualificationOk\": true,"
                        + " \"validTo\": \"2020-01-01\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/staff/" + UUID.randomUUID() + "/vetting").statusCode());
        PROBE.put("catalog.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/services").statusCode());
        // A term that ends before it starts: 400 after the permission check.
        PROBE.put("catalog.manage", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"name\": \"矩阵学期\", \"startsOn\": \"2031-09-01\", \"endsOn\": \"2031-08-01\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/terms").statusCode());
        // Returning a plan without a note: 400 after the permission check.
        PROBE.put("plan.review", (r, t) -> r.contentType(ContentType.JSON).body("{\"approved\": false}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/terms/" + UUID.randomUUID() + "/plan/review").statusCode());
    }

    /** A withdrawn application and a first-come service at SCHOOL, made once, for the enrollment probes. */
    static final java.util.concurrent.atomic.AtomicReference<String[]> ENROLLMENT = new java.util.concurrent.atomic.AtomicReference<>();

    static String[] enrollmentFixture() {
        return ENROLLMENT.updateAndGet(existing -> {
            if (existing != null) {
                return existing;
            }
            try {
                var service = cn.kehou.server.enrollment.EnrollmentFixtures.service(DISTRICT, SCHOOL, 3, "FIRST_COME", true, null, null);
                UUID child = cn.kehou.server.enrollment.EnrollmentFixtures.child(DISTRICT, SCHOOL, "矩阵孩子", 2, "yj-parent");
                String app = given().auth().oauth2(Tokens.of("yj-parent")).contentType(ContentType.JSON)
                        .header("Idempotency-Key", "matrix-" + child)
                        .body("{\"child\": \"" + child + "\", \"service\": \"" + service.id() + "\"}")
                        .post("/api/t/" + DISTRICT + "/me/applications").then().statusCode(201).extract().path("id");
                // Not awaiting review: an allowed reviewer gets 409 after the permission check, nothing changes.
                try (var c = cn.kehou.server.testing.Db.superuser()) {
                    cn.kehou.server.enrollment.EnrollmentFixtures.exec(c,
                            "UPDATE enrollment_application SET status = 'WITHDRAWN', step = 'ARRANGE' WHERE id = ?", UUID.fromString(app));
                }
                return new String[] {service.id().toString(), app};
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static {
        PROBE.put("enrollment.apply", (r, t) -> r.get("/api/t/" + t + "/me/applications").statusCode());
        PROBE.put("enrollment.queue", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/applications").statusCode());
        PROBE.put("enrollment.review", (r, t) -> r.contentType(ContentType.JSON).body("{\"approve\": true}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/applications/" + enrollmentFixture()[1] + "/review").statusCode());
        // A first-come service has no lottery: 409 after the permission check proves "allowed".
        PROBE.put("enrollment.lottery", (r, t) -> r.contentType(ContentType.JSON).body("{\"seed\": 1}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/services/" + enrollmentFixture()[0] + "/lottery").statusCode());
    }

    /** Payments probes: a refusal after the permission check (409/422) proves "allowed", nothing saved. */
    static {
        // Published in the future: 422 after the permission check.
        PROBE.put("fees.publish", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"service\": \"" + UUID.randomUUID() + "\", \"channel\": \"矩阵\", \"items\": [\"FEE_AMOUNT\"],"
                        + " \"feeItem\": \"课后服务费\", \"amountFen\": 0, \"basis\": \"每生每学期\", \"reference\": \"M-1\","
                        + " \"publishedOn\": \"2031-09-01\", \"approvingAuthority\": \"矩阵\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/fee-publications").statusCode());
        // The fixture service's fee is not published: 409 FEE_NOT_PUBLISHED after the permission check.
        PROBE.put("payments.manage", (r, t) ->
                r.post("/api/t/" + t + "/schools/" + SCHOOL + "/services/" + enrollmentFixture()[0] + "/charges").statusCode());
        PROBE.put("payments.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/orders").statusCode());
        PROBE.put("payments.audit", (r, t) -> r.get("/api/t/" + t + "/payments/trial-balance").statusCode());
        // A key reference that names no configured key: 422 after the permission check.
        PROBE.put("payments.configure", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"gateway\": \"local-sim\", \"merchantId\": \"matrix\", \"secretRef\": \"matrix-no-such-key\"}")
                .put("/api/t/" + t + "/payments/merchant").statusCode());
        PROBE.put("orders.pay", (r, t) -> r.get("/api/t/" + t + "/me/orders").statusCode());
        // A month long past with nothing to settle: 200 once allowed (the run writes nothing).
        PROBE.put("settlements.run", (r, t) -> r.post("/api/t/" + t + "/settlements/2020-01").statusCode());
        PROBE.put("settlements.read", (r, t) -> r.get("/api/t/" + t + "/settlements/2020-01").statusCode());
        // A school's reconciliation of a month long past, and a provider's statement of it (2020-01: nothing in it).
        PROBE.put("reconciliations.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/reconciliations/2020-01").statusCode());
        PROBE.put("reconciliations.record", (r, t) -> r.contentType(ContentType.JSON).body("{\"figures\": {}}")
                .put("/api/t/" + t + "/schools/" + SCHOOL + "/reconciliations/2020-01/school-figures").statusCode());
        PROBE.put("statements.read", (r, t) -> r.get("/api/t/" + t + "/providers/lingnan-science-studio/statements/2020-01").statusCode());
        PROBE.put("stipends.manage", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/stipends/rate").statusCode());
        // A month nobody computed: 200 with status NONE once allowed.
        PROBE.put("stipends.read", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/stipends/2020-01").statusCode());
        PROBE.put("stipends.own", (r, t) -> r.get("/api/t/" + t + "/me/stipends").statusCode());
    }

    /** Attendance probes: a service at SCHOOL with yj-service-teacher on duty, and a child of yj-parent on it. */
    static final java.util.concurrent.atomic.AtomicReference<String[]> ATTENDANCE = new java.util.concurrent.atomic.AtomicReference<>();

    static String[] attendanceFixture() {
        return ATTENDANCE.updateAndGet(existing -> {
            if (existing != null) {
                return existing;
            }
            try {
                var s = cn.kehou.server.attendance.AttendanceFixtures.allDay(DISTRICT, SCHOOL);
                UUID child = cn.kehou.server.attendance.AttendanceFixtures.arranged(s, "yj-parent", "矩阵点名");
                cn.kehou.server.attendance.AttendanceFixtures.duty(s, "yj-school-admin", "yj-service-teacher");
                return new String[] {s.path(), child.toString(), s.roster(cn.kehou.server.attendance.AttendanceFixtures.today())};
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static {
        PROBE.put("me.notices", (r, t) -> r.get("/api/t/" + t + "/me/notices").statusCode());
        PROBE.put("attendance.roster", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/rosters").statusCode());
        // Nobody chosen: 400 after the permission (and duty) check, nothing saved.
        PROBE.put("attendance.mark", (r, t) -> r.contentType(ContentType.JSON).body("{\"children\": [], \"all\": false}")
                .post(attendanceFixture()[2] + "/check-ins").statusCode());
        // Not a member of the school's staff: 422 after the permission check, nothing saved.
        PROBE.put("attendance.duty", (r, t) -> r.contentType(ContentType.JSON).body("{\"teachers\": [\"matrix-nobody\"]}")
                .put(attendanceFixture()[0] + "/roster-duty").statusCode());
        PROBE.put("attendance.exceptions", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/attendance-exceptions").statusCode());
        PROBE.put("incident.report", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/incidents").statusCode());
        PROBE.put("attendance.audit", (r, t) -> r.get("/api/t/" + t + "/attendance-audit/verification").statusCode());
        PROBE.put("safety.gate", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/safety/visitors").statusCode());
        PROBE.put("safety.registers", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/safety/insurance").statusCode());
        PROBE.put("me.pickup", (r, t) -> r.get("/api/t/" + t + "/me/children/" + attendanceFixture()[1] + "/pickup-persons").statusCode());
    }

    /** yj-parent sits on SCHOOL's parents' committee (demo data seats them; set here too, as the demo loader would). */
    static final java.util.concurrent.atomic.AtomicBoolean COMMITTEE = new java.util.concurrent.atomic.AtomicBoolean();

    static void committeeSeat() {
        if (COMMITTEE.compareAndSet(false, true)) {
            try (var c = cn.kehou.server.testing.Db.superuser()) {
                cn.kehou.server.enrollment.EnrollmentFixtures.exec(c, "INSERT INTO parents_committee_member (tenant_id, school_id, username,"
                        + " added_by) SELECT tenant_id, id, 'yj-parent', 'fixture' FROM school WHERE code = ? ON CONFLICT DO NOTHING", SCHOOL);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Disclosure probes (issue 13): a refusal after the permission check (400) proves "allowed", nothing saved. */
    static {
        // A ledger summary without its term: 400 after the permission check.
        PROBE.put("disclosure.publish", (r, t) -> r.contentType(ContentType.JSON).body("{\"kind\": \"LEDGER_SUMMARY\"}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/disclosures").statusCode());
        PROBE.put("ledger.summary", (r, t) -> {
            committeeSeat();
            return r.get("/api/t/" + t + "/schools/" + SCHOOL + "/ledger-summary").statusCode();
        });
        // Sent to the guardians of the withdrawn fixture application's service: nobody is asked (201 once allowed).
        PROBE.put("survey.send", (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"service\": \"" + enrollmentFixture()[0] + "\", \"title\": \"矩阵调查\", \"questions\": [\"满意吗\"]}")
                .post("/api/t/" + t + "/schools/" + SCHOOL + "/surveys").statusCode());
        PROBE.put("survey.results", (r, t) -> {
            committeeSeat();
            return r.get("/api/t/" + t + "/schools/" + SCHOOL + "/surveys").statusCode();
        });
        PROBE.put("me.surveys", (r, t) -> r.get("/api/t/" + t + "/me/surveys").statusCode());
        PROBE.put("complaint.file", (r, t) -> r.get("/api/t/" + t + "/me/complaints").statusCode());
        PROBE.put("complaint.handle", (r, t) -> r.get("/api/t/" + t + "/complaints").statusCode());
        PROBE.put("report.read", (r, t) -> r.get("/api/t/" + t + "/reports").statusCode());
        PROBE.put("dashboard.read", (r, t) -> r.get("/api/t/" + t + "/dashboard").statusCode());
        PROBE.put("report.school", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/reports").statusCode());
        PROBE.put("committee.manage", (r, t) -> r.get("/api/t/" + t + "/schools/" + SCHOOL + "/parents-committee").statusCode());
    }

    @Test
    void every_role_can_do_exactly_what_the_permission_table_says() throws IOException {
        Map<String, Set<String>> table = permissionTable();
        assertThat(PROBE.keySet()).as("a probe for every permission in permissions.json").containsAll(table.keySet());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> permission : table.entrySet()) {
            for (Map.Entry<String, String[]> actor : ACTOR.entrySet()) {
                String role = actor.getKey();
                RequestSpecification request = given().auth().oauth2(Tokens.of(actor.getValue()[0]));
                int status = PROBE.get(permission.getKey()).apply(request, actor.getValue()[1]);
                boolean allowed = status != 401 && status != 403 && status != 404;
                boolean expected = permission.getValue().contains(role);
                if (allowed != expected || status >= 500) {
                    wrong.add(permission.getKey() + " as " + role + ": HTTP " + status + ", expected "
                            + (expected ? "allowed" : "refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_school_admin_of_one_school_cannot_act_on_another_school_of_the_same_tenant() {
        given().auth().oauth2(Tokens.of("yj-school-admin"))
                .when().get("/api/t/" + DISTRICT + "/schools/yangjiang-jiangcheng-no2-junior/children")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("yj-school-admin"))
                .when().get("/api/t/" + DISTRICT + "/schools/" + SCHOOL + "/children")
                .then().statusCode(200);
    }

    @Test
    void an_inspector_reads_but_cannot_write() {
        given().auth().oauth2(Tokens.of("yj-inspector")).when().get("/api/t/" + DISTRICT + "/schools").then().statusCode(200);
        given().auth().oauth2(Tokens.of("yj-inspector")).contentType(ContentType.JSON)
                .body("{\"code\": \"inspector-school\", \"nameZh\": \"督导\", \"nameEn\": \"Inspector\", \"level\": \"PRIMARY\","
                        + " \"urban\": true, \"boarding\": false, \"normalDismissal\": \"16:30\"}")
                .when().post("/api/t/" + DISTRICT + "/schools").then().statusCode(403);
    }

    static Map<String, Set<String>> permissionTable() throws IOException {
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream("/identity/permissions.json")) {
            JsonNode root = new ObjectMapper().readTree(in).get("permissions");
            Map<String, Set<String>> table = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<String> roles = new HashSet<>();
                e.getValue().get("roles").forEach(r -> roles.add(r.asText()));
                table.put(e.getKey(), roles);
            }
            return table;
        }
    }
}
