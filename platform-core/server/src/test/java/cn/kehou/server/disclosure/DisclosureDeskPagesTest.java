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

/** The signed-in disclosure pages without script: a parent answers a survey, the bureau handles a complaint. */
@QuarkusTest
class DisclosureDeskPagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_parent_answers_a_survey_and_the_bureau_resolves_a_complaint_on_pages_without_javascript() throws Exception {
        PaymentsFixtures.Service s = PaymentsFixtures.service(YJ, SCHOOL, "BASIC_CARE", LocalTime.of(16, 10), LocalTime.of(17, 40),
                0, null, today().minusDays(3), today().plusDays(60));
        PaymentsFixtures.arranged(s, "yj-parent", "页面调查孩子");
        DisclosureTest.seatOnCommittee("yj-parent", SCHOOL);
        String survey = given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body("{\"service\": \"" + s.id() + "\", \"title\": \"页面满意度调查\", \"questions\": [\"满意吗\", \"安全吗\"]}")
                .post("/api/t/" + YJ + "/schools/" + SCHOOL + "/surveys").then().statusCode(201).extract().path("id");
        String complaint = given().contentType(ContentType.JSON)
                .body("{\"about\": \"SCHOOL\", \"school\": \"" + SCHOOL + "\", \"body\": \"页面举报：收费不透明\"}")
                .post("/api/public/t/" + YJ + "/complaints").then().statusCode(201).extract().path("id");

        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone().login(YJ, "yj-parent");
            browser.go("/t/" + YJ + "/surveys");
            String form = "form[data-survey='" + survey + "']";
            browser.page().check(form + " input[name=q0][value='5']");
            browser.page().check(form + " input[name=q1][value='4']");
            browser.page().fill(form + " textarea", "很好");
            browser.page().click(form + " button[type=submit]");
            assertThat(browser.page().textContent("#answered")).contains("谢谢");
            assertThat(browser.page().isVisible(form)).isFalse();
            // On the committee, the parent reads the school's results.
            browser.go("/t/" + YJ + "/schools/" + SCHOOL + "/survey-results");
            assertThat(browser.text()).contains("页面满意度调查", "满意吗：平均 5.0 分");
        }
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone().login(YJ, "yj-bureau-admin");
            browser.go("/t/" + YJ + "/complaints");
            String card = "[data-complaint='" + complaint + "']";
            assertThat(browser.page().textContent(card)).contains("页面举报：收费不透明", "已受理");
            browser.page().selectOption(card + " select", "RESOLVED");
            browser.page().click(card + " button[type=submit]");
            // A resolution needs a note: refused on the page, nothing changed.
            assertThat(browser.text()).contains("请填写原因");
            browser.page().selectOption(card + " select", "RESOLVED");
            browser.page().fill(card + " input[name=note]", "已责令学校公示收费");
            browser.page().click(card + " button[type=submit]");
            assertThat(browser.page().textContent(card)).contains("已办结", "已责令学校公示收费");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
        }
    }
}
