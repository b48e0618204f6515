package cn.kehou.server.catalog;

import cn.kehou.server.tenancy.DescriptorLoader;
import cn.kehou.server.testing.Db;
import cn.kehou.server.testing.DemoUsers;
import cn.kehou.server.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** The catalog API as the demo users call it, for the catalog tests: two regions, Yangjiang and Urumqi. */
final class CatalogApi {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String YJ_CITY = "guangdong-yangjiang";
    static final String YJ_SCHOOL = "yangjiang-jiangcheng-no1-primary";
    static final String UQ = "xinjiang-urumqi-tianshan";
    static final String UQ_CITY = "xinjiang-urumqi";
    static final String UQ_SCHOOL = "urumqi-tianshan-no1-primary";

    static final String WEEKDAYS = "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"]";

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private CatalogApi() {
    }

    static String fresh(String prefix) {
        return prefix + "-" + UNIQUE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Tokens live five minutes: these tests fetch a new one after four rather than reuse a stale one. */
    private static final Map<String, Map.Entry<Instant, String>> TOKENS = new ConcurrentHashMap<>();

    static RequestSpecification as(String user) {
        Map.Entry<Instant, String> token = TOKENS.compute(user, (u, old) -> old != null && old.getKey().isAfter(Instant.now())
                ? old : Map.entry(Instant.now().plusSeconds(240), Tokens.fetch(u, DemoUsers.byUsername(u).password())));
        return given().auth().oauth2(token.getValue()).contentType(ContentType.JSON);
    }

    static String site(String tenant, String school) {
        return "/api/t/" + tenant + "/schools/" + school;
    }

    static String json(String s) {
        return s.replace('\'', '"');
    }

    static String term(String user, String tenant, String school, String from, String to) {
        return as(user).body(json("{'name': '" + fresh("学期") + "', 'startsOn': '" + from + "', 'endsOn': '" + to + "'}"))
                .post(site(tenant, school) + "/terms").then().statusCode(201).extract().path("id");
    }

    static void approvePlan(String schoolUser, String bureau, String tenant, String school, String term) {
        as(schoolUser).body(json("{'organisation': '校长负责', 'content': '作业辅导与阅读', 'times': '放学后', 'venues': '教室',"
                        + " 'staffing': '本校教师', 'safeguards': '考勤与交接', 'timetable': '周一至周五'}"))
                .put(site(tenant, school) + "/terms/" + term + "/plan").then().statusCode(200);
        as(schoolUser).post(site(tenant, school) + "/terms/" + term + "/plan/file").then().statusCode(200);
        as(bureau).body("{\"approved\": true}").post(site(tenant, school) + "/terms/" + term + "/plan/review")
                .then().statusCode(200);
    }

    /** Posts a service; {@code extra} is more JSON fields (with a leading comma) or "". */
    static ValidatableResponse service(String user, String tenant, String school, String term, String kind, String tags,
                                       String days, String start, String end, String from, String to, long feeFen,
                                       String extra) {
        return as(user).body(json("{'term': '" + term + "', 'kind': '" + kind + "', 'titleZh': '" + kind + " 测试',"
                        + " 'tags': " + tags + ", 'gradeFrom': 1, 'gradeTo': 6, 'days': " + days + ", 'start': '" + start
                        + "', 'end': '" + end + "', 'validFrom': '" + from + "', 'validTo': '" + to + "', 'capacity': 40,"
                        + " 'feeFen': " + feeFen + ", 'feeCostedOn': '2027-01-15', 'venue': '一楼教室'" + extra + "}"))
                .post(site(tenant, school) + "/services").then();
    }

    /** A school-staff member registered and vetted until {@code validTo}; returns the id. */
    static String vettedStaff(String schoolUser, String bureau, String tenant, String school, String name) {
        String id = as(schoolUser).body(json("{'nameZh': '" + name + "', 'kind': 'SCHOOL_STAFF', 'qualification': '小学教师资格'}"))
                .post(site(tenant, school) + "/staff").then().statusCode(201).extract().path("id");
        as(bureau).body(json("{'ethicsOk': true, 'recordCheckOk': true, 'healthOk': true, 'qualificationOk': true,"
                        + " 'validTo': '2029-12-31'}"))
                .post(site(tenant, school) + "/staff/" + id + "/vetting").then().statusCode(200);
        return id;
    }

    static void assign(String user, String tenant, String school, String service, String... staff) {
        as(user).body("{\"staff\": [" + String.join(", ", java.util.Arrays.stream(staff).map(s -> "\"" + s + "\"").toList()) + "]}")
                .put(site(tenant, school) + "/services/" + service + "/staff").then().statusCode(200);
    }

    /** A provider new to the registry with one course; returns {code, courseId}. */
    static String[] providerWithCourse(String tenant, long offCampusFen, int gradeFrom, int gradeTo) {
        String code = fresh("prov");
        as("kehou-admin").body(json("{'code': '" + code + "', 'nameZh': '测试机构', 'nameEn': 'Test Provider',"
                        + " 'licenceNo': 'T-" + code + "', 'nonAcademic': true}"))
                .post("/api/t/" + tenant + "/providers").then().statusCode(201);
        String course = as("kehou-admin").body(json("{'titleZh': '科学探究', 'tags': ['SCIENCE', 'TECHNOLOGY'],"
                        + " 'gradeFrom': " + gradeFrom + ", 'gradeTo': " + gradeTo + ", 'days': ['MONDAY', 'WEDNESDAY'],"
                        + " 'offCampusFen': " + offCampusFen + "}"))
                .post("/api/t/" + tenant + "/providers/" + code + "/courses").then().statusCode(201).extract().path("id");
        return new String[] {code, course};
    }

    static void approveProvider(String bureau, String tenant, String code) {
        as(bureau).body(json("{'scope': ['QUALITY_COURSE', 'HOLIDAY_CARE'], 'validFrom': '2026-01-01', 'validTo': '2029-12-31'}"))
                .put("/api/t/" + tenant + "/providers/" + code + "/approval").then().statusCode(200);
    }

    /** A fresh primary school in Yangjiang's Jiangcheng district (the bureau runs it in these tests). */
    static String freshYangjiangSchool(String extra) {
        String code = fresh("cat").toLowerCase().replaceAll("[^a-z0-9-]", "");
        as("yj-bureau-admin").body(json("{'code': '" + code + "', 'nameZh': '目录测试小学', 'nameEn': 'Catalog Test Primary',"
                        + " 'level': 'PRIMARY', 'urban': true, 'boarding': false, 'normalDismissal': '16:10'" + extra + "}"))
                .post("/api/t/" + YJ + "/schools").then().statusCode(201);
        return code;
    }

    /** Children at a school, written underneath the server (the school's records already exist there). */
    static List<String> children(String tenant, String school, int... grades) throws SQLException {
        UUID tenantId = DescriptorLoader.tenantId(tenant);
        UUID schoolId = DescriptorLoader.schoolId(tenant, school);
        List<String> ids = new ArrayList<>();
        try (Connection c = Db.superuser(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO child (tenant_id, id, school_id, name_zh, grade, class_name) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int grade : grades) {
                UUID id = UUID.randomUUID();
                s.setObject(1, tenantId);
                s.setObject(2, id);
                s.setObject(3, schoolId);
                s.setString(4, "午休生" + ids.size());
                s.setInt(5, grade);
                s.setString(6, grade + "(1)班");
                s.executeUpdate();
                ids.add(id.toString());
            }
        }
        return ids;
    }
}
