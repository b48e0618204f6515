package cn.kehou.server.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.kehou.server.catalog.CatalogApi.UQ;
import static cn.kehou.server.catalog.CatalogApi.WEEKDAYS;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.YJ_CITY;
import static cn.kehou.server.catalog.CatalogApi.YJ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.approvePlan;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.assign;
import static cn.kehou.server.catalog.CatalogApi.json;
import static cn.kehou.server.catalog.CatalogApi.service;
import static cn.kehou.server.catalog.CatalogApi.site;
import static cn.kehou.server.catalog.CatalogApi.term;
import static cn.kehou.server.catalog.CatalogApi.vettedStaff;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** A service can be changed until its enrollment opens, and every change passes the plugin again. */
@QuarkusTest
class ServiceUpdateTest {

    static String body(String term, String title, String end, long feeFen) {
        return json("{'term': '" + term + "', 'kind': 'BASIC_CARE', 'titleZh': '" + title + "', 'tags': ['READING', 'HOMEWORK'],"
                + " 'gradeFrom': 1, 'gradeTo': 6, 'days': " + WEEKDAYS + ", 'start': '16:10', 'end': '" + end + "',"
                + " 'validFrom': '2027-06-01', 'validTo': '2027-07-09', 'capacity': 35, 'feeFen': " + feeFen + ","
                + " 'feeCostedOn': '2027-01-15', 'venue': '二楼阅览室'}");
    }

    @Test
    void an_update_the_plugin_refuses_changes_nothing_and_one_it_accepts_is_stored() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", "['READING', 'HOMEWORK']", WEEKDAYS,
                "16:10", "18:00", "2027-06-01", "2027-07-09", 30000, "").statusCode(201).extract().path("id");
        String path = site(YJ, YJ_SCHOOL) + "/services/" + id;

        // June in Yangjiang: the window must reach 18:00 (000 §三(二)) — on update as on create.
        as("yj-school-admin").body(body(term, "改过的托管", "17:45", 30000)).put(path).then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("WINDOW_ENDS_TOO_EARLY")).body("citation", equalTo("000 §三(二)"));
        as("yj-school-admin").body(body(term, "改过的托管", "18:00", 30001)).put(path).then()
                .statusCode(422).body("code", equalTo("FEE_ABOVE_LOCAL_RATE"));
        as("yj-class-teacher").get(site(YJ, YJ_SCHOOL) + "/services").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.titleZh", equalTo("BASIC_CARE 测试"))
                .body("find { it.id == '" + id + "' }.end", equalTo("18:00:00"));

        as("yj-school-admin").body(body(term, "改过的托管", "18:00", 25000)).put(path).then()
                .statusCode(200).body("titleZh", equalTo("改过的托管")).body("capacity", equalTo(35))
                .body("feeFen", equalTo(25000)).body("venue", equalTo("二楼阅览室")).body("enrollmentOpen", is(false));
    }

    @Test
    void a_service_whose_enrollment_is_open_can_no_longer_change() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        approvePlan("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, term);
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", "['READING', 'HOMEWORK']", WEEKDAYS,
                "16:10", "18:00", "2027-06-01", "2027-07-09", 30000, "").statusCode(201).extract().path("id");
        assign("yj-school-admin", YJ, YJ_SCHOOL, id, vettedStaff("yj-school-admin", "yj-bureau-admin", YJ, YJ_SCHOOL, "更新老师"));
        as("yj-school-admin").post(site(YJ, YJ_SCHOOL) + "/services/" + id + "/enrollment-open").then().statusCode(200);
        as("yj-school-admin").body(body(term, "开放后改名", "18:00", 30000)).put(site(YJ, YJ_SCHOOL) + "/services/" + id)
                .then().statusCode(409).body("code", equalTo("SERVICE_ENROLLMENT_OPEN"));
    }

    @Test
    void another_tenants_school_admin_and_a_class_teacher_cannot_change_a_service() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", "['READING', 'HOMEWORK']", WEEKDAYS,
                "16:10", "18:00", "2027-06-01", "2027-07-09", 30000, "").statusCode(201).extract().path("id");
        as("urumqi-school-admin").body(body(term, "越权修改", "18:00", 30000)).put(site(YJ, YJ_SCHOOL) + "/services/" + id)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).body(not(containsString("BASIC_CARE 测试")));
        as("urumqi-school-admin").body(body(term, "越权修改", "18:00", 30000))
                .put("/api/t/" + UQ + "/schools/" + YJ_SCHOOL + "/services/" + id)
                .then().statusCode(anyOf(equalTo(403), equalTo(404)));
        as("yj-class-teacher").body(body(term, "越权修改", "18:00", 30000)).put(site(YJ, YJ_SCHOOL) + "/services/" + id)
                .then().statusCode(403);
        // A bureau above reads the school's services but changes them only by acting in the school's tenant.
        as("yj-bureau-admin").body(body(term, "越权修改", "18:00", 30000)).put(site(YJ_CITY, YJ_SCHOOL) + "/services/" + id)
                .then().statusCode(anyOf(equalTo(403), equalTo(404)));
    }
}
