package cn.kehou.server.attendance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static cn.kehou.server.attendance.AttendanceFixtures.UR;
import static cn.kehou.server.attendance.AttendanceFixtures.UR_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ;
import static cn.kehou.server.attendance.AttendanceFixtures.YJ_SCHOOL;
import static cn.kehou.server.attendance.AttendanceFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Gate visitors, emergency plans with drills, insurance: kept per school, seen by nobody in another tenant. */
@QuarkusTest
class SafetyRegistersTest {

    static final String BASE = "/api/t/" + YJ + "/schools/" + YJ_SCHOOL + "/safety";

    @Test
    void the_gate_register_records_who_came_and_left_and_another_tenant_sees_none_of_it() {
        String name = "访客" + UUID.randomUUID().toString().substring(0, 6);
        String id = as("yj-service-teacher").contentType(ContentType.JSON)
                .body(Map.of("name", name, "organisation", "自来水公司", "purpose", "维修水管", "phone", "13800000031"))
                .post(BASE + "/visitors").then().statusCode(201).body("leftAt", equalTo(null)).extract().path("id");
        as("yj-service-teacher").post(BASE + "/visitors/" + id + "/leave").then().statusCode(200).body("leftAt", notNullValue());
        assertThat(as("yj-school-admin").get(BASE + "/visitors").jsonPath().getList("name")).contains(name);
        as("yj-parent").get(BASE + "/visitors").then().statusCode(403);
        as("urumqi-school-admin").get(BASE + "/visitors").then().statusCode(403);
        assertThat(as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + UR_SCHOOL + "/safety/visitors").asString())
                .doesNotContain(name);
    }

    @Test
    void an_emergency_plan_keeps_its_drills_and_insurance_is_on_file() {
        String plan = as("yj-school-admin").contentType(ContentType.JSON)
                .body(Map.of("title", "火灾疏散预案", "content", "听到警报后按路线疏散到操场", "adoptedOn", "2026-09-01"))
                .post(BASE + "/emergency-plans").then().statusCode(201).extract().path("id");
        as("yj-school-admin").contentType(ContentType.JSON)
                .body(Map.of("heldOn", AttendanceFixtures.today().toString(), "participants", 420, "notes", "三分钟全部到达操场"))
                .post(BASE + "/emergency-plans/" + plan + "/drills").then().statusCode(201).body("drills.size()", equalTo(1));
        as("yj-school-admin").contentType(ContentType.JSON)
                .body(Map.of("heldOn", AttendanceFixtures.today().plusDays(3).toString(), "participants", 1, "notes", "未来"))
                .post(BASE + "/emergency-plans/" + plan + "/drills").then().statusCode(400).body("code", equalTo("DRILL_IN_FUTURE"));
        as("yj-school-admin").contentType(ContentType.JSON)
                .body(Map.of("covers", "PUPILS", "insurer", "中国人保", "policyNo", "PICC-2026-1", "validFrom", "2026-09-01",
                        "validTo", "2027-08-31", "insuredCount", 1200))
                .post(BASE + "/insurance").then().statusCode(201).body("covers", equalTo("PUPILS"));
        as("yj-service-teacher").get(BASE + "/insurance").then().statusCode(403);
        assertThat(as("urumqi-school-admin").get("/api/t/" + UR + "/schools/" + UR_SCHOOL + "/safety/emergency-plans").asString())
                .doesNotContain(plan);
    }
}
