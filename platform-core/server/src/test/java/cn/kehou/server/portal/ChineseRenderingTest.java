package cn.kehou.server.portal;

import cn.kehou.server.testing.PortalBrowser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese shows as Chinese, not as boxes: the machine has CJK fonts, and the portal's "课后服务"
 * drawn by the test browser differs from the same place drawn by a browser that can only reach a
 * font without CJK glyphs (where it turns into tofu boxes).
 */
@QuarkusTest
class ChineseRenderingTest {

    static final Path NO_CJK = Path.of("target", "fontconfig-no-cjk").toAbsolutePath();

    @TestHTTPResource("/")
    URI base;

    @Test
    void the_machine_has_a_font_for_chinese() throws IOException, InterruptedException {
        Process fcList = new ProcessBuilder("fc-list", ":lang=zh").redirectErrorStream(true).start();
        String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fcList.waitFor()).isZero();
        assertThat(fonts.strip()).as("fc-list :lang=zh (apt-get install fonts-noto-cjk)").isNotEmpty();
    }

    @Test
    void the_tenant_name_renders_as_chinese_glyphs_not_boxes() throws IOException {
        String heading = ".hero h1";
        byte[] real;
        Clip region;
        try (PortalBrowser browser = PortalBrowser.open(base)) {
            browser.go("/t/guangdong-yangjiang");
            assertThat(browser.page().textContent(heading)).contains("课后服务");
            BoundingBox box = browser.page().locator(heading).boundingBox();
            region = new Clip(box.x, box.y, box.width, box.height);
            real = browser.page().screenshot(new Page.ScreenshotOptions().setClip(region));
            browser.screenshot("chinese-with-cjk-fonts");
        }
        Browser noCjk = PortalBrowser.launchWith(Map.of("FONTCONFIG_FILE", fontconfigWithoutCjk().toString()));
        byte[] tofu;
        try (var context = noCjk.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(base.resolve("/t/guangdong-yangjiang").toString());
            tofu = page.screenshot(new Page.ScreenshotOptions().setClip(region));
            Files.write(PortalBrowser.SCREENSHOTS.resolve("chinese-without-cjk-fonts.png"),
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)));
        } finally {
            noCjk.close();
        }
        assertThat(differingPixels(real, tofu)).as("pixels that differ between CJK glyphs and boxes").isGreaterThan(100);
    }

    /** A fontconfig that knows only DejaVu (Latin, Greek, Cyrillic — no Chinese). */
    private static Path fontconfigWithoutCjk() throws IOException {
        Files.createDirectories(NO_CJK.resolve("cache"));
        Files.createDirectories(PortalBrowser.SCREENSHOTS);
        Path conf = NO_CJK.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <dir>/usr/share/fonts/truetype/dejavu</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(NO_CJK.resolve("cache")));
        return conf;
    }

    private static long differingPixels(byte[] a, byte[] b) throws IOException {
        BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
        BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
        long differing = 0;
        for (int i = 0; i < Math.min(x.getWidth(), y.getWidth()); i++) {
            for (int j = 0; j < Math.min(x.getHeight(), y.getHeight()); j++) {
                if (x.getRGB(i, j) != y.getRGB(i, j)) {
                    differing++;
                }
            }
        }
        return differing + Math.abs((long) x.getWidth() * x.getHeight() - (long) y.getWidth() * y.getHeight());
    }
}
