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
        FIXTURES.put("POST /api/t/{tenant}/tenants", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body(json("{'code': '" + t.city + "-m" + UUID.randomUUID().toString().substring(0, 6) + "', 'nameZh': '矩阵区',"
                        + " 'nameEn': 'Matrix District', 'kind': 'DISTRICT', 'admin': {'username': 'm"
                        + UUID.randomUUID().toString().substring(0, 8) + "', 'displayName': '矩阵'}}"))
                .post("/api/t/" + t.city + "/tenants"));
        FIXTURES.put("POST /api/t/{tenant}/tenants/{child}/status", (a, t) -> as(a.bureau).contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\"}").post("/api/t/" + t.city + "/tenants/" + t.tenant + "/status"));
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
