package cn.kehou.server.identity;

import cn.kehou.server.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every tenant operation in the OpenAPI document: tenant B's own user gets a 2xx (positive
 * control), and tenant A's user holding the same role gets 403/404 with none of B's data in the
 * body. An operation added without a fixture here fails the test, so new endpoints are covered.
 */
@QuarkusTest
class CrossTenantMatrixTest {

    /** One tenant's fixtures: who acts, where, on what. */
    record Side(String tenant, String city, String school, String bureau, String schoolAdmin, String classTeacher,
                String parent, String childName, String childGrade, String childClass, String leakMarker,
                String dismissal, String serviceEnd) {
    }

    static final Side A = new Side("xinjiang-urumqi-tianshan", "xinjiang-urumqi", "urumqi-tianshan-no1-primary",
            "urumqi-bureau-admin", "urumqi-school-admin", "urumqi-class-teacher", "urumqi-parent",
            "韩小乐", "1", "一(2)班", "乌鲁木齐市天山区第一小学", "18:30", "20:00");
    static final Side B = new Side("guangdong-yangjiang-jiangcheng", "guangdong-yangjiang", "yangjiang-jiangcheng-no1-primary",
            "yj-bureau-admin", "yj-school-admin", "yj-class-teacher", "yj-parent",
            "陈小明", "2", "二(1)班", "阳江市江城区第一小学", "16:10", "17:40");

    /** A call as {@code side}'s user of the right role against {@code target}'s tenant and data. */
    interface Fixture {
        Response call(Side actor, Side target);
    }

    static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger UNIQUE = new java.util.concurrent.atomic.AtomicInteger();
    static final Map<Side, String> NEW_PARENT = new LinkedHashMap<>();

    static RequestSpecification as(String username) {
        return given().auth().oauth2(username.matches("\\d+") ? Tokens.fetch(username, "Matrix-pass-1") : Tokens.of(username));
    }

    static String json(String s) {
        return s.replace('\'', '"');
    }

    /** A fresh link request by a newly registered parent of {@code side}, for the review fixtures. */
    static String pendingLink(Side side) {
        String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        given().contentType(ContentType.JSON)
                .body(json("{'phone': '" + phone + "', 'password': 'Matrix-pass-1', 'displayName': '审核家长'}"))
                .post("/api/public/t/" + side.tenant + "/parents").then().statusCode(201);
        return as(phone).contentType(ContentType.JSON)
                .body(json("{'school': '" + side.school + "', 'childName': '" + side.childName + "', 'grade': " + side.childGrade
                        + ", 'className': '" + side.childClass + "', 'relation': 'OTHER_GUARDIAN'}"))
                .post("/api/t/" + side.tenant + "/me/guardianships").then().extract().path("id");
    }

    static String childOf(Side side) {
        return as(side.parent).get("/api/t/" + side.tenant + "/me/children").then().extract().path("[0].id");
    }

    static {
        FIXTURES.put("GET /api/t/{tenant}", (a, t) -> as(a.parent).get("/api/t/" + t.tenant));
        FIXTURES.put("GET /api/t/{tenant}/schools", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/schools"));
        FIXTURES.put("POST /api/t/{tenant}/schools", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'code': 'x-" + UUID.randomUUID().toString().substring(0, 8) + "', 'nameZh': '跨租户', 'nameEn': 'Cross',"
                        + " 'level': 'PRIMARY', 'urban': true, 'boarding': false, 'normalDismissal': '16:30'}"))
                .post("/api/t/" + t.tenant + "/schools"));
        FIXTURES.put("GET /api/t/{tenant}/policy", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/policy?school=" + t.school));
        FIXTURES.put("POST /api/t/{tenant}/policy/window-check", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'school': '" + t.school + "', 'kind': 'BASIC_CARE', 'start': '16:30', 'end': '18:00',"
                        + " 'from': '2026-11-02', 'to': '2026-11-06'}"))
                .post("/api/t/" + t.tenant + "/policy/window-check"));
        FIXTURES.put("GET /api/t/{tenant}/roles", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/roles"));
        // Only the platform admin loads descriptors; A's bureau admin stands for the other side.
        FIXTURES.put("POST /api/t/{tenant}/descriptors", (a, t) -> as(a == B ? "kehou-admin" : a.bureau).contentType(ContentType.JSON).body("{\"tenants\": [], \"schools\": []}")
                .post("/api/t/" + t.tenant + "/descriptors"));
        FIXTURES.put("GET /api/t/{tenant}/me/children", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/children"));
        FIXTURES.put("GET /api/t/{tenant}/me/consent-text", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/consent-text"));
        FIXTURES.put("POST /api/t/{tenant}/me/guardianships", (a, t) -> as(NEW_PARENT.get(a)).contentType(ContentType.JSON)
                .body(json("{'school': '" + t.school + "', 'childName': '" + t.childName + "', 'grade': " + t.childGrade
                        + ", 'className': '" + t.childClass + "', 'relation': 'GRANDPARENT'}"))
                .post("/api/t/" + t.tenant + "/me/guardianships"));
        FIXTURES.put("POST /api/t/{tenant}/me/children/{child}/consent", (a, t) -> {
            String sha = as(t.parent).get("/api/t/" + t.tenant + "/me/consent-text").then().extract().path("sha256");
            return as(a.parent).contentType(ContentType.JSON)
                    .body(json("{'textVersion': 'pipl-consent-v1', 'textSha256': '" + sha + "'}"))
                    .post("/api/t/" + t.tenant + "/me/children/" + childOf(t) + "/consent");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/children", (a, t) ->
                as(a.schoolAdmin).get("/api/t/" + t.tenant + "/schools/" + t.school + "/children"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/guardianships", (a, t) ->
                as(a.classTeacher).get("/api/t/" + t.tenant + "/schools/" + t.school + "/guardianships"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/guardianships/{id}/confirm", (a, t) ->
                as(a.classTeacher).post("/api/t/" + t.tenant + "/schools/" + t.school + "/guardianships/" + pendingLink(t) + "/confirm"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/guardianships/{id}/reject", (a, t) ->
                as(a.classTeacher).post("/api/t/" + t.tenant + "/schools/" + t.school + "/guardianships/" + pendingLink(t) + "/reject"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/schedules", (a, t) ->
                as(a.schoolAdmin).get("/api/t/" + t.tenant + "/schools/" + t.school + "/schedules"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/schedules", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'kind': 'BASIC_CARE', 'start': '" + t.dismissal + "', 'end': '" + t.serviceEnd + "',"
                        + " 'days': ['MONDAY', 'TUESDAY'], 'validFrom': '2027-11-01', 'validTo': '2027-11-30'}"))
                .post("/api/t/" + t.tenant + "/schools/" + t.school + "/schedules"));
        FIXTURES.put("GET /api/t/{tenant}/policy/versions", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/policy/versions"));
        FIXTURES.put("POST /api/t/{tenant}/policy/versions/preview", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'effectiveFrom': '2031-09-01', 'pluginConfig': {}}"))
                .post("/api/t/" + t.tenant + "/policy/versions/preview"));
        FIXTURES.put("POST /api/t/{tenant}/policy/versions", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'effectiveFrom': '" + java.time.LocalDate.of(2032, 1, 1).plusDays(UNIQUE.incrementAndGet())
                        + "', 'pluginConfig': {}, 'note': 'matrix'}"))
                .post("/api/t/" + t.tenant + "/policy/versions"));
        FIXTURES.put("POST /api/t/{tenant}/me/applications", (a, t) -> as(a.parent).contentType(ContentType.JSON)
                .header("Idempotency-Key", "xt-" + UUID.randomUUID())
                .body(json("{'child': '" + Enroll.child(t) + "', 'service': '" + Enroll.service(t, "FIRST_COME") + "'}"))
                .post("/api/t/" + t.tenant + "/me/applications"));
        FIXTURES.put("GET /api/t/{tenant}/me/applications", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/applications"));
        FIXTURES.put("POST /api/t/{tenant}/me/applications/{id}/withdraw", (a, t) ->
                as(a.parent).post("/api/t/" + t.tenant + "/me/applications/" + Enroll.application(t) + "/withdraw"));
        FIXTURES.put("POST /api/t/{tenant}/me/applications/{id}/accept-offer", (a, t) ->
                as(a.parent).post("/api/t/" + t.tenant + "/me/applications/" + Enroll.offered(t) + "/accept-offer"));
        FIXTURES.put("POST /api/t/{tenant}/me/applications/{id}/confirm", (a, t) ->
                as(a.parent).post("/api/t/" + t.tenant + "/me/applications/" + Enroll.atConfirm(t) + "/confirm"));
        FIXTURES.put("GET /api/t/{tenant}/me/applications/{id}/agreement", (a, t) ->
                as(a.parent).get("/api/t/" + t.tenant + "/me/applications/" + Enroll.application(t) + "/agreement"));
        FIXTURES.put("POST /api/t/{tenant}/me/applications/{id}/signatures", (a, t) -> {
            String app = Enroll.application(t);
            io.restassured.path.json.JsonPath doc = as(t.parent).get("/api/t/" + t.tenant + "/me/applications/" + app + "/agreement")
                    .then().extract().jsonPath();
            return as(a.parent).contentType(ContentType.JSON)
                    .body(json("{'documentCode': '" + doc.getString("[0].code") + "', 'textSha256': '" + doc.getString("[0].sha256") + "'}"))
                    .post("/api/t/" + t.tenant + "/me/applications/" + app + "/signatures");
        });
        FIXTURES.put("GET /api/t/{tenant}/me/services", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/services"));
        FIXTURES.put("GET /api/t/{tenant}/me/applications/{id}/withdrawal", (a, t) ->
                as(a.parent).get("/api/t/" + t.tenant + "/me/applications/" + Enroll.application(t) + "/withdrawal"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/applications", (a, t) ->
                as(a.schoolAdmin).get("/api/t/" + t.tenant + "/schools/" + t.school + "/applications"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/applications/{id}/review", (a, t) -> as(a.schoolAdmin)
                .contentType(ContentType.JSON).body("{\"approve\": true}")
                .post("/api/t/" + t.tenant + "/schools/" + t.school + "/applications/" + Enroll.application(t) + "/review"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/lottery", (a, t) -> as(a.schoolAdmin)
                .contentType(ContentType.JSON).body("{\"seed\": 7}")
                .post("/api/t/" + t.tenant + "/schools/" + t.school + "/services/" + Enroll.service(t, "LOTTERY") + "/lottery"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/services/{service}/lottery", (a, t) -> as(a.schoolAdmin)
                .get("/api/t/" + t.tenant + "/schools/" + t.school + "/services/" + Enroll.service(t, "LOTTERY") + "/lottery"));
        FIXTURES.put("POST /api/t/{tenant}/tenants", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'code': '" + t.city + "-m" + UUID.randomUUID().toString().substring(0, 6) + "', 'nameZh': '矩阵区',"
                        + " 'nameEn': 'Matrix District', 'kind': 'DISTRICT', 'admin': {'username': 'm"
                        + UUID.randomUUID().toString().substring(0, 8) + "', 'displayName': '矩阵'}}"))
                .post("/api/t/" + t.city + "/tenants"));
        FIXTURES.put("POST /api/t/{tenant}/tenants/{child}/status", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\"}").post("/api/t/" + t.city + "/tenants/" + t.tenant + "/status"));
    }

    // ------------------------------------------------------------------ catalog fixtures
    // Everything a fixture needs in the target tenant is arranged by the target's own users first;
    // the call under test is then made by the actor. Names and codes are fresh on every call.

    static String fresh() {
        return "m" + UNIQUE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static String sitePath(Side t) {
        return "/api/t/" + t.tenant + "/schools/" + t.school;
    }

    /** A term of the next school year (its plan can still be approved before it starts). */
    static String termOf(Side t) {
        return as(t.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'name': '矩阵学期 " + fresh() + "', 'startsOn': '2027-09-01', 'endsOn': '2028-01-20'}"))
                .post(sitePath(t) + "/terms").then().statusCode(201).extract().path("id");
    }

    static void writePlan(Side t, String term) {
        as(t.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'organisation': '校长负责', 'content': '作业辅导与阅读', 'times': '放学后', 'venues': '教室',"
                        + " 'staffing': '本校教师', 'safeguards': '考勤与交接', 'timetable': '周一至周五'}"))
                .put(sitePath(t) + "/terms/" + term + "/plan").then().statusCode(200);
    }

    static void filePlan(Side t, String term) {
        as(t.schoolAdmin).post(sitePath(t) + "/terms/" + term + "/plan/file").then().statusCode(200);
    }

    static String approvedTerm(Side t) {
        String term = termOf(t);
        writePlan(t, term);
        filePlan(t, term);
        as(t.bureau).contentType(ContentType.JSON).body("{\"approved\": true}")
                .post(sitePath(t) + "/terms/" + term + "/plan/review").then().statusCode(200);
        return term;
    }

    /** A November service in the target's own after-school window, priced within both regions' rules. */
    static String serviceOf(Side t, String term, String kind, String start, String end, String providerPart) {
        return as(t.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'term': '" + term + "', 'kind': '" + kind + "', 'titleZh': '矩阵服务', 'tags': ['READING', 'HOMEWORK'],"
                        + " 'gradeFrom': 1, 'gradeTo': 6, 'days': ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],"
                        + " 'start': '" + start + "', 'end': '" + end + "', 'validFrom': '2027-11-01', 'validTo': '2027-11-30',"
                        + " 'capacity': 40, 'feeFen': 20000, 'feeCostedOn': '2027-06-01', 'venue': '教室'" + providerPart + "}"))
                .post(sitePath(t) + "/services").then().statusCode(201).extract().path("id");
    }

    static String basicCare(Side t, String term) {
        return serviceOf(t, term, "BASIC_CARE", t.dismissal, t.serviceEnd, "");
    }

    static String vettedStaff(Side t) {
        String staff = as(t.schoolAdmin).contentType(ContentType.JSON).body(json("{'nameZh': '矩阵老师', 'kind': 'SCHOOL_STAFF'}"))
                .post(sitePath(t) + "/staff").then().statusCode(201).extract().path("id");
        as(t.bureau).contentType(ContentType.JSON)
                .body(json("{'ethicsOk': true, 'recordCheckOk': true, 'healthOk': true, 'qualificationOk': true,"
                        + " 'validTo': '2029-12-31'}"))
                .post(sitePath(t) + "/staff/" + staff + "/vetting").then().statusCode(200);
        return staff;
    }

    /** A provider new to the registry, registered by the target's bureau. */
    static String freshProvider(Side t) {
        String code = fresh();
        as(t.bureau).contentType(ContentType.JSON)
                .body(json("{'code': '" + code + "', 'nameZh': '矩阵机构', 'nameEn': 'Matrix Provider', 'licenceNo': 'M-" + code
                        + "', 'nonAcademic': true}"))
                .post("/api/t/" + t.tenant + "/providers").then().statusCode(201);
        return code;
    }

    static void approve(Side t, String provider) {
        as(t.bureau).contentType(ContentType.JSON)
                .body(json("{'scope': ['QUALITY_COURSE'], 'validFrom': '2026-01-01', 'validTo': '2029-12-31'}"))
                .put("/api/t/" + t.city + "/providers/" + provider + "/approval").then().statusCode(200);
    }

    /** A provider course in the target school, by a provider the target's city approved. */
    static String providerCourse(Side t, String term) {
        String provider = freshProvider(t);
        String course = as("kehou-admin").contentType(ContentType.JSON)
                .body(json("{'titleZh': '矩阵科学', 'tags': ['SCIENCE'], 'gradeFrom': 1, 'gradeTo': 9,"
                        + " 'days': ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], 'offCampusFen': 200000}"))
                .post("/api/t/" + t.tenant + "/providers/" + provider + "/courses").then().statusCode(201).extract().path("id");
        approve(t, provider);
        return serviceOf(t, term, "QUALITY_COURSE", t.dismissal, t.serviceEnd,
                ", 'provider': '" + provider + "', 'providerCourse': '" + course + "'");
    }

    static String noonCare(Side t, String term) {
        return serviceOf(t, term, "NOON_CARE", "12:00", "14:00", "");
    }

    static {
        FIXTURES.put("GET /api/t/{tenant}/providers", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/providers"));
        FIXTURES.put("POST /api/t/{tenant}/providers", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'code': '" + fresh() + "', 'nameZh': '跨租户机构', 'nameEn': 'Cross', 'licenceNo': 'X-1',"
                        + " 'nonAcademic': true}"))
                .post("/api/t/" + t.tenant + "/providers"));
        FIXTURES.put("GET /api/t/{tenant}/providers/{provider}", (a, t) ->
                as(a.bureau).get("/api/t/" + t.tenant + "/providers/lingnan-science-studio"));
        // Only the platform or the provider's own admin adds courses; A's provider admin stands for the other side.
        FIXTURES.put("POST /api/t/{tenant}/providers/{provider}/courses", (a, t) -> {
            String provider = freshProvider(t);
            return as(a == B ? "kehou-admin" : "urumqi-provider-admin").contentType(ContentType.JSON)
                    .body(json("{'titleZh': '跨租户课程', 'tags': ['ARTS'], 'gradeFrom': 1, 'gradeTo': 6, 'days': ['FRIDAY'],"
                            + " 'offCampusFen': 150000}"))
                    .post("/api/t/" + t.tenant + "/providers/" + provider + "/courses");
        });
        FIXTURES.put("PUT /api/t/{tenant}/providers/{provider}/approval", (a, t) -> {
            String provider = freshProvider(t);
            return as(a.bureau).contentType(ContentType.JSON)
                    .body(json("{'scope': ['QUALITY_COURSE'], 'validFrom': '2026-01-01', 'validTo': '2029-12-31'}"))
                    .put("/api/t/" + t.tenant + "/providers/" + provider + "/approval");
        });
        FIXTURES.put("POST /api/t/{tenant}/providers/{provider}/approval/status", (a, t) -> {
            String provider = freshProvider(t);
            approve(t, provider);
            return as(a.bureau).contentType(ContentType.JSON)
                    .body(json("{'status': 'BLACKLISTED', 'reason': '招揽学生', 'on': '2026-11-01'}"))
                    .post("/api/t/" + t.city + "/providers/" + provider + "/approval/status");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/staff", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/staff"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/staff", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'nameZh': '跨租户志愿者', 'kind': 'VOLUNTEER'}")).post(sitePath(t) + "/staff"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/staff/{staff}/vetting", (a, t) -> {
            String staff = as(t.schoolAdmin).contentType(ContentType.JSON).body(json("{'nameZh': '待审老师', 'kind': 'RETIRED_TEACHER'}"))
                    .post(sitePath(t) + "/staff").then().statusCode(201).extract().path("id");
            return as(a.bureau).contentType(ContentType.JSON)
                    .body(json("{'ethicsOk': true, 'recordCheckOk': true, 'healthOk': true, 'qualificationOk': true,"
                            + " 'validTo': '2029-12-31'}"))
                    .post(sitePath(t) + "/staff/" + staff + "/vetting");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/staff/{staff}/withdraw", (a, t) ->
                as(a.bureau).contentType(ContentType.JSON).body(json("{'reason': '师德问题'}"))
                        .post(sitePath(t) + "/staff/" + vettedStaff(t) + "/withdraw"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/terms", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/terms"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/terms", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'name': '跨租户学期 " + fresh() + "', 'startsOn': '2027-09-01', 'endsOn': '2028-01-20',"
                        + " 'holidays': [{'name': '国庆节', 'from': '2027-10-01', 'to': '2027-10-07'}]}"))
                .post(sitePath(t) + "/terms"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/terms/{term}/plan", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'organisation': '校长负责', 'content': '阅读', 'times': '放学后', 'venues': '教室',"
                        + " 'staffing': '本校教师', 'safeguards': '考勤', 'timetable': '周一至周五'}"))
                .put(sitePath(t) + "/terms/" + termOf(t) + "/plan"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/terms/{term}/plan/file", (a, t) -> {
            String term = termOf(t);
            writePlan(t, term);
            return as(a.schoolAdmin).post(sitePath(t) + "/terms/" + term + "/plan/file");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/terms/{term}/plan/review", (a, t) -> {
            String term = termOf(t);
            writePlan(t, term);
            filePlan(t, term);
            return as(a.bureau).contentType(ContentType.JSON).body("{\"approved\": true}")
                    .post(sitePath(t) + "/terms/" + term + "/plan/review");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/services", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/services"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services", (a, t) -> {
            String term = termOf(t);
            return as(a.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'term': '" + term + "', 'kind': 'BASIC_CARE', 'titleZh': '跨租户托管', 'tags': ['READING'],"
                            + " 'gradeFrom': 1, 'gradeTo': 6, 'days': ['MONDAY'], 'start': '" + t.dismissal + "', 'end': '"
                            + t.serviceEnd + "', 'validFrom': '2027-11-01', 'validTo': '2027-11-30', 'capacity': 30,"
                            + " 'feeFen': 10000, 'feeCostedOn': '2027-06-01', 'venue': '教室'}"))
                    .post(sitePath(t) + "/services");
        });
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/services/{service}", (a, t) -> {
            String term = termOf(t);
            String service = basicCare(t, term);
            return as(a.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'term': '" + term + "', 'kind': 'BASIC_CARE', 'titleZh': '跨租户改名', 'tags': ['READING'],"
                            + " 'gradeFrom': 1, 'gradeTo': 6, 'days': ['MONDAY'], 'start': '" + t.dismissal + "', 'end': '"
                            + t.serviceEnd + "', 'validFrom': '2027-11-01', 'validTo': '2027-11-30', 'capacity': 30,"
                            + " 'feeFen': 10000, 'feeCostedOn': '2027-06-01', 'venue': '教室'}"))
                    .put(sitePath(t) + "/services/" + service);
        });
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/services/{service}/staff", (a, t) -> {
            String service = basicCare(t, termOf(t));
            String staff = vettedStaff(t);
            return as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'staff': ['" + staff + "']}"))
                    .put(sitePath(t) + "/services/" + service + "/staff");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/enrollment-open", (a, t) -> {
            String service = basicCare(t, approvedTerm(t));
            as(t.schoolAdmin).contentType(ContentType.JSON).body(json("{'staff': ['" + vettedStaff(t) + "']}"))
                    .put(sitePath(t) + "/services/" + service + "/staff").then().statusCode(200);
            return as(a.schoolAdmin).post(sitePath(t) + "/services/" + service + "/enrollment-open");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/bid", (a, t) -> {
            String service = providerCourse(t, termOf(t));
            return as(a.bureau).contentType(ContentType.JSON)
                    .body(json("{'round': '2027年第1轮', 'winningFen': 18000, 'awardedOn': '2027-08-01'}"))
                    .post(sitePath(t) + "/services/" + service + "/bid");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/recommendations", (a, t) ->
                as(a.schoolAdmin).get(sitePath(t) + "/recommendations"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/meal-plans", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/meal-plans"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/meal-plans", (a, t) -> {
            String term = termOf(t);
            return as(a.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'term': '" + term + "', 'meal': 'LUNCH', 'source': 'SCHOOL_CANTEEN', 'canteenName': '学校食堂',"
                            + " 'foodLicenceNo': 'JY-0001', 'foodLicenceValidTo': '2030-12-31', 'priceFen': 1200}"))
                    .post(sitePath(t) + "/meal-plans");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/nap-rooms", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/nap-rooms"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/nap-rooms", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'name': '跨租户午休室 " + fresh() + "', 'kind': 'CLASSROOM', 'capacity': 30, 'rank': 2, 'fireSafe': true}"))
                .post(sitePath(t) + "/nap-rooms"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/services/{service}/nap-assignments", (a, t) ->
                as(a.schoolAdmin).get(sitePath(t) + "/services/" + noonCare(t, termOf(t)) + "/nap-assignments"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/nap-assignments", (a, t) -> {
            String service = noonCare(t, termOf(t));
            return as(a.schoolAdmin).contentType(ContentType.JSON).body("{\"children\": []}")
                    .post(sitePath(t) + "/services/" + service + "/nap-assignments");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/facility-openings", (a, t) ->
                as(a.schoolAdmin).get(sitePath(t) + "/facility-openings"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/facility-openings", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'facility': 'LIBRARY', 'nameZh': '图书馆', 'days': ['SATURDAY'], 'start': '09:00', 'end': '11:30',"
                        + " 'validFrom': '2027-11-01', 'validTo': '2027-11-30'}"))
                .post(sitePath(t) + "/facility-openings"));
    }

    /** Two parents registered through the public API, one per side, for the link-request fixtures. */
    static void registerFreshParents() {
        if (!NEW_PARENT.isEmpty()) {
            return;
        }
        Map<Side, String> phones = Map.of(A, "13900001001", B, "13900001002");
        for (Side side : List.of(A, B)) {
            String phone = phones.get(side);
            given().contentType(ContentType.JSON)
                    .body(json("{'phone': '" + phone + "', 'password': 'Matrix-pass-1', 'displayName': '矩阵家长'}"))
                    .post("/api/public/t/" + side.tenant + "/parents");
            NEW_PARENT.put(side, phone);
        }
    }

    /** Enrollment fixtures per side, written directly or through the side's own users. */
    static final class Enroll {
        static final Map<String, String> SERVICES = new java.util.concurrent.ConcurrentHashMap<>();

        static String service(Side side, String allocation) {
            return SERVICES.computeIfAbsent(side.tenant + allocation, k -> {
                try {
                    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
                    boolean lottery = allocation.equals("LOTTERY");
                    return cn.kehou.server.enrollment.EnrollmentFixtures.service(side.tenant, side.school, 1, allocation, true,
                            lottery ? today.minusDays(5) : null, lottery ? today.minusDays(1) : null).id().toString();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        static String child(Side side) {
            try {
                return cn.kehou.server.enrollment.EnrollmentFixtures.child(side.tenant, side.school, "矩阵" + UNIQUE.incrementAndGet(),
                        2, side.parent).toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A fresh application of the side's parent, at the first review step (a big first-come service). */
        static String application(Side side) {
            try {
                String service = cn.kehou.server.enrollment.EnrollmentFixtures.service(side.tenant, side.school, 5, "FIRST_COME",
                        true, null, null).id().toString();
                return as(side.parent).contentType(ContentType.JSON).header("Idempotency-Key", "xt-" + UUID.randomUUID())
                        .body(json("{'child': '" + child(side) + "', 'service': '" + service + "'}"))
                        .post("/api/t/" + side.tenant + "/me/applications").then().statusCode(201).extract().path("id");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An application waiting for the family to accept a freed seat. */
        static String offered(Side side) {
            try {
                String service = cn.kehou.server.enrollment.EnrollmentFixtures.service(side.tenant, side.school, 1, "FIRST_COME",
                        true, null, null).id().toString();
                String first = null;
                String second = null;
                for (int i = 0; i < 2; i++) {
                    String id = as(side.parent).contentType(ContentType.JSON).header("Idempotency-Key", "xt-" + UUID.randomUUID())
                            .body(json("{'child': '" + child(side) + "', 'service': '" + service + "'}"))
                            .post("/api/t/" + side.tenant + "/me/applications").then().extract().path("id");
                    if (i == 0) {
                        first = id;
                    } else {
                        second = id;
                    }
                }
                as(side.parent).post("/api/t/" + side.tenant + "/me/applications/" + first + "/withdraw").then().statusCode(200);
                return second;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An application the school approved, now waiting for the family's confirmation (000's flow). */
        static String atConfirm(Side side) {
            String id = application(side);
            as(side.schoolAdmin).contentType(ContentType.JSON).body("{\"approve\": true}")
                    .post("/api/t/" + side.tenant + "/schools/" + side.school + "/applications/" + id + "/review");
            return id;
        }
    }

    // ------------------------------------------------------------------ payments fixtures
    // A service of the target with its fee published by the target's school admin, and a billed
    // order of the target's parent (its merchant account at the local gateway simulator set).

    static final class Pay {
        static cn.kehou.server.payments.PaymentsFixtures.Service service(Side t) {
            java.time.LocalDate today = cn.kehou.server.payments.PaymentsFixtures.today();
            try {
                return cn.kehou.server.payments.PaymentsFixtures.service(t.tenant, t.school, "BASIC_CARE",
                        java.time.LocalTime.of(16, 30), java.time.LocalTime.of(18, 0), 10000, today.minusMonths(1),
                        today.minusDays(20), today.plusDays(90));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static cn.kehou.server.payments.PaymentsFixtures.Service published(Side t) {
            var s = service(t);
            cn.kehou.server.payments.PaymentsFixtures.publishAll(Tokens.of(t.schoolAdmin), s, 10000);
            return s;
        }

        static String order(Side t) {
            var s = published(t);
            try {
                UUID app = cn.kehou.server.payments.PaymentsFixtures.arranged(s, t.parent, "矩阵缴费" + UNIQUE.incrementAndGet());
                cn.kehou.server.payments.PaymentsFixtures.charge(Tokens.of(t.schoolAdmin), s).then().statusCode(200);
                cn.kehou.server.payments.PaymentsFixtures.merchant(t.tenant, "matrix-" + t.tenant, "test-merchant-b");
                return cn.kehou.server.testing.Db.strings("SELECT order_id FROM order_line WHERE application_id = '" + app + "'").get(0);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static java.time.LocalDate nextWeekday() {
            java.time.LocalDate d = cn.kehou.server.payments.PaymentsFixtures.today().plusDays(1);
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            return d;
        }
    }

    static {
        FIXTURES.put("GET /api/t/{tenant}/me/orders", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/orders"));
        FIXTURES.put("GET /api/t/{tenant}/me/orders/{order}", (a, t) ->
                as(a.parent).get("/api/t/" + t.tenant + "/me/orders/" + Pay.order(t)));
        FIXTURES.put("POST /api/t/{tenant}/me/orders/{order}/payments", (a, t) ->
                as(a.parent).post("/api/t/" + t.tenant + "/me/orders/" + Pay.order(t) + "/payments"));
        FIXTURES.put("PUT /api/t/{tenant}/payments/merchant", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'gateway': 'local-sim', 'merchantId': 'matrix-" + t.tenant + "', 'secretRef': 'test-merchant-b'}"))
                .put("/api/t/" + t.tenant + "/payments/merchant"));
        FIXTURES.put("PUT /api/t/{tenant}/payments/merchant/wechatpay", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(Map.of("appId", "wxmatrix", "merchantSerialNo", "ABC123", "privateKeyRef", "test-merchant-a",
                        "publicKeyId", "PUB_KEY_ID_MATRIX", "publicKeyPem", "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder()
                                .encodeToString(cn.kehou.server.payments.WechatPayStandIn.rsa().getPublic().getEncoded())
                                + "\n-----END PUBLIC KEY-----\n"))
                .put("/api/t/" + t.tenant + "/payments/merchant/wechatpay"));
        FIXTURES.put("GET /api/t/{tenant}/payments/trial-balance", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/payments/trial-balance"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/fee-publications", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/fee-publications"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/fee-publications", (a, t) -> {
            var s = Pay.service(t);
            var channel = cn.kehou.server.payments.PaymentsFixtures.requirements(Tokens.of(t.schoolAdmin), t.tenant, t.school)
                    .entrySet().iterator().next();
            return cn.kehou.server.payments.PaymentsFixtures.publish(Tokens.of(a.schoolAdmin), s, channel.getKey(), channel.getValue(),
                    10000, cn.kehou.server.payments.PaymentsFixtures.today());
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/charges", (a, t) ->
                cn.kehou.server.payments.PaymentsFixtures.charge(Tokens.of(a.schoolAdmin), Pay.published(t)));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/cancelled-sessions", (a, t) ->
                as(a.schoolAdmin).contentType(ContentType.JSON)
                        .body(json("{'date': '" + Pay.nextWeekday() + "', 'reason': '矩阵停课'}"))
                        .post(sitePath(t) + "/services/" + Pay.service(t).id() + "/cancelled-sessions"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/orders", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/orders"));
        FIXTURES.put("GET /api/t/{tenant}/me/orders/{order}/receipt.pdf", (a, t) -> {
            String order = Pay.order(t);
            cn.kehou.server.payments.PaymentsFixtures.paid(t.tenant, t.parent, order);
            return as(a.parent).get("/api/t/" + t.tenant + "/me/orders/" + order + "/receipt.pdf");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/books", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/books"));
    }

    // ------------------------------------------------------------------ attendance and notices fixtures
    // A service of the target running all day today, a child of the target's parent arranged on it,
    // arranged afresh per call by the target's own users; the actor then acts on it.

    static final class Att {
        static cn.kehou.server.attendance.AttendanceFixtures.Session session(Side t) {
            try {
                return cn.kehou.server.attendance.AttendanceFixtures.allDay(t.tenant, t.school);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static String child(cn.kehou.server.attendance.AttendanceFixtures.Session s, Side t) {
            try {
                return cn.kehou.server.attendance.AttendanceFixtures.arranged(s, t.parent, "矩阵点名" + UNIQUE.incrementAndGet()).toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static String today(cn.kehou.server.attendance.AttendanceFixtures.Session s) {
            return s.roster(cn.kehou.server.attendance.AttendanceFixtures.today());
        }

        /** A child of the target checked in by the target's school admin. */
        static String[] present(Side t) {
            var s = session(t);
            String child = child(s, t);
            as(t.schoolAdmin).contentType(ContentType.JSON).body(json("{'children': ['" + child + "']}"))
                    .post(today(s) + "/check-ins").then().statusCode(200);
            return new String[] {today(s), child};
        }

        static String pickupPerson(Side t, String child, String phone) {
            return as(t.parent).contentType(ContentType.JSON)
                    .body(json("{'name': '矩阵接送人', 'relation': '祖母', 'phone': '" + phone + "'}"))
                    .post("/api/t/" + t.tenant + "/me/children/" + child + "/pickup-persons").then().statusCode(201).extract().path("id");
        }

        static String incident(Side t) {
            return as(t.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'kind': 'ILLNESS', 'occurredAt': '" + java.time.OffsetDateTime.now().minusMinutes(5)
                            + "', 'description': '矩阵：发烧', 'actions': '矩阵：联系家长'}"))
                    .post(sitePath(t) + "/incidents").then().statusCode(201).extract().path("id");
        }

        static String notice(Side t) {
            try {
                UUID id = UUID.randomUUID();
                try (var c = cn.kehou.server.testing.Db.superuser()) {
                    cn.kehou.server.enrollment.EnrollmentFixtures.exec(c, "INSERT INTO notice (tenant_id, id, recipient, kind, title, body)"
                            + " SELECT id, ?, ?, 'MATRIX', '矩阵通知', '矩阵' FROM tenant WHERE code = ?", id, t.parent, t.tenant);
                }
                return id.toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static {
        FIXTURES.put("GET /api/t/{tenant}/me/notices", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/notices"));
        FIXTURES.put("POST /api/t/{tenant}/me/notices/{id}/read", (a, t) ->
                as(a.parent).post("/api/t/" + t.tenant + "/me/notices/" + Att.notice(t) + "/read"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/rosters", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/rosters"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}", (a, t) -> {
            var s = Att.session(t);
            Att.child(s, t);
            return as(a.schoolAdmin).get(Att.today(s));
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}/check-ins", (a, t) -> {
            var s = Att.session(t);
            String child = Att.child(s, t);
            return as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'children': ['" + child + "']}"))
                    .post(Att.today(s) + "/check-ins");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}/absences", (a, t) -> {
            var s = Att.session(t);
            String child = Att.child(s, t);
            return as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'child': '" + child + "', 'reason': '病假'}"))
                    .post(Att.today(s) + "/absences");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}/handovers", (a, t) -> {
            String[] p = Att.present(t);
            return as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'children': ['" + p[1] + "'], 'to': '" + t.classTeacher + "'}"))
                    .post(p[0] + "/handovers");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}/departures", (a, t) -> {
            String[] p = Att.present(t);
            String phone = "1370000" + String.format("%04d", UNIQUE.incrementAndGet() % 10000);
            Att.pickupPerson(t, p[1], phone);
            return as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'child': '" + p[1] + "', 'phone': '" + phone + "'}"))
                    .post(p[0] + "/departures");
        });
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/services/{service}/rosters/{date}/record", (a, t) ->
                as(a.schoolAdmin).contentType(ContentType.JSON)
                        .body(json("{'content': '阅读', 'form': '托管', 'startedAt': '16:30', 'endedAt': '18:00'}"))
                        .put(Att.today(Att.session(t)) + "/record"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/services/{service}/roster-duty", (a, t) ->
                as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'teachers': ['" + t.classTeacher + "']}"))
                        .put(Att.session(t).path() + "/roster-duty"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/attendance-exceptions", (a, t) ->
                as(a.schoolAdmin).get(sitePath(t) + "/attendance-exceptions"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/incidents", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/incidents"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/incidents", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'kind': 'INJURY', 'occurredAt': '" + java.time.OffsetDateTime.now().minusMinutes(5)
                        + "', 'description': '矩阵：擦伤', 'actions': '矩阵：包扎'}"))
                .post(sitePath(t) + "/incidents"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/incidents/{id}/notes", (a, t) ->
                as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'note': '矩阵：已处理'}"))
                        .post(sitePath(t) + "/incidents/" + Att.incident(t) + "/notes"));
        // Reports and the bureau dashboard (reports): Yangjiang's ledger as CSV, the school table as CSV.
        FIXTURES.put("GET /api/t/{tenant}/reports", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/reports"));
        FIXTURES.put("GET /api/t/{tenant}/reports/{code}", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/reports/ledger?format=csv"));
        FIXTURES.put("GET /api/t/{tenant}/dashboard", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/dashboard"));
        FIXTURES.put("GET /api/t/{tenant}/dashboard/{table}", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/dashboard/schools?format=csv"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/reports", (a, t) ->
                as(a.schoolAdmin).get("/api/t/" + t.tenant + "/schools/" + t.school + "/reports"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/reports/{code}", (a, t) ->
                as(a.schoolAdmin).get("/api/t/" + t.tenant + "/schools/" + t.school + "/reports/ledger?format=csv"));
        FIXTURES.put("GET /api/t/{tenant}/attendance-audit/verification", (a, t) ->
                as(a.bureau).get("/api/t/" + t.tenant + "/attendance-audit/verification"));
        FIXTURES.put("GET /api/t/{tenant}/me/children/{child}/pickup-persons", (a, t) ->
                as(a.parent).get("/api/t/" + t.tenant + "/me/children/" + Att.child(Att.session(t), t) + "/pickup-persons"));
        FIXTURES.put("POST /api/t/{tenant}/me/children/{child}/pickup-persons", (a, t) -> as(a.parent).contentType(ContentType.JSON)
                .body(json("{'name': '矩阵接送人', 'relation': '祖父', 'phone': '13700009999'}"))
                .post("/api/t/" + t.tenant + "/me/children/" + Att.child(Att.session(t), t) + "/pickup-persons"));
        FIXTURES.put("POST /api/t/{tenant}/me/children/{child}/pickup-persons/{id}/revoke", (a, t) -> {
            String child = Att.child(Att.session(t), t);
            String person = Att.pickupPerson(t, child, "13700008888");
            return as(a.parent).post("/api/t/" + t.tenant + "/me/children/" + child + "/pickup-persons/" + person + "/revoke");
        });
        FIXTURES.put("POST /api/t/{tenant}/me/children/{child}/departure-arrangements", (a, t) -> {
            var s = Att.session(t);
            String child = Att.child(s, t);
            return as(a.parent).contentType(ContentType.JSON)
                    .body(json("{'service': '" + s.id() + "', 'leaveAt': '23:59', 'goesAlone': true}"))
                    .post("/api/t/" + t.tenant + "/me/children/" + child + "/departure-arrangements");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/safety/visitors", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/safety/visitors"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/safety/visitors", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'name': '矩阵访客', 'purpose': '送作业'}")).post(sitePath(t) + "/safety/visitors"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/safety/visitors/{id}/leave", (a, t) -> {
            String id = as(t.schoolAdmin).contentType(ContentType.JSON).body(json("{'name': '矩阵访客', 'purpose': '维修'}"))
                    .post(sitePath(t) + "/safety/visitors").then().statusCode(201).extract().path("id");
            return as(a.schoolAdmin).post(sitePath(t) + "/safety/visitors/" + id + "/leave");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/safety/emergency-plans", (a, t) ->
                as(a.schoolAdmin).get(sitePath(t) + "/safety/emergency-plans"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/safety/emergency-plans", (a, t) -> as(a.schoolAdmin)
                .contentType(ContentType.JSON).body(json("{'title': '矩阵预案', 'content': '疏散路线', 'adoptedOn': '2026-09-01'}"))
                .post(sitePath(t) + "/safety/emergency-plans"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/safety/emergency-plans/{id}/drills", (a, t) -> {
            String plan = as(t.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'title': '矩阵预案', 'content': '疏散路线', 'adoptedOn': '2026-09-01'}"))
                    .post(sitePath(t) + "/safety/emergency-plans").then().statusCode(201).extract().path("id");
            return as(a.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'heldOn': '2026-10-01', 'participants': 300, 'notes': '矩阵演练'}"))
                    .post(sitePath(t) + "/safety/emergency-plans/" + plan + "/drills");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/safety/insurance", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/safety/insurance"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/safety/insurance", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'covers': 'PUPILS', 'insurer': '矩阵保险', 'policyNo': 'M-1', 'validFrom': '2026-09-01',"
                        + " 'validTo': '2027-08-31', 'insuredCount': 500}"))
                .post(sitePath(t) + "/safety/insurance"));
        FIXTURES.put("GET /api/t/{tenant}/me/children/{child}/attendance", (a, t) ->
                as(a.parent).get("/api/t/" + t.tenant + "/me/children/" + Att.child(Att.session(t), t) + "/attendance"));
        FIXTURES.put("POST /api/t/{tenant}/settlements/{period}", (a, t) -> as(a.bureau).post("/api/t/" + t.tenant + "/settlements/2020-02"));
        FIXTURES.put("GET /api/t/{tenant}/settlements/{period}", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/settlements/2020-02"));
        FIXTURES.put("GET /api/t/{tenant}/settlements/{period}/payouts/{recipient}.csv", (a, t) ->
                as(a.bureau).get("/api/t/" + t.tenant + "/settlements/2020-03/payouts/" + Settled.provider(t) + ".csv"));
        // A school's reconciliation (its finance office records and confirms) and a provider's statement.
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/reconciliations/{period}", (a, t) ->
                as(a.bureau).get(sitePath(t) + "/reconciliations/2020-04"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/reconciliations/{period}/figures.csv", (a, t) ->
                as(a.bureau).get(sitePath(t) + "/reconciliations/2020-04/figures.csv"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/reconciliations/{period}/school-figures", (a, t) ->
                as(a == B ? "yj-finance" : "urumqi-finance").contentType(ContentType.JSON).body(json("{'figures': {'STUDENTS_SERVED': 0}}"))
                        .put(sitePath(t) + "/reconciliations/2020-04/school-figures"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/reconciliations/{period}/school-figures.csv", (a, t) ->
                as(a == B ? "yj-finance" : "urumqi-finance").contentType("text/csv").body("code,label,unit,platform,school\r\n")
                        .post(sitePath(t) + "/reconciliations/2020-04/school-figures.csv"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/reconciliations/{period}/confirm", (a, t) -> {
            String finance = a == B ? "yj-finance" : "urumqi-finance";
            if (a == t) {
                as(finance).contentType(ContentType.JSON).body("{}").put(sitePath(t) + "/reconciliations/2020-05/school-figures");
            }
            return as(finance).contentType(ContentType.JSON).body(json("{'note': '跨租户核对'}"))
                    .post(sitePath(t) + "/reconciliations/2020-05/confirm");
        });
        FIXTURES.put("GET /api/t/{tenant}/providers/{provider}/statements/{period}", (a, t) ->
                as(a.bureau).get("/api/t/" + t.tenant + "/providers/lingnan-science-studio/statements/2020-04"));
        FIXTURES.put("GET /api/t/{tenant}/providers/{provider}/statements/{period}/statement.csv", (a, t) ->
                as(a.bureau).get("/api/t/" + t.tenant + "/providers/lingnan-science-studio/statements/2020-04/statement.csv"));
        // Stipends (stipends.StipendResource, MyStipendResource): the target's school with its rates set
        // and April 2020 computed by its own admin first (the fixtures run in path order).
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/stipends/rate", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/stipends/rate"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/stipends/rate", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'stipendFenPerPeriod': 5000, 'labourFeeFenPerPeriod': 8000}")).put(sitePath(t) + "/stipends/rate"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/stipends/payees", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/stipends/payees"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/stipends/payees/{staff}", (a, t) -> as(a.schoolAdmin)
                .contentType(ContentType.JSON).body(json("{'bankName': '测试银行', 'cardLast4': '0001'}"))
                .put(sitePath(t) + "/stipends/payees/" + Stipends.staff(t)));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/stipends/{period}", (a, t) -> {
            Stipends.rates(t);
            return as(a.schoolAdmin).post(sitePath(t) + "/stipends/2020-02");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/stipends/{period}", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/stipends/2020-02"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/stipends/{period}/publication", (a, t) -> {
            Stipends.computed(t);
            return as(a.schoolAdmin).post(sitePath(t) + "/stipends/2020-04/publication");
        });
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/stipends/{period}/payment", (a, t) -> {
            Stipends.published(t);
            return as(a.schoolAdmin).post(sitePath(t) + "/stipends/2020-05/payment");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/stipends/{period}/export.csv", (a, t) -> {
            Stipends.computed(t);
            return as(a.schoolAdmin).get(sitePath(t) + "/stipends/2020-04/export.csv");
        });
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/stipends/{period}/export.xlsx", (a, t) -> {
            Stipends.computed(t);
            return as(a.schoolAdmin).get(sitePath(t) + "/stipends/2020-04/export.xlsx");
        });
        FIXTURES.put("GET /api/t/{tenant}/me/stipends", (a, t) -> as(a.classTeacher).get("/api/t/" + t.tenant + "/me/stipends"));
        FIXTURES.put("GET /api/t/{tenant}/me/stipends/certificate.pdf", (a, t) ->
                as(a.classTeacher).get("/api/t/" + t.tenant + "/me/stipends/certificate.pdf"));
        // Disclosure (issue 13): publications, fee withdrawal, the committee's ledger summary, surveys, complaints.
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/disclosures", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'kind': 'SERVICE_GUIDE', 'safetyMeasures': '矩阵安全措施', 'complaintPhone': '12345'}"))
                .post(sitePath(t) + "/disclosures"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/fee-publications/{publication}/withdrawal", (a, t) ->
                as(a.schoolAdmin).contentType(ContentType.JSON).body(json("{'reason': '矩阵撤销'}"))
                        .post(sitePath(t) + "/fee-publications/" + Dis.feePublication(t) + "/withdrawal"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/ledger-summary", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/ledger-summary"));
        FIXTURES.put("POST /api/t/{tenant}/schools/{school}/surveys", (a, t) -> as(a.schoolAdmin).contentType(ContentType.JSON)
                .body(json("{'service': '" + Dis.service(t).id() + "', 'title': '矩阵调查', 'questions': ['满意吗']}"))
                .post(sitePath(t) + "/surveys"));
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/surveys", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/surveys"));
        FIXTURES.put("GET /api/t/{tenant}/me/surveys", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/surveys"));
        FIXTURES.put("POST /api/t/{tenant}/me/surveys/{survey}/answers", (a, t) -> {
            String survey = as(t.schoolAdmin).contentType(ContentType.JSON)
                    .body(json("{'service': '" + Dis.service(t).id() + "', 'title': '矩阵调查', 'questions': ['满意吗']}"))
                    .post(sitePath(t) + "/surveys").then().statusCode(201).extract().path("id");
            return as(a.parent).contentType(ContentType.JSON).body(json("{'scores': [5]}"))
                    .post("/api/t/" + t.tenant + "/me/surveys/" + survey + "/answers");
        });
        FIXTURES.put("POST /api/t/{tenant}/complaints", (a, t) -> as(a.parent).contentType(ContentType.JSON)
                .body(json("{'about': 'SCHOOL', 'school': '" + t.school + "', 'body': '矩阵举报'}")).post("/api/t/" + t.tenant + "/complaints"));
        FIXTURES.put("GET /api/t/{tenant}/me/complaints", (a, t) -> as(a.parent).get("/api/t/" + t.tenant + "/me/complaints"));
        // The parents' committee seats (school admin): the side's own confirmed parent; removing a non-member is a no-op.
        FIXTURES.put("GET /api/t/{tenant}/schools/{school}/parents-committee", (a, t) -> as(a.schoolAdmin).get(sitePath(t) + "/parents-committee"));
        FIXTURES.put("PUT /api/t/{tenant}/schools/{school}/parents-committee/{username}", (a, t) -> as(a.schoolAdmin)
                .put(sitePath(t) + "/parents-committee/" + t.parent));
        FIXTURES.put("DELETE /api/t/{tenant}/schools/{school}/parents-committee/{username}", (a, t) -> as(a.schoolAdmin)
                .delete(sitePath(t) + "/parents-committee/matrix-nobody"));
        FIXTURES.put("GET /api/t/{tenant}/complaints", (a, t) -> as(a.bureau).get("/api/t/" + t.tenant + "/complaints"));
        FIXTURES.put("POST /api/t/{tenant}/complaints/{complaint}/steps", (a, t) -> {
            String complaint = as(t.parent).contentType(ContentType.JSON)
                    .body(json("{'about': 'SERVICE', 'school': '" + t.school + "', 'body': '矩阵举报'}"))
                    .post("/api/t/" + t.tenant + "/complaints").then().statusCode(201).extract().path("id");
            return as(a.bureau).contentType(ContentType.JSON).body(json("{'status': 'IN_PROGRESS', 'note': '矩阵办理'}"))
                    .post("/api/t/" + t.tenant + "/complaints/" + complaint + "/steps");
        });
    }

    /** A service at each side's school with the side's parent's child arranged on it, and a fee publication to withdraw. */
    static final class Dis {
        static final Map<String, cn.kehou.server.payments.PaymentsFixtures.Service> SERVICE = new java.util.concurrent.ConcurrentHashMap<>();

        static cn.kehou.server.payments.PaymentsFixtures.Service service(Side side) {
            return SERVICE.computeIfAbsent(side.tenant, k -> {
                try {
                    var today = cn.kehou.server.payments.PaymentsFixtures.today();
                    var s = cn.kehou.server.payments.PaymentsFixtures.service(side.tenant, side.school, "BASIC_CARE",
                            java.time.LocalTime.parse(side.dismissal), java.time.LocalTime.parse(side.serviceEnd), 20000,
                            today.minusMonths(1), today.minusDays(10), today.plusDays(60));
                    cn.kehou.server.payments.PaymentsFixtures.arranged(s, side.parent, "矩阵调查孩子");
                    return s;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** A fresh fee publication of the side's service on the first channel its region requires. */
        static String feePublication(Side side) {
            String token = Tokens.of(side.schoolAdmin);
            var required = cn.kehou.server.payments.PaymentsFixtures.requirements(token, side.tenant, side.school).entrySet().iterator().next();
            return cn.kehou.server.payments.PaymentsFixtures.publish(token, service(side), required.getKey(), required.getValue(), 20000,
                    cn.kehou.server.payments.PaymentsFixtures.today()).then().statusCode(201).extract().path("id");
        }
    }

    /** Stipend fixtures per side: rates set and April 2020 computed by the side's own school admin; a staff member. */
    static final class Stipends {
        static void rates(Side side) {
            as(side.schoolAdmin).contentType(ContentType.JSON).body(json("{'stipendFenPerPeriod': 5000, 'labourFeeFenPerPeriod': 8000}"))
                    .put(sitePath(side) + "/stipends/rate").then().statusCode(200);
        }

        static void computed(Side side) {
            rates(side);
            as(side.schoolAdmin).post(sitePath(side) + "/stipends/2020-04").then().statusCode(200);
        }

        static final java.util.Set<String> PUBLISHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /** May 2020 published with one staff member on a week of one period a day, so there is something to pay. */
        static void published(Side side) {
            if (!PUBLISHED.add(side.tenant)) {
                return;
            }
            rates(side);
            try {
                var s = cn.kehou.server.stipends.StipendFixtures.service(side.tenant, side.school, 40, "16:10", "16:50",
                        java.time.LocalDate.of(2020, 5, 4), java.time.LocalDate.of(2020, 5, 8));
                cn.kehou.server.stipends.StipendFixtures.staff(s, "SCHOOL_STAFF", "矩阵·补助教师");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            as(side.schoolAdmin).post(sitePath(side) + "/stipends/2020-05").then().statusCode(200);
            as(side.schoolAdmin).post(sitePath(side) + "/stipends/2020-05/publication").then().statusCode(200);
        }

        static String staff(Side side) {
            try {
                return cn.kehou.server.stipends.StipendFixtures.staffAt(side.tenant, side.school, "矩阵·服务人员").toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A provider settled for 2020-03 in each side's tenant (its course billed, paid and held), for the payout-file fixture. */
    static final class Settled {
        static final Map<String, String> PROVIDER = new java.util.concurrent.ConcurrentHashMap<>();

        static String provider(Side side) {
            return PROVIDER.computeIfAbsent(side.tenant, k -> {
                try {
                    java.time.LocalDate from = java.time.LocalDate.of(2020, 3, 1);
                    var course = cn.kehou.server.settlement.SettlementFixtures.providerCourse(side.tenant, side.school, from,
                            java.time.LocalDate.of(2020, 3, 31));
                    cn.kehou.server.settlement.SettlementFixtures.billedAndPaid(course.service(), "QUALITY_COURSE", side.parent,
                            "PROVIDER_PAYABLE:" + course.provider(), 22000, 22, from.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)));
                    as(side.bureau).post("/api/t/" + side.tenant + "/settlements/2020-03").then().statusCode(200);
                    return course.provider().toString();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void every_tenant_operation_serves_its_own_tenant_and_refuses_the_other_without_leaking() {
        registerFreshParents();
        Response openapi = given().accept("application/json").get("/q/openapi");
        Map<String, Object> paths = openapi.jsonPath().getMap("paths");
        TreeSet<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/t/{tenant}")) {
                ((Map<String, Object>) methods).keySet().stream()
                        .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase() + " " + path));
            }
        });
        assertThat(operations).as("the OpenAPI document lists tenant operations").isNotEmpty();
        assertThat(FIXTURES.keySet()).as("a cross-tenant fixture for every tenant operation").containsAll(operations);

        List<String> wrong = new ArrayList<>();
        for (String op : operations) {
            Fixture f = FIXTURES.get(op);
            Response own = f.call(B, B);
            if (own.statusCode() / 100 != 2) {
                wrong.add(op + ": B's own user got " + own.statusCode() + " " + own.asString());
            }
            Response cross = f.call(A, B);
            if (cross.statusCode() != 403 && cross.statusCode() != 404) {
                wrong.add(op + ": A's user on B got " + cross.statusCode());
            }
            if (cross.asString().contains(B.leakMarker) || cross.asString().contains(B.childName)) {
                wrong.add(op + ": A's refusal leaks B's data: " + cross.asString());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
