package io.dayuan.visitorpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (both given by path, so Selenium Manager never
 * downloads a driver or a browser), on a phone-sized screen, with the checks every visitor page must pass.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("dayuan.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("dayuan.chromedriver", "/usr/bin/chromedriver"));

    /** Where {@code -Ddayuan.write-screenshots} puts the pages' pictures for the app team. */
    static final Path SCREENSHOTS = Path.of("mobile-schema", "visitor-pages");

    /** The MIIT 适老化 rules' smallest body text and touch target, in CSS pixels. */
    static final double MIN_TEXT_PX = 18;
    static final double MIN_TARGET_PX = 48;

    // Chromium adds the q-values itself: a list given with them comes out malformed
    private static final String CHINESE = "zh-CN,zh";

    private final Path profile;
    private final ChromeDriver driver;
    private final String userAgent;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
        this.userAgent = (String) driver.executeScript("return navigator.userAgent");
    }

    /** Why the browser tests cannot run on this machine, or null when Chromium and its driver are there. */
    static String missing() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return null;
        }
        return "SKIPPED: the visitor pages' browser tests need Chromium at " + BROWSER + " and chromedriver at "
                + DRIVER + " (Debian's chromium and chromium-driver; .ci/run installs them)";
    }

    /** Skips the calling test, with the reason, where this machine has no browser or no driver. */
    static void assumePresent() {
        String reason = missing();
        assumeTrue(reason == null, reason);
    }

    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("dayuan-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--hide-scrollbars", "--lang=zh-CN", "--user-data-dir=" + profile);
        // a phone's screen; its pixel ratio makes the screenshots sharp
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", CHINESE));
        // a Chinese phone: date and time fields written as there (with Debian's chromium-l10n for the zh-CN locale)
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // leave the first blank page: what DevTools sets on it (the font size) is lost at the first real page
        driver.get("data:,");
        return new HeadlessChromium(profile, driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Waits for the page a click or a script leads to. */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Sets a field the way a date or time picker does (typing into one depends on the browser's locale). */
    void setValue(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(css), value);
    }

    /** What the browser asks for in {@code Accept-Language}: Chinese unless a test says otherwise. */
    void acceptLanguage(String languages) {
        driver.executeCdpCommand("Network.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", languages == null ? CHINESE : languages));
    }

    /** The browser's font size setting (Chrome's default is 16 px), as an elder raises it. */
    void fontSize(int pixels) {
        driver.executeCdpCommand("Page.setFontSizes",
                Map.of("fontSizes", Map.of("standard", pixels, "fixed", Math.round(pixels * 13 / 16f))));
    }

    // ------------------------------------------------------------------ checks

    /**
     * The page passes axe-core's WCAG 2.x A/AA and best-practice rules (colour contrast and labels among them), and
     * the elder-friendly rules measured on its computed styles.
     */
    void assertAccessible(double minText) {
        String page = driver.getCurrentUrl();
        assertThat(axeViolations()).as("axe-core violations on %s", page).isEmpty();
        assertThat(elderProblems(minText)).as("elder-friendly rules broken on %s", page).isEmpty();
    }

    void assertAccessible() {
        assertAccessible(MIN_TEXT_PX);
    }

    /**
     * axe-core's violations, one line each starting with the rule's id. It runs through executeScript, which the
     * pages' CSP (script-src 'self') does not govern; that it really ran is checked on its passed rules.
     */
    List<String> axeViolations() {
        Results results = new AxeBuilder().setLegacyMode(true).disableIframeTesting()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze(driver);
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        assertThat(ids(results.getPasses())).as("axe-core ran its contrast rule").contains("color-contrast");
        assertThat(ids(results.getIncomplete())).as("contrast axe-core could not decide")
                .doesNotContain("color-contrast");
        return results.getViolations().stream().map(HeadlessChromium::describe).toList();
    }

    private static List<String> ids(List<Rule> rules) {
        return rules.stream().map(Rule::getId).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> node.getHtml()).collect(Collectors.joining(" | "));
    }

    /**
     * The 适老化 rules on the computed styles, one line per problem: "text" for visible text under {@code minText}
     * px, "target" for a link, button or field under 48 px high or wide, "overflow" when the page is wider than the
     * screen (it would have to be scrolled sideways).
     */
    @SuppressWarnings("unchecked")
    List<String> elderProblems(double minText) {
        return (List<String>) driver.executeScript("""
                const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
                const problems = [];
                const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (texts.nextNode()) {
                  const el = texts.currentNode.parentElement;
                  const size = parseFloat(getComputedStyle(el).fontSize);
                  if (texts.currentNode.textContent.trim() && visible(el) && size < arguments[0]) {
                    problems.push('text ' + size + 'px: ' + texts.currentNode.textContent.trim());
                  }
                }
                const targets = document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea');
                for (const el of targets) {
                  const box = el.getBoundingClientRect();
                  if (visible(el) && (box.height < arguments[1] || box.width < arguments[1])) {
                    problems.push('target ' + box.width + 'x' + box.height + ': ' + el.outerHTML.slice(0, 80));
                  }
                }
                if (targets.length === 0) {
                  problems.push('nothing measured: no link, button or field');
                }
                const overflow = document.documentElement.scrollWidth - window.innerWidth;
                if (overflow > 0) {
                  problems.push('overflow ' + overflow + 'px');
                }
                return problems;
                """, minText, MIN_TARGET_PX);
    }

    // ------------------------------------------------------------------ pictures

    /** What the element shows on the screen, as an image. */
    BufferedImage picture(WebElement element) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(shot(element)));
    }

    /** chromedriver's element screenshot is cut at the screen's edge under phone emulation: bring it in first. */
    private byte[] shot(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element.getScreenshotAs(OutputType.BYTES);
    }

    /**
     * With {@code -Ddayuan.write-screenshots}: the whole page, or one element of it with a margin, as a PNG for the
     * README.
     */
    void screenshot(String name, String css) throws IOException {
        if (System.getProperty("dayuan.write-screenshots") == null) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        Map<String, Object> capture = new HashMap<>(Map.of("format", "png", "captureBeyondViewport", true));
        if (css != null) {
            capture.put("clip", driver.executeScript("""
                    const box = arguments[0].getBoundingClientRect();
                    const x = Math.max(0, box.left + window.scrollX - 16);
                    return { x: x, y: Math.max(0, box.top + window.scrollY - 16), scale: 1,
                             width: Math.min(document.documentElement.clientWidth - x, box.width + 32),
                             height: box.height + 32 };
                    """, find(css)));
        }
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder()
                .decode((String) driver.executeCdpCommand("Page.captureScreenshot", capture).get("data")));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
