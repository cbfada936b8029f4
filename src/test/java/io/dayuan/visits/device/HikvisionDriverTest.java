package io.dayuan.visits.device;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dayuan.visits.device.AccessDeviceDriver.Face;
import io.dayuan.visits.device.AccessDeviceDriver.Target;
import io.dayuan.visits.device.AccessDeviceDriver.Visitor;
import io.dayuan.visits.device.AccessDeviceDriver.Window;

/** The ISAPI driver against a recorded-HTTP stand-in of a Hikvision device that demands digest authentication. */
class HikvisionDriverTest {

    private static final String OK = "{\"statusCode\":1,\"statusString\":\"OK\",\"subStatusCode\":\"ok\"}";
    private static final String CHALLENGE = "Digest qop=\"auth\", realm=\"DS-K1T671M\", nonce=\"4e6a6b31a2\", "
            + "stale=\"FALSE\", opaque=\"op4q3\"";

    private WireMockServer device;
    private HikvisionDriver driver;
    private Target target;
    private final Window window = new Window(OffsetDateTime.parse("2026-12-01T01:00:00Z"),
            OffsetDateTime.parse("2026-12-01T04:30:00Z"));

    @BeforeEach
    void start() {
        device = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        device.start();
        // every request without credentials is challenged, as the devices do
        device.stubFor(any(urlPathMatching("/ISAPI/.*")).withHeader("Authorization", absent()).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        driver = new HikvisionDriver();
        driver.zoneName = "Asia/Shanghai";
        driver.timeout = Duration.ofSeconds(5);
        target = new Target("d1", "http://127.0.0.1:" + device.port(), "admin", "Hik12345", "DS-K1T671M-001");
    }

    @AfterEach
    void stop() {
        device.stop();
    }

    private void answer(String method, String path, String body) {
        var mapping = "PUT".equals(method) ? put(urlEqualTo(path)) : post(urlEqualTo(path));
        device.stubFor(mapping.withHeader("Authorization", matching("Digest .*")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void aVisitorIsAddedWithTheirWindowInLocalTimeThenTheirFace() {
        answer("POST", HikvisionDriver.USER_RECORD, OK);
        answer("POST", HikvisionDriver.FACE_RECORD, OK);

        driver.pushPerson(target, new Visitor("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "李四"), window,
                new Face(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2 }, "image/jpeg"));

        device.verify(postRequestedFor(urlEqualTo(HikvisionDriver.USER_RECORD))
                .withHeader("Authorization", containing("username=\"admin\""))
                .withRequestBody(matchingJsonPath("$.UserInfo.employeeNo", equalTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9")))
                .withRequestBody(matchingJsonPath("$.UserInfo.userType", equalTo("visitor")))
                .withRequestBody(matchingJsonPath("$.UserInfo.Valid.beginTime", equalTo("2026-12-01T09:00:00")))
                .withRequestBody(matchingJsonPath("$.UserInfo.Valid.endTime", equalTo("2026-12-01T12:30:00"))));
        device.verify(postRequestedFor(urlEqualTo(HikvisionDriver.FACE_RECORD))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("FaceDataRecord")
                        .withBody(matchingJsonPath("$.faceLibType", equalTo("blackFD")))
                        .withBody(matchingJsonPath("$.FPID", equalTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9"))).build())
                .withRequestBodyPart(aMultipart().withName("img").withHeader("Content-Type", equalTo("image/jpeg"))
                        .build()));
    }

    @Test
    void theDigestAnswersTheDevicesChallenge() {
        answer("PUT", HikvisionDriver.USER_DELETE, OK);
        driver.removePerson(target, "0a1b2c3d4e5f60718293a4b5c6d7e8f9");

        LoggedRequest sent = device.findAll(putRequestedFor(urlEqualTo(HikvisionDriver.USER_DELETE))
                .withHeader("Authorization", matching("Digest .*"))).get(0);
        Map<String, String> digest = new HashMap<>();
        Matcher matcher = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(sent.getHeader("Authorization"));
        while (matcher.find()) {
            digest.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        String ha1 = HikvisionDriver.md5("admin:DS-K1T671M:Hik12345");
        String ha2 = HikvisionDriver.md5("PUT:" + HikvisionDriver.USER_DELETE);
        assertThat(digest.get("uri")).isEqualTo(HikvisionDriver.USER_DELETE);
        assertThat(digest.get("opaque")).isEqualTo("op4q3");
        assertThat(digest.get("response")).isEqualTo(HikvisionDriver.md5(ha1 + ":4e6a6b31a2:" + digest.get("nc") + ":"
                + digest.get("cnonce") + ":auth:" + ha2));
        assertThat(sent.getBodyAsString()).contains("\"EmployeeNoList\":[{\"employeeNo\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\"}]");
    }

    @Test
    void anExistingVisitorIsModified() {
        answer("POST", HikvisionDriver.USER_RECORD,
                "{\"statusCode\":6,\"statusString\":\"Invalid Content\",\"subStatusCode\":\"employeeNoAlreadyExist\"}");
        answer("PUT", HikvisionDriver.USER_MODIFY, OK);
        driver.pushPerson(target, new Visitor("abc", "王五"), window, null);
        device.verify(putRequestedFor(urlEqualTo(HikvisionDriver.USER_MODIFY))
                .withRequestBody(matchingJsonPath("$.UserInfo.name", equalTo("王五"))));
    }

    @Test
    void platesGoOnTheAllowListForTheWindowAndOffIt() {
        answer("PUT", HikvisionDriver.PLATE_RECORD, OK);
        answer("PUT", HikvisionDriver.PLATE_DELETE, OK);
        driver.pushPlate(target, "浙A12345", window);
        driver.removePlate(target, "浙A12345");
        device.verify(putRequestedFor(urlEqualTo(HikvisionDriver.PLATE_RECORD))
                .withRequestBody(matchingJsonPath("$.LicensePlateInfoList[0].LicensePlate", equalTo("浙A12345")))
                .withRequestBody(matchingJsonPath("$.LicensePlateInfoList[0].listType", equalTo("whiteList")))
                .withRequestBody(matchingJsonPath("$.LicensePlateInfoList[0].effectiveTime", equalTo("2026-12-01"))));
        device.verify(putRequestedFor(urlEqualTo(HikvisionDriver.PLATE_DELETE))
                .withRequestBody(matchingJsonPath("$.LicensePlateInfoList[0].LicensePlate", equalTo("浙A12345"))));
    }

    @Test
    void refusalsWrongPasswordsAndUnreachableDevicesFail() {
        answer("POST", HikvisionDriver.USER_RECORD,
                "{\"statusCode\":4,\"statusString\":\"Invalid Operation\",\"subStatusCode\":\"notSupport\"}");
        assertThatThrownBy(() -> driver.pushPerson(target, new Visitor("a", "b"), window, null))
                .isInstanceOf(DeviceException.class).hasMessageContaining("notSupport");

        device.resetAll();
        device.stubFor(any(urlPathMatching("/ISAPI/.*"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        assertThatThrownBy(() -> driver.removePerson(target, "a")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("401");

        Target nowhere = new Target("d2", "http://127.0.0.1:1", "admin", "x", "gone");
        assertThatThrownBy(() -> driver.removePlate(nowhere, "京A12345")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("cannot be reached");
    }
}
