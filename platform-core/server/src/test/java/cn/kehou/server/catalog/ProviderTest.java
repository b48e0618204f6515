package cn.kehou.server.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.kehou.server.catalog.CatalogApi.UQ;
import static cn.kehou.server.catalog.CatalogApi.UQ_CITY;
import static cn.kehou.server.catalog.CatalogApi.UQ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.YJ;
import static cn.kehou.server.catalog.CatalogApi.YJ_CITY;
import static cn.kehou.server.catalog.CatalogApi.YJ_SCHOOL;
import static cn.kehou.server.catalog.CatalogApi.approveProvider;
import static cn.kehou.server.catalog.CatalogApi.as;
import static cn.kehou.server.catalog.CatalogApi.json;
import static cn.kehou.server.catalog.CatalogApi.providerWithCourse;
import static cn.kehou.server.catalog.CatalogApi.service;
import static cn.kehou.server.catalog.CatalogApi.site;
import static cn.kehou.server.catalog.CatalogApi.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Providers: platform-wide records, vetted by each bureau for its own area only. */
@QuarkusTest
class ProviderTest {

    static String course(String provider, String courseId) {
        return ", 'provider': '" + provider + "', 'providerCourse': '" + courseId + "'";
    }

    @Test
    void an_unvetted_or_blacklisted_provider_cannot_be_attached_to_a_course() {
        String[] p = providerWithCourse(YJ, 200000, 1, 9);
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 50000, course(p[0], p[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_NOT_APPROVED"));

        // The city bureau vets it for its area; the district's school may then use it.
        approveProvider("yj-bureau-admin", YJ_CITY, p[0]);
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 50000, course(p[0], p[1]))
                .statusCode(201).body("provider", equalTo(p[0]));

        // 000 §七(四)2: blacklisted for soliciting students — no new course, and on the published list.
        as("yj-bureau-admin").body(json("{'status': 'BLACKLISTED', 'reason': '招揽学生、扰乱学校秩序', 'on': '2026-11-01'}"))
                .post("/api/t/" + YJ_CITY + "/providers/" + p[0] + "/approval/status").then().statusCode(200)
                .body("standing", equalTo("BLACKLISTED"));
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['WEDNESDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 50000, course(p[0], p[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_BLACKLISTED")).body("detail", containsString("招揽学生"));
        as("yj-school-admin").get("/api/t/" + YJ + "/providers?status=BLACKLISTED").then().statusCode(200)
                .body("code", hasItem(p[0]));
    }

    @Test
    void a_suspension_by_the_district_bureau_also_stops_a_provider_the_city_approved() {
        String[] p = providerWithCourse(YJ, 200000, 1, 9);
        approveProvider("yj-bureau-admin", YJ_CITY, p[0]);
        as("yj-bureau-admin").body(json("{'status': 'SUSPENDED', 'reason': '服务质量差，限期整改'}"))
                .post("/api/t/" + YJ + "/providers/" + p[0] + "/approval/status").then().statusCode(200);
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 50000, course(p[0], p[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_SUSPENDED"));
    }

    @Test
    void a_provider_approved_in_urumqi_is_not_thereby_approved_in_yangjiang() {
        String[] p = providerWithCourse(UQ, 200000, 1, 9);
        approveProvider("urumqi-bureau-admin", UQ_CITY, p[0]);
        as("urumqi-school-admin").get("/api/t/" + UQ + "/providers/" + p[0]).then().statusCode(200)
                .body("standing", equalTo("APPROVED")).body("approvals.tenant", hasItem(UQ_CITY));
        as("yj-school-admin").get("/api/t/" + YJ + "/providers/" + p[0]).then().statusCode(200)
                .body("standing", equalTo("NOT_APPROVED")).body("approvals", empty());
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 50000, course(p[0], p[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_NOT_APPROVED"));
        // And Urumqi's school may use it (2 h at most, fee within 004's cap).
        String uqTerm = term("urumqi-school-admin", UQ, UQ_SCHOOL, "2027-03-01", "2027-07-09");
        service("urumqi-school-admin", UQ, UQ_SCHOOL, uqTerm, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "18:30", "20:00",
                "2027-03-01", "2027-06-30", 20000, course(p[0], p[1])).statusCode(201);
    }

    @Test
    void urumqi_cannot_see_or_change_yangjiang_services_or_provider_approvals() {
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "BASIC_CARE", "['READING']", "['MONDAY']", "16:10", "18:00",
                "2027-06-01", "2027-07-09", 0, "").statusCode(201).extract().path("id");
        // On Yangjiang's paths: not a member there.
        as("urumqi-school-admin").get(site(YJ, YJ_SCHOOL) + "/services").then().statusCode(403)
                .body(not(containsString("阳江")));
        as("urumqi-school-admin").post(site(YJ, YJ_SCHOOL) + "/services/" + id + "/enrollment-open").then().statusCode(403);
        as("urumqi-bureau-admin").body(json("{'status': 'BLACKLISTED', 'reason': '跨区', 'on': '2026-11-01'}"))
                .post("/api/t/" + YJ_CITY + "/providers/lingnan-science-studio/approval/status").then().statusCode(403);
        // On its own path naming Yangjiang's school: row-level security finds no such school.
        as("urumqi-school-admin").get(site(UQ, YJ_SCHOOL) + "/services").then().statusCode(404);
        as("urumqi-bureau-admin").get(site(UQ, YJ_SCHOOL) + "/terms").then().statusCode(404);
        // Yangjiang's approval of its demo provider is not in Urumqi's view of it.
        List<String> tenants = as("urumqi-bureau-admin").get("/api/t/" + UQ_CITY + "/providers/lingnan-science-studio")
                .then().statusCode(200).body("standing", equalTo("NOT_APPROVED")).extract().path("approvals.tenant");
        assertThat(tenants).doesNotContain(YJ_CITY);
        as("yj-school-admin").get("/api/t/" + YJ + "/providers/lingnan-science-studio").then().statusCode(200)
                .body("standing", equalTo("APPROVED")).body("approvals.tenant", hasItem(YJ_CITY));
    }

    @Test
    void providers_offer_only_non_academic_courses_and_only_their_own_admin_lists_them() {
        as("kehou-admin").body(json("{'titleZh': '奥数培优', 'tags': ['ACADEMIC_SUBJECT'], 'gradeFrom': 3, 'gradeTo': 6,"
                        + " 'days': ['SATURDAY'], 'offCampusFen': 300000}"))
                .post("/api/t/" + YJ + "/providers/lingnan-science-studio/courses").then().statusCode(422)
                .body("code", equalTo("PROVIDER_COURSE_NOT_ALLOWED"));
        as("yj-bureau-admin").body(json("{'code': 'academic-tutor-x', 'nameZh': '学科辅导', 'nameEn': 'Academic Tutor',"
                        + " 'licenceNo': 'A-1', 'nonAcademic': false}"))
                .post("/api/t/" + YJ + "/providers").then().statusCode(422).body("code", equalTo("PROVIDER_NOT_NON_ACADEMIC"));
        // Urumqi's provider admin may not touch Lingnan's list, even where both are admitted.
        as("urumqi-provider-admin").body(json("{'titleZh': '舞蹈', 'tags': ['ARTS'], 'gradeFrom': 1, 'gradeTo': 6,"
                        + " 'days': ['MONDAY'], 'offCampusFen': 100000}"))
                .post("/api/t/" + UQ_CITY + "/providers/lingnan-science-studio/courses").then().statusCode(403);
    }

    @Test
    void a_bid_price_must_be_below_the_providers_off_campus_price_and_becomes_the_fee() {
        String[] p = providerWithCourse(YJ, 100000, 1, 9);
        approveProvider("yj-bureau-admin", YJ_CITY, p[0]);
        String term = term("yj-school-admin", YJ, YJ_SCHOOL, "2027-03-01", "2027-07-09");
        service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 100000, course(p[0], p[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_PRICE_NOT_BELOW_OFF_CAMPUS"))
                .body("citation", equalTo("000 §六(一)2"));
        String id = service("yj-school-admin", YJ, YJ_SCHOOL, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY']", "16:10",
                "17:40", "2027-03-01", "2027-07-09", 60000, course(p[0], p[1])).statusCode(201).extract().path("id");
        as("yj-bureau-admin").body(json("{'round': '2027年春季第1轮', 'winningFen': 120000, 'awardedOn': '2027-02-10'}"))
                .post(site(YJ, YJ_SCHOOL) + "/services/" + id + "/bid").then().statusCode(422)
                .body("code", equalTo("PROVIDER_PRICE_NOT_BELOW_OFF_CAMPUS"));
        as("yj-bureau-admin").body(json("{'round': '2027年春季第1轮', 'winningFen': 45000, 'awardedOn': '2027-02-10'}"))
                .post(site(YJ, YJ_SCHOOL) + "/services/" + id + "/bid").then().statusCode(200)
                .body("feeFen", equalTo(45000)).body("bids[0].round", equalTo("2027年春季第1轮"));
        as("yj-school-admin").body(json("{'round': 'x', 'winningFen': 1, 'awardedOn': '2027-02-10'}"))
                .post(site(YJ, YJ_SCHOOL) + "/services/" + id + "/bid").then().statusCode(403);
    }

    @Test
    void the_platform_recommends_vetted_provider_courses_for_the_grades_and_days_a_school_does_not_cover() {
        String school = CatalogApi.freshYangjiangSchool("");
        String term = term("yj-bureau-admin", YJ, school, "2027-03-01", "2027-07-09");
        List<String> titles = as("yj-bureau-admin").get(site(YJ, school) + "/recommendations?term=" + term).then().statusCode(200)
                .body("gradesUncovered", equalTo(List.of(1, 2, 3, 4, 5, 6)))
                .extract().path("courses.titleZh");
        // Lingnan is approved in Yangjiang (demo data); Tianshan only in Urumqi.
        assertThat(titles).contains("少儿科创实验").doesNotContain("民族舞蹈", "足球兴趣小组");

        // The course is for grades 3–6: a service for grades 1–6 does not fit it.
        String[] lingnan = {"lingnan-science-studio", as("yj-bureau-admin").get("/api/t/" + YJ + "/providers/lingnan-science-studio")
                .then().extract().path("courses.find { it.titleZh == '少儿科创实验' }.id")};
        service("yj-bureau-admin", YJ, school, term, "QUALITY_COURSE", "['SCIENCE']", "['MONDAY', 'WEDNESDAY']", "16:10", "17:40",
                "2027-03-01", "2027-07-09", 60000, course(lingnan[0], lingnan[1]))
                .statusCode(422).body("code", equalTo("PROVIDER_COURSE_GRADES"));
        as("yj-bureau-admin").body(json("{'term': '" + term + "', 'kind': 'QUALITY_COURSE', 'titleZh': '科创', 'tags': ['SCIENCE'],"
                        + " 'gradeFrom': 3, 'gradeTo': 6, 'days': ['MONDAY', 'WEDNESDAY'], 'start': '16:10', 'end': '17:40',"
                        + " 'capacity': 30, 'feeFen': 60000, 'venue': '科学室'" + course(lingnan[0], lingnan[1]) + "}"))
                .post(site(YJ, school) + "/services").then().statusCode(201);
        as("yj-bureau-admin").get(site(YJ, school) + "/recommendations?term=" + term).then().statusCode(200)
                .body("gradesUncovered", equalTo(List.of(1, 2)))
                .body("daysUncovered", equalTo(List.of("TUESDAY", "THURSDAY", "FRIDAY")))
                .body("courses.titleZh", not(hasItem("少儿科创实验")));
    }
}
