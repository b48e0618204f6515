package cn.kehou.server.disclosure;

import cn.kehou.server.testing.PortalBrowser;
import cn.kehou.server.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's public disclosure in a real browser: no login, no script, on a 375 px phone, in Chinese. */
@QuarkusTest
class PublicDisclosurePagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_visitor_opens_the_tenants_public_page_without_logging_in_and_reads_the_schools_service_guide_in_chinese() {
        given().auth().oauth2(Tokens.of("yj-school-admin")).contentType(ContentType.JSON)
                .body("{\"kind\": \"SERVICE_GUIDE\", \"safetyMeasures\": \"放学后由班主任点名交接，家长凭接送卡接孩子\","
                        + " \"complaintPhone\": \"0662-3210000\"}")
                .post("/api/t/" + YJ + "/schools/" + SCHOOL + "/disclosures").then().statusCode(201);

        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.phone();
            browser.go("/t/" + YJ);
            browser.page().click("#disclosure-link");
            assertThat(browser.path()).isEqualTo("/t/" + YJ + "/public/disclosure");
            assertThat(browser.text()).contains("信息公示", "阳江市江城区第一小学", "监督举报");
            browser.page().click("[data-school=" + SCHOOL + "] a");
            assertThat(browser.path()).isEqualTo("/t/" + YJ + "/public/disclosure/schools/" + SCHOOL);
            assertThat(browser.page().textContent("#service-guide")).contains("课后服务指南", "安全保障措施",
                    "放学后由班主任点名交接，家长凭接送卡接孩子", "监督举报电话", "0662-3210000");
            assertThat(browser.text()).contains("收费公示", "专账摘要").doesNotContain("登录后");
            assertThat(browser.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            browser.screenshot("public-disclosure-school");

            // The complaint form works without script and without login.
            browser.go("/t/" + YJ + "/public/disclosure/complaint");
            browser.page().selectOption("#about", "SERVICE");
            browser.page().selectOption("#school", SCHOOL);
            browser.page().fill("#body", "托管老师提前离岗");
            browser.page().click("form button[type=submit]");
            assertThat(browser.page().textContent("#filed")).contains("举报已受理");

            browser.go("/t/" + YJ + "/public/disclosure/blacklist");
            assertThat(browser.text()).contains("年度第三方机构黑名单");
        }
    }
}
