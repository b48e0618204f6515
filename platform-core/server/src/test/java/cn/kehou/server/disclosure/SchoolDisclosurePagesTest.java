package cn.kehou.server.disclosure;

import cn.kehou.server.payments.PaymentsFixtures;
import cn.kehou.server.testing.PortalBrowser;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalTime;

import static cn.kehou.server.payments.PaymentsFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role homes lead to disclosure (complaint desk with its open count, a parent's surveys and the
 * committee's results, the school admin's publishing desk), and a school admin publishes the service
 * guide from the page without script; the public page then shows it.
 */
@QuarkusTest
class SchoolDisclosurePagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @TestHTTPResource("/")
    URI base;

    @Test
    void homes_link_to_disclosure_and_a_school_admin_publishes_the_guide_from_the_page() throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, SCHOOL, "BASIC_CARE", LocalTime.of(16, 20), LocalTime.of(17, 50),
                0, null, today().minusDays(3), today().plusDays(60));
        PaymentsFixtures.arranged(s, "yj-parent", "主页调查孩子");
        DisclosureTest.seatOnCommittee("yj-parent", SCHOOL);
        given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body("{\"service\": \"" + s.id() + "\", \"title\": \"主页满意度调查\", \"questions\": [\"满意吗\"]}")
                .post("/api/t/" + YJ + "/schools/" + SCHOOL + "/surveys").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"about\": \"SCHOOL\", \"school\": \"" + SCHOOL + "\", \"body\": \"主页举报：放学太晚\"}")
                .post("/api/public/t/" + YJ + "/complaints").then().statusCode(201);

        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone().login(YJ, "yj-bureau-admin");
            browser.go("/t/" + YJ + "/home");
            String bureau = "section[data-role=BUREAU_ADMIN] [data-waiting=REPORTS]";
            assertThat(browser.page().textContent(bureau)).contains("监督举报办理", "件举报待办理");
            browser.page().click(bureau + " a[href$='/complaints']");
            assertThat(browser.text()).contains("主页举报：放学太晚");
        }
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone().login(YJ, "yj-parent");
            browser.go("/t/" + YJ + "/home");
            String parent = "section[data-role=PARENT] [data-waiting=REPORTS]";
            assertThat(browser.page().textContent(parent)).contains("主页满意度调查", "家长委员会");
            browser.page().click(parent + " a[href$='/" + SCHOOL + "/survey-results']");
            assertThat(browser.text()).contains("主页满意度调查");
        }
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone().login(YJ, "yj-school-admin");
            browser.go("/t/" + YJ + "/home");
            browser.page().click("section[data-role=SCHOOL_ADMIN] [data-waiting=REPORTS] a[href$='/" + SCHOOL + "/disclosures']");
            browser.page().fill("#guide-form textarea[name=safetyMeasures]", "页面公示：专人接送，门卫登记核验");
            browser.page().fill("#guide-form input[name=complaintPhone]", "0662-1234567");
            browser.page().click("#guide-form button[type=submit]");
            assertThat(browser.page().textContent("#published")).contains("服务指南已公示");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            browser.go("/t/" + YJ + "/public/disclosure/schools/" + SCHOOL);
            assertThat(browser.text()).contains("页面公示：专人接送，门卫登记核验", "0662-1234567");
        }
    }
}
