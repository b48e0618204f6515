package cn.kehou.server.reconciliation;

import cn.kehou.server.settlement.MonthScenario;
import cn.kehou.server.testing.PortalBrowser;
import cn.kehou.server.testing.Tokens;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.ElementHandle;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school's finance office on a phone, signed in through Keycloak's page: from its home to the
 * month's payouts, to the month's reconciliation; it types its ledger's figures (one fee short),
 * sees that line marked as a difference, is refused confirmation until it explains it, then
 * confirms. The provider's administrator then reads its own statement of the month.
 */
@QuarkusTest
class ReconciliationPagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";
    static final String SCHOOL = "yangjiang-jiangcheng-no1-primary";

    @TestHTTPResource("/")
    URI base;

    @Test
    void finance_enters_its_ledger_sees_the_difference_explains_it_and_confirms_and_the_provider_reads_its_statement()
            throws Exception {
        MonthScenario m = MonthScenario.build(YearMonth.of(2025, 1), MonthScenario.LINGNAN);
        given().auth().oauth2(Tokens.of("yj-finance")).post("/api/t/" + YJ + "/settlements/" + m.period()).then().statusCode(200);
        String careLine = "COLLECTED:" + m.care.id();
        try (PortalBrowser finance = PortalBrowser.open(base); PortalBrowser provider = PortalBrowser.open(base)) {
            finance.phone().login("guangdong-yangjiang", "yj-finance");
            finance.page().click("section[data-role=SCHOOL_FINANCE] [data-waiting=REPORTS] a >> nth=0");
            assertThat(finance.path()).isEqualTo("/t/" + YJ + "/schools/" + SCHOOL + "/settlements");
            assertThat(finance.page().textContent("[data-period='" + m.period() + "']")).contains("2025-01 划拨", "下载付款文件");
            APIResponse payout = finance.page().request().get(finance.url("/t/" + YJ + "/schools/" + SCHOOL + "/settlements/"
                    + m.period() + "/payout.csv"));
            assertThat(payout.status()).isEqualTo(200);
            assertThat(payout.text()).contains(cn.kehou.server.ledger.Money.ofFen(m.schoolIncome).yuan());
            assertThat(finance.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            finance.screenshot("school-settlements");

            finance.page().click("[data-period='" + m.period() + "'] >> text=台账对账");
            assertThat(finance.path()).isEqualTo("/t/" + YJ + "/schools/" + SCHOOL + "/reconciliations/" + m.period());
            assertThat(finance.text()).contains("台账对账", "服务学生人数", "实收费用", "划拨学校", "应付服务机构", "未录入");
            for (ElementHandle line : finance.page().querySelectorAll("#lines li[data-line]")) {
                String code = line.getAttribute("data-line");
                String platform = line.getAttribute("data-platform");
                line.querySelector("input").fill(code.equals(careLine) ? new BigDecimal(platform).subtract(BigDecimal.TEN).toPlainString()
                        : platform);
            }
            finance.page().click("#save");
            assertThat(finance.page().getAttribute("#reconciliation", "data-differences")).isEqualTo("1");
            assertThat(finance.page().getAttribute("[data-line='" + careLine + "']", "data-differs")).isEqualTo("true");
            assertThat(finance.page().textContent("[data-line='" + careLine + "'] .difference")).isEqualTo("-¥10.00");
            assertThat(finance.text()).contains("已保存", "有 1 项差异", "草稿");
            assertThat(finance.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            finance.screenshot("reconciliation-difference");

            finance.page().click("#confirm");
            assertThat(finance.page().textContent("#recon-problem")).contains("差异需要说明");
            finance.page().fill("#f-confirm-note", "10.00 元现金缴费漏记，已补记");
            finance.page().click("#confirm");
            assertThat(finance.page().getAttribute("#reconciliation", "data-status")).isEqualTo("CONFIRMED");
            assertThat(finance.text()).contains("已确认", "yj-finance", "10.00 元现金缴费漏记");
            assertThat(finance.page().querySelector("#confirm")).isNull();
            finance.screenshot("reconciliation-confirmed");

            provider.phone().login("guangdong-yangjiang", "yj-provider-admin");
            provider.go("/t/guangdong-yangjiang/providers/" + MonthScenario.LINGNAN + "/statements/" + m.period());
            assertThat(provider.page().textContent("[data-service='" + m.course.service().id() + "']"))
                    .contains("阳江市江城区第一小学", "合同分成 70%", "实际课时 " + m.sessions);
            assertThat(provider.page().textContent("#total-paid")).contains(cn.kehou.server.ledger.Money.ofFen(m.providerEarned).yuan());
            assertThat(provider.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            provider.screenshot("provider-statement");
        }
    }
}
