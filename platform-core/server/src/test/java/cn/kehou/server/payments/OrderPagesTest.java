package cn.kehou.server.payments;

import cn.kehou.server.testing.PortalBrowser;
import com.microsoft.playwright.APIResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parent on a phone, signed in through Keycloak's real page: opens the order the school charged,
 * sees each line and why, pays at the gateway simulator's cashier, comes back to "pending" until the
 * gateway's asynchronous notification arrives, then "paid", and gets the receipt — whose PDF text
 * names the school in Chinese. The school's finance office then sees the payment in its books.
 */
@QuarkusTest
class OrderPagesTest {

    static final String YJ = "guangdong-yangjiang-jiangcheng";

    @TestHTTPResource("/")
    URI base;

    @Inject
    LocalGatewaySimulator simulator;

    @AfterEach
    void calm() {
        simulator.chaos(LocalGatewaySimulator.Chaos.NONE);
    }

    @Test
    void a_parent_pays_a_charged_order_through_the_simulator_sees_it_pending_then_paid_and_gets_the_receipt() throws Exception {
        String order = ReceiptsTest.billedOrder("网付小明");
        try (PortalBrowser parent = PortalBrowser.open(base); PortalBrowser finance = PortalBrowser.open(base)) {
            parent.phone().login("guangdong-yangjiang", "yj-parent");
            parent.page().click("nav.main-nav >> text=我的缴费");
            assertThat(parent.path()).isEqualTo("/t/" + YJ + "/orders");
            assertThat(parent.page().textContent("[data-order='" + order + "']")).contains("网付小明", "待缴费", "待缴 ¥100.00");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);

            parent.page().click("[data-order='" + order + "'] a");
            assertThat(parent.path()).isEqualTo("/t/" + YJ + "/orders/" + order);
            assertThat(parent.text()).contains("收费明细", "网付小明", "核定价格", "家长应缴", "说明", "阳江市江城区第一小学")
                    .doesNotContain("下载电子收据");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            parent.screenshot("order-unpaid");

            // The gateway takes a few seconds to notify (a fixed seed: the first delay is about 2.9 s).
            simulator.chaos(new LocalGatewaySimulator.Chaos(1, 0, Duration.ofSeconds(4), false, false, 1));
            parent.page().click("#pay");
            parent.page().waitForURL("**" + LocalGatewaySimulator.CASHIER_PATH + "**");
            assertThat(parent.text()).contains("模拟收银台", "¥100.00", "确认支付");
            assertThat(parent.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            parent.screenshot("cashier");
            parent.page().click("#confirm");

            parent.page().waitForURL("**/t/" + YJ + "/orders/" + order);
            assertThat(parent.page().getAttribute("#order-state", "data-status")).isEqualTo("PENDING");
            assertThat(parent.text()).contains("支付处理中", "正在等待支付平台的到账通知");
            parent.screenshot("order-pending");
            // htmx polls the order until the gateway's notification has marked it paid.
            parent.page().waitForSelector("#order-state[data-status=PAID]",
                    new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(30_000));
            assertThat(parent.text()).contains("已缴清", "下载电子收据", "已到账");
            parent.screenshot("order-paid");

            APIResponse receipt = parent.page().request().get(parent.url("/t/" + YJ + "/orders/" + order + "/receipt.pdf"));
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.headers().get("content-type")).startsWith("application/pdf");
            try (PDDocument doc = Loader.loadPDF(receipt.body())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("课后服务费电子收据", "阳江市江城区第一小学", "网付小明", "¥100.00");
            }

            finance.phone().login("guangdong-yangjiang", "yj-finance");
            finance.page().click("section[data-role=SCHOOL_FINANCE] [data-waiting=PAYMENTS] a");
            assertThat(finance.path()).isEqualTo("/t/" + YJ + "/schools/yangjiang-jiangcheng-no1-primary/books");
            assertThat(finance.text()).contains("收费账目", "借贷平衡", "家长缴费", "网付小明");
            assertThat(finance.page().getAttribute("#trial", "data-trial-balance")).isEqualTo("0");
            assertThat(finance.scrollWidth()).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
            finance.screenshot("school-books");
        }
    }
}
