package cn.kehou.server.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.kehou.server.catalog.CatalogApi.UQ;
import static cn.kehou.server.catalog.CatalogApi.UQ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.WEEKDAYS;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.children;
import static cn.kehou.server.catalog.CatalogApi.freshYangjiangSchool;
import static cn.kehou.server.catalog.CatalogApi.json;
import static cn.kehou.server.catalog.CatalogApi.service;
import static cn.kehou.server.catalog.CatalogApi.site;
import static cn.kehou.server.catalog.CatalogApi.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Noon care as operations: meals with who pays, nap rooms, and who naps where by the region's rule. */
@QuarkusTest
class NoonCareTest {

    static final String BUREAU = "yj-bureau-admin";

    static String room(String school, String name, String kind, int rank, int capacity, boolean fireSafe) {
        return as(BUREAU).body(json("{'name': '" + name + "', 'kind': '" + kind + "', 'rank': " + rank + ", 'capacity': "
                        + capacity + ", 'fireSafe': " + fireSafe + "}"))
                .post(site(YJ, school) + "/nap-rooms").then().statusCode(201).extract().path("id");
    }

    static Map<String, String> assign(String school, String service, List<String> children) {
        String body = "{\"children\": [" + String.join(", ", children.stream().map(c -> "\"" + c + "\"").toList()) + "]}";
        JsonPath result = as(BUREAU).body(body).post(site(YJ, school) + "/services/" + service + "/nap-assignments")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> roomOf = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            roomOf.put(result.getString("[" + i + "].child"), result.getString("[" + i + "].room"));
        }
        return roomOf;
    }

    @Test
    void in_yangjiang_grades_1_and_2_fill_the_good_nap_rooms_first_and_the_same_input_gives_the_same_assignment()
            throws SQLException {
        String school = freshYangjiangSchool("");
        String term = term(BUREAU, YJ, school, "2027-09-01", "2028-01-20");
        String noon = service(BUREAU, YJ, school, term, "NOON_CARE", "['READING']", WEEKDAYS, "12:00", "14:00",
                "2027-11-01", "2027-11-30", 0, "").statusCode(201).extract().path("id");
        String classroom = room(school, "一楼教室", "CLASSROOM", 1, 4, true);
        String reading = room(school, "阅览室", "READING_ROOM", 2, 4, true);
        String gym = room(school, "体育馆", "GYM", 3, 40, true);
        String store = room(school, "旧仓库", "OTHER", 1, 20, false);

        List<String> kids = children(YJ, school, 6, 5, 4, 3, 2, 1, 6, 5, 4, 3, 2, 1, 2, 1, 2, 1);
        Map<String, Integer> grade = new HashMap<>();
        int[] grades = {6, 5, 4, 3, 2, 1, 6, 5, 4, 3, 2, 1, 2, 1, 2, 1};
        for (int i = 0; i < kids.size(); i++) {
            grade.put(kids.get(i), grades[i]);
        }
        Map<String, String> first = assign(school, noon, kids);
        for (String child : kids) {
            String room = first.get(child);
            assertThat(room).as("child of grade %d", grade.get(child)).isNotEqualTo(store);
            if (grade.get(child) <= 2) {
                assertThat(room).as("a grade %d child naps in a good room", grade.get(child)).isIn(classroom, reading);
            } else {
                assertThat(room).as("a grade %d child naps in the gym", grade.get(child)).isEqualTo(gym);
            }
        }
        List<String> reversed = new ArrayList<>(kids);
        Collections.reverse(reversed);
        assertThat(assign(school, noon, reversed)).isEqualTo(first);
        as("yj-bureau-admin").get(site(YJ, school) + "/services/" + noon + "/nap-assignments").then().statusCode(200)
                .body("size()", equalTo(16)).body("roomName", hasItem("一楼教室"));
    }

    @Test
    void children_beyond_the_fire_safe_places_get_no_room_and_the_plugins_reason() throws SQLException {
        String school = freshYangjiangSchool("");
        String term = term(BUREAU, YJ, school, "2027-09-01", "2028-01-20");
        String noon = service(BUREAU, YJ, school, term, "NOON_CARE", "['READING']", WEEKDAYS, "12:00", "14:00",
                "2027-11-01", "2027-11-30", 0, "").statusCode(201).extract().path("id");
        room(school, "小教室", "CLASSROOM", 1, 1, true);
        List<String> kids = children(YJ, school, 1, 2);
        as(BUREAU).body("{\"children\": [\"" + kids.get(0) + "\", \"" + kids.get(1) + "\"]}")
                .post(site(YJ, school) + "/services/" + noon + "/nap-assignments").then().statusCode(200)
                .body("find { it.grade == 2 }.reasonCode", equalTo("NO_NAP_PLACE_LEFT"))
                .body("find { it.grade == 2 }.citation", equalTo("000 §四(二)"))
                .body("find { it.grade == 1 }.roomName", equalTo("小教室"));
    }

    @Test
    void yangjiang_meals_are_paid_by_parents_from_a_licensed_canteen_and_urumqi_has_no_school_meals() {
        String school = freshYangjiangSchool("");
        String term = term(BUREAU, YJ, school, "2027-09-01", "2028-01-20");
        String lunch = "{'term': '" + term + "', 'meal': 'LUNCH', 'source': 'CENTRAL_DELIVERY', 'canteenName': '阳江市中心配餐',"
                + " 'foodLicenceNo': 'JY14417020000001', 'foodLicenceValidTo': '%s', 'priceFen': 1200}";
        as(BUREAU).body(json(String.format(lunch, "2027-12-31"))).post(site(YJ, school) + "/meal-plans").then()
                .statusCode(422).body("code", equalTo("FOOD_LICENCE_EXPIRES"));
        as(BUREAU).body(json(String.format(lunch, "2029-06-30"))).post(site(YJ, school) + "/meal-plans").then()
                .statusCode(201).body("payer", equalTo("PARENTS")).body("citation", equalTo("000 §四(一)"));
        as(BUREAU).body(json(String.format(lunch, "2029-06-30").replace("LUNCH", "DINNER"))).post(site(YJ, school) + "/meal-plans")
                .then().statusCode(422).body("code", equalTo("MEAL_NOT_OFFERED"));

        String uqTerm = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-09-01", "2028-01-20");
        as("urumqi-school-admin").body(json(String.format(lunch.replace(term, uqTerm), "2029-06-30")))
                .post(site(UQ, UQ_SCHOOL) + "/meal-plans").then().statusCode(422).body("code", equalTo("MEALS_NOT_IN_REGION"));
    }

    @Test
    void village_pupils_may_join_their_central_schools_service() {
        String central = freshYangjiangSchool("");
        String village = freshYangjiangSchool(", 'villageSchool': true, 'centralSchool': '" + central + "'");
        String term = term(BUREAU, YJ, central, "2027-09-01", "2028-01-20");
        String id = service(BUREAU, YJ, central, term, "BASIC_CARE", "['READING']", WEEKDAYS, "16:10", "18:00",
                "2027-09-01", "2027-10-29", 0, ", 'admitsVillagePupils': true").statusCode(201).extract().path("id");
        as(BUREAU).get(site(YJ, village) + "/services").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.school", equalTo(central));
        String other = freshYangjiangSchool("");
        String otherTerm = term(BUREAU, YJ, other, "2027-09-01", "2028-01-20");
        service(BUREAU, YJ, other, otherTerm, "BASIC_CARE", "['READING']", WEEKDAYS, "16:10", "18:00",
                "2027-09-01", "2027-10-29", 0, ", 'admitsVillagePupils': true")
                .statusCode(422).body("code", equalTo("NOT_A_CENTRAL_SCHOOL"));
    }
}
