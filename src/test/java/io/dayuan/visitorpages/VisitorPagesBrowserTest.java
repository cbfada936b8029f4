package io.dayuan.visitorpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.dayuan.Database;
import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The visitor's pages in a real browser (headless Chromium, one for the class), each page also checked against the
 * accessibility rules. Skipped, with the reason, where the machine has no Chromium. With
 * {@code -Ddayuan.write-screenshots} the pages' pictures are rewritten under mobile-schema/visitor-pages/.
 */
@QuarkusTest
class VisitorPagesBrowserTest {

    /** The README's dev-mode link; the demo data (db/demo) is in the test database too. */
    private static final String DEMO_LINK = "/v/demo-visitor-link";

    private static HeadlessChromium browser;

    @Inject
    VisitFixtures fixtures;

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (HeadlessChromium.missing() == null) {
            browser = HeadlessChromium.start();
        } else {
            System.err.println(HeadlessChromium.missing());
        }
    }

    /** Each test is reported skipped, with the reason, where the machine has no Chromium: never a silent pass. */
    @BeforeEach
    void browserPresent() {
        HeadlessChromium.assumePresent();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void chineseAtTheUsualFontSize() {
        if (browser == null) {
            return;
        }
        browser.acceptLanguage(null);
        browser.fontSize(16);
    }

    @Test
    void anInvitedVisitorConsentsEnrolsAPhotoWithdrawsShowsThePassAndCancels() throws Exception {
        Staff host = fixtures.staff();
        Map<String, Object> input = fixtures.invitation(fixtures.site());
        input.put("purpose", "洽谈");
        input.put("plate", "京B23456");
        JsonPath visit = fixtures.invited(host.as(), input);
        String token = visit.getString("visitorToken");
        UUID id = UUID.fromString(visit.getString("id"));

        browser.open(url("/v/" + token));
        assertThat(browser.find("#host").getText()).isEqualTo(visit.getString("host.name"));
        assertThat(browser.find("#window").getText()).contains(inShanghai((String) input.get("arriveFrom"),
                "M月d日"), inShanghai((String) input.get("arriveFrom"), "HH:mm"),
                inShanghai((String) input.get("arriveUntil"), "HH:mm")).endsWith("（中国时间）");
        assertThat(browser.driver().getPageSource()).doesNotContain(host.phone());
        WebElement agree = browser.find("#agree");
        assertThat(agree.isSelected()).as("consent is never pre-ticked").isFalse();
        browser.assertAccessible();

        agree.click();
        browser.find("#consent-form button").click();
        browser.await("#photo-form");
        assertThat(visitorVisit(token).getString("faceConsentVersion")).isEqualTo("face-consent-2026-12.zh");

        browser.find("#photo").sendKeys(photo().toString());
        browser.await("#photo-preview");
        browser.assertAccessible();
        browser.find("#photo-form button").click();
        browser.await("#face-enrolled");
        assertThat(visitorVisit(token).getBoolean("faceEnrolled")).isTrue();
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", id)).isEqualTo(1);
        browser.assertAccessible();

        browser.find("#withdraw-form button").click();
        browser.await("#consent-form");
        JsonPath withdrawn = visitorVisit(token);
        assertThat(withdrawn.getBoolean("faceEnrolled")).isFalse();
        assertThat(withdrawn.getString("faceConsentAt")).isNull();
        assertThat(database.count("SELECT count(*) FROM visit_face WHERE visit_id = $1", id)).isZero();

        WebElement qr = browser.find("#pass-qr");
        assertThat((Boolean) browser.driver().executeScript("return arguments[0].complete && "
                + "arguments[0].naturalWidth > 0", qr)).as("the QR image loaded").isTrue();
        assertThat(qr.getRect().getWidth()).as("QR width in CSS px on a 390 px screen").isGreaterThanOrEqualTo(300);
        assertThat(decode(browser.picture(qr))).isEqualTo(withdrawn.getString("pass.code")).startsWith("DY:");
        assertThat(browser.find("#pass").getText()).contains("京B23456");

        browser.find("#cancel-link").click();
        browser.await("#cancel-confirm");
        assertThat(status(id)).as("the confirmation step cancels nothing yet").isEqualTo("APPROVED");
        browser.assertAccessible();
        browser.find("#cancel-confirm").click();
        browser.await("#cancelled");
        assertThat(status(id)).isEqualTo("CANCELLED");
        browser.assertAccessible();
        browser.open(url("/v/" + token));
        browser.await("#gone");
        browser.assertAccessible();
    }

    @Test
    void theWalkUpFormShowsEachBadFieldThenConfirmsTheRequest() throws IOException {
        browser.open(url("/v/request/" + Demo.DEMO_SITE));
        browser.assertAccessible();
        String visitorPhone = VisitFixtures.mobile();
        fill("12345", "", visitorPhone, "2020-01-01", "09:00", "08:00", "ABC");
        browser.find("#submit").click();
        browser.await("#error-summary");
        for (String field : new String[] { "hostPhone", "visitorName", "untilTime", "plate" }) {
            assertThat(browser.find("#" + field + "-error").getText()).as(field).startsWith("⚠");
            assertThat(browser.find("#" + field).getAttribute("aria-invalid")).as(field).isEqualTo("true");
        }
        assertThat(browser.present("#visitorPhone-error")).isFalse();
        assertThat(browser.find("#hostPhone").getDomProperty("value")).as("what was typed is kept").isEqualTo("12345");
        browser.assertAccessible();
        browser.screenshot("walk-up-form-errors", null);

        String date = VisitFixtures.inHours(48).toLocalDate().toString();
        fill("13800000001", "王五", visitorPhone, date, "09:00", "11:00", "");
        browser.find("#submit").click();
        assertThat(browser.await("#requested").getText()).contains("申请已提交");
        assertThat(browser.find("main").getText()).contains(visitorPhone);
        assertThat(database.count("SELECT count(*) FROM visit WHERE visitor_phone LIKE $1 AND status = 'REQUESTED'",
                "%" + visitorPhone)).isEqualTo(1);
        browser.assertAccessible();
    }

    @Test
    void theDemoVisitorsLinkOpensTheirVisitWithPassAndConsent() throws IOException {
        browser.open(url(DEMO_LINK));
        assertThat(browser.find("#host").getText()).isEqualTo("张伟");
        assertThat(browser.find("#site").getText()).isEqualTo("青山镇政府大院");
        assertThat(browser.find("#directions").getText()).contains("南门");
        assertThat(browser.present("#pass-qr")).isTrue();
        assertThat(browser.present("#consent-form")).isTrue();
        browser.assertAccessible();
        browser.screenshot("visit", null);
        browser.screenshot("face-consent", "#face");
        browser.screenshot("pass", "#pass");

        browser.find("#cancel-link").click();
        browser.await("#cancel-confirm");
        browser.assertAccessible();
        browser.screenshot("cancel-confirmation", null);
    }

    @Test
    void englishByLangParameterOrByTheBrowsersLanguage() throws IOException {
        browser.open(url(DEMO_LINK + "?lang=en"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find("h1").getText()).isEqualTo("Your visit");
        browser.assertAccessible();
        browser.screenshot("visit-en", null);

        browser.open(url(DEMO_LINK));
        assertThat(browser.find("h1").getText()).as("Chinese by default").isEqualTo("您的来访");
        browser.acceptLanguage("en-GB,en,zh");
        browser.open(url(DEMO_LINK));
        assertThat(browser.find("h1").getText()).isEqualTo("Your visit");
        browser.open(url("/v/request/" + Demo.DEMO_SITE));
        browser.find("#submit").click();
        assertThat(browser.await("#error-summary").getText()).contains("need correcting");
        browser.assertAccessible();
    }

    @Test
    void withTheBrowsersFontSizeDoubledTextGrowsAndThePagesStillWork() {
        browser.fontSize(32);
        browser.open(url(DEMO_LINK));
        browser.assertAccessible(2 * HeadlessChromium.MIN_TEXT_PX);
        browser.open(url("/v/request/" + Demo.DEMO_SITE));
        browser.find("#submit").click();
        browser.await("#error-summary");
        browser.assertAccessible(2 * HeadlessChromium.MIN_TEXT_PX);
    }

    @Test
    void theChecksFindFaintTinyAndUnlabelledThings() {
        browser.open(url("/v/request/" + Demo.DEMO_SITE));
        browser.driver().executeScript("""
                const faint = document.createElement('p');
                faint.textContent = '小而淡的字';
                faint.style.color = '#bbbbbb';
                faint.style.fontSize = '12px';
                const link = document.createElement('a');
                link.href = '#';
                link.textContent = '小链接';
                faint.append(link);
                document.querySelector('main').append(faint, document.createElement('input'));
                """);
        assertThat(browser.axeViolations()).anyMatch(line -> line.startsWith("color-contrast"))
                .anyMatch(line -> line.startsWith("label"));
        assertThat(browser.elderProblems(HeadlessChromium.MIN_TEXT_PX))
                .anyMatch(line -> line.startsWith("text 12px"))
                .anyMatch(line -> line.startsWith("target"));
    }

    // ------------------------------------------------------------------ helpers

    private static String url(String path) {
        return ConfigProvider.getConfig().getValue("test.url", String.class) + path;
    }

    private static String inShanghai(String instant, String pattern) {
        ZonedDateTime local = OffsetDateTime.parse(instant).atZoneSameInstant(ZoneId.of("Asia/Shanghai"));
        return DateTimeFormatter.ofPattern(pattern).format(local);
    }

    private void fill(String hostPhone, String visitorName, String visitorPhone, String date, String from,
            String until, String plate) {
        Map.of("#hostPhone", hostPhone, "#visitorName", visitorName, "#visitorPhone", visitorPhone, "#plate", plate)
                .forEach((field, value) -> {
                    WebElement input = browser.find(field);
                    input.clear();
                    input.sendKeys(value);
                });
        browser.setValue("#date", date);
        browser.setValue("#fromTime", from);
        browser.setValue("#untilTime", until);
    }

    private JsonPath visitorVisit(String token) {
        JsonPath answer = graphQL.call(graphQL.anonymous(), "query($t: String!) { visitorVisit(token: $t) { "
                + "faceEnrolled faceConsentAt faceConsentVersion pass { code } } }", Map.of("t", token));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        return answer.setRootPath("data.visitorVisit");
    }

    private String status(UUID visit) {
        return database.rows("SELECT status FROM visit WHERE id = $1", visit).get(0).getString("status");
    }

    /** A camera-sized JPEG, as a phone would give the file input. */
    private static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(1200, 1600, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xd8c8b0));
        graphics.fillRect(0, 0, 1200, 1600);
        graphics.setColor(new Color(0xc09070));
        graphics.fillOval(300, 350, 600, 800);
        graphics.dispose();
        Path file = Files.createTempFile("visitor-photo-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
