package cn.kehou.server.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.kehou.server.catalog.CatalogApi.UQ;
import static cn.kehou.server.catalog.CatalogApi.UQ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.WEEKDAYS;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.YJ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.json;
import static cn.kehou.server.catalog.CatalogApi.service;
import static cn.kehou.server.catalog.CatalogApi.site;
import static cn.kehou.server.catalog.CatalogApi.term;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Services are checked by the tenant's plugin when saved: window, content, fee, holiday and weekend care. */
@QuarkusTest
class ServiceRulesTest {

    static final String READING = "['READING', 'HOMEWORK']";

    @Test
    void a_yangjiang_service_valid_from_june_ending_1745_is_refused_with_the_plugins_code_and_citation_and_1800_is_accepted() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "16:10", "17:45",
                "2027-06-01", "2027-07-09", 30000, "")
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("WINDOW_ENDS_TOO_EARLY"))
                .body("citation", equalTo("000 §三(二)"))
                .body("detail", containsString("2027-06-01"));
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "16:10", "18:00",
                "2027-06-01", "2027-07-09", 30000, "")
                .statusCode(201).body("end", equalTo("18:00:00")).body("enrollmentOpen", equalTo(false))
                .extract().path("id");
        as("yj-class-teacher").get(site(YJ, YJ_SCHOOL) + "/services").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void an_urumqi_service_of_two_and_a_half_hours_a_day_is_refused_and_two_hours_is_accepted() {
        String term = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-03-01", "2027-07-09");
        service("urumqi-school-admin", UQ, UQ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "18:30", "21:00",
                "2027-03-01", "2027-06-30", 40000, "")
                .statusCode(422).body("code", equalTo("WINDOW_TOO_LONG")).body("citation", containsString("004"));
        service("urumqi-school-admin", UQ, UQ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "18:30", "20:30",
                "2027-03-01", "2027-06-30", 40000, "").statusCode(201);
    }

    @Test
    void an_academic_subject_course_is_refused_with_the_plugins_citation() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['ACADEMIC_SUBJECT']", "['MONDAY']", "16:10", "17:30",
                "2027-03-01", "2027-07-09", 0, "")
                .statusCode(422).body("code", equalTo("CONTENT_ACADEMIC_SUBJECT")).body("citation", equalTo("000 §四(三)(2)"));
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SPORTS', 'COMMERCIAL_PROMOTION']", "['MONDAY']",
                "16:10", "17:30", "2027-03-01", "2027-07-09", 0, "")
                .statusCode(422).body("code", equalTo("CONTENT_COMMERCIAL_PROMOTION"));
        // Urumqi's own rule (004 §三(五)) refuses it too, under its own citation.
        String uqTerm = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-03-01", "2027-07-09");
        service("urumqi-school-admin", UQ, UQ_SCHOOL, uqTerm, "BASIC_CARE", "['ACADEMIC_SUBJECT']", WEEKDAYS, "18:30", "20:00",
                "2027-03-01", "2027-06-30", 0, "")
                .statusCode(422).body("citation", containsString("004"));
    }

    @Test
    void a_yangjiang_fee_above_the_local_rate_is_refused_by_the_plugin() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "16:10", "18:00",
                "2027-06-01", "2027-07-09", 30001, "")
                .statusCode(422).body("code", equalTo("FEE_ABOVE_LOCAL_RATE")).body("citation", equalTo("000 §六(一)1"));
    }

    @Test
    void a_service_outside_its_term_or_for_grades_the_school_does_not_teach_is_refused() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", READING, WEEKDAYS, "16:10", "18:00",
                "2027-06-01", "2027-08-01", 0, "").statusCode(422).body("code", equalTo("SERVICE_OUTSIDE_TERM"));
        as("yj-school-admin").body(json("{'term': '" + term + "', 'kind': 'BASIC_CARE', 'titleZh': '初中托管', 'tags': ['READING'],"
                        + " 'gradeFrom': 7, 'gradeTo': 9, 'days': ['MONDAY'], 'start': '16:10', 'end': '18:00',"
                        + " 'capacity': 10, 'feeFen': 0, 'venue': '教室'}"))
                .post(site(YJ, YJ_SCHOOL) + "/services").then().statusCode(422).body("code", equalTo("GRADES_NOT_AT_SCHOOL"));
    }

    @Test
    void yangjiang_holiday_care_has_its_own_dates_and_sign_up_window_and_urumqi_runs_none() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        String signup = ", 'signupFrom': '2027-06-01', 'signupTo': '2027-06-30'";
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "HOLIDAY_CARE", "['SPORTS', 'ARTS']", WEEKDAYS, "08:30", "11:30",
                "2027-07-12", "2027-08-20", 0, "").statusCode(400).body("code", equalTo("SIGNUP_WINDOW_REQUIRED"));
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "HOLIDAY_CARE", "['SPORTS', 'ARTS']", WEEKDAYS, "08:30", "11:30",
                "2027-07-12", "2027-08-20", 0, signup)
                .statusCode(201).body("signupFrom", equalTo("2027-06-01")).body("validTo", equalTo("2027-08-20"));
        // 004 §三(三): Monday to Friday after school only — no holiday care in Urumqi.
        String uqTerm = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-03-01", "2027-07-09");
        service("urumqi-school-admin", UQ, UQ_SCHOOL, uqTerm, "HOLIDAY_CARE", "['SPORTS']", WEEKDAYS, "09:00", "11:00",
                "2027-07-12", "2027-08-20", 0, signup)
                .statusCode(422).body("code", equalTo("SERVICE_KIND_NOT_OFFERED")).body("citation", containsString("004"));
    }

    @Test
    void a_yangjiang_saturday_service_is_refused_because_the_plugin_runs_no_weekend_care() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SPORTS']", "['SATURDAY']", "16:10", "17:30",
                "2027-03-01", "2027-07-09", 0, "")
                .statusCode(422).body("code", equalTo("WEEKEND_CARE_NOT_OFFERED")).body("citation", equalTo("000 §三(三)"));
    }

    @Test
    void weekend_facility_openings_are_published_and_never_on_a_school_day() {
        term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        as("yj-school-admin").body(json("{'facility': 'PLAYGROUND', 'nameZh': '操场周末开放', 'days': ['SATURDAY', 'SUNDAY'],"
                        + " 'start': '08:00', 'end': '11:00', 'validFrom': '2027-03-01', 'validTo': '2027-06-30'}"))
                .post(site(YJ, YJ_SCHOOL) + "/facility-openings").then().statusCode(201);
        as("yj-school-admin").body(json("{'facility': 'LIBRARY', 'nameZh': '图书馆开放', 'days': ['MONDAY'],"
                        + " 'start': '08:00', 'end': '11:00', 'validFrom': '2027-03-01', 'validTo': '2027-03-31'}"))
                .post(site(YJ, YJ_SCHOOL) + "/facility-openings").then().statusCode(422)
                .body("code", equalTo("FACILITY_OPENING_ON_SCHOOL_DAY"));
        as("yj-service-teacher").get(site(YJ, YJ_SCHOOL) + "/facility-openings").then().statusCode(200)
                .body("nameZh", hasItem("操场周末开放")).body("nameZh", not(hasItem("图书馆开放")));
    }
}
