package cn.kehou.server.reports;

import cn.kehou.server.testing.PortalBrowser;
import com.microsoft.playwright.Download;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 §7: a bureau signs in through Keycloak, finds its reports from its home and downloads one. */
@QuarkusTest
class ReportsBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_bureau_admin_signs_in_and_downloads_a_report_from_the_reports_page() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-bureau-admin");
            assertThat(browser.path()).isEqualTo("/t/guangdong-yangjiang/home");
            browser.page().click("section[data-role=BUREAU_ADMIN] a[href='/t/guangdong-yangjiang/reports']");
            browser.page().waitForSelector("#reports li[data-report=ledger]");
            assertThat(browser.text()).contains("监管报表", "课后服务经费台账");

            Download download = browser.page().waitForDownload(() ->
                    browser.page().click("#reports li[data-report=ledger] a[data-format=xlsx]"));
            assertThat(download.suggestedFilename()).startsWith("guangdong-yangjiang-ledger-").endsWith(".xlsx");
            byte[] bytes = Files.readAllBytes(download.path());
            assertThat(new String(bytes, 0, 2)).isEqualTo("PK");
            List<String> header = new ArrayList<>();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                Row first = wb.getSheetAt(0).getRow(0);
                DataFormatter text = new DataFormatter();
                first.forEach(cell -> header.add(text.formatCellValue(cell)));
            }
            assertThat(header).isNotEmpty().allSatisfy(h -> assertThat(h).isNotBlank());
            assertThat(String.join("", header)).matches(".*\\p{IsHan}.*");

            // The dashboard: one row per school and per district, charts drawn from the school table.
            browser.go("/t/guangdong-yangjiang/dashboard");
            assertThat(browser.page().locator("#schools tbody tr[data-school=yangjiang-jiangcheng-no1-primary]").count()).isEqualTo(1);
            assertThat(browser.page().locator("#tenants tbody tr[data-tenant=guangdong-yangjiang-jiangcheng]").count()).isEqualTo(1);
            assertThat(browser.text()).doesNotContain("乌鲁木齐", "南昌");
            browser.page().waitForSelector("#chart-participation canvas");
            // Drill down: the district's own dashboard.
            browser.page().click("#tenants a[href^='/t/guangdong-yangjiang-jiangcheng/dashboard']");
            browser.page().waitForURL("**/t/guangdong-yangjiang-jiangcheng/dashboard**");
            assertThat(browser.page().locator("#schools tbody tr[data-school=yangjiang-jiangcheng-no1-primary]").count()).isEqualTo(1);

            browser.phone();
            for (String page : List.of("/t/guangdong-yangjiang/reports", "/t/guangdong-yangjiang/dashboard")) {
                browser.go(page);
                assertThat(browser.scrollWidth()).as(page).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);
                assertThat((List<?>) browser.page().evaluate(cn.kehou.server.portal.PhoneLayoutTest.READABILITY)).as(page).isEmpty();
            }
        }
    }

    @Test
    void without_javascript_the_tables_and_the_download_links_still_work() throws Exception {
        try (PortalBrowser browser = PortalBrowser.withoutJavaScript(base)) {
            browser.login("guangdong-yangjiang", "yj-bureau-admin");
            browser.go("/t/guangdong-yangjiang/dashboard");
            assertThat(browser.page().locator("#schools tbody tr").count()).isPositive();
            Download csv = browser.page().waitForDownload(() -> browser.page().click("a[href*='/dashboard/schools?'][href$='format=csv']"));
            String text = Files.readString(csv.path());
            assertThat(text).startsWith("\uFEFF").contains("阳江市江城区第一小学");
        }
    }

    @Test
    void a_school_finance_officer_downloads_the_published_ledger_of_their_school() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.login("guangdong-yangjiang", "yj-finance");
            String reports = "/t/guangdong-yangjiang-jiangcheng/schools/yangjiang-jiangcheng-no1-primary/reports";
            browser.page().click("section[data-role=SCHOOL_FINANCE] a[href='" + reports + "']");
            browser.page().waitForSelector("#reports li[data-report=ledger]");
            assertThat(browser.text()).contains("阳江市江城区第一小学");
            Download pdf = browser.page().waitForDownload(() -> browser.page().click("#reports li[data-report=ledger] a[data-format=pdf]"));
            assertThat(pdf.suggestedFilename()).startsWith("yangjiang-jiangcheng-no1-primary-ledger-").endsWith(".pdf");
            assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5)).isEqualTo("%PDF-");
        }
    }
}
