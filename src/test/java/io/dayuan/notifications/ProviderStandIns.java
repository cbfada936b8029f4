package io.dayuan.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One WireMock stand-in for every provider the service talks to (SMS gateway, DingTalk API and group robot, Huawei
 * OAuth and Push Kit, JPush), with the recording sender off: what the delivery worker and broadcastEmergency send
 * leaves the service as real HTTP requests. By default every provider accepts; a test makes one address fail with
 * a stub of its own (stubs without a priority win over these defaults).
 */
public class ProviderStandIns implements QuarkusTestResourceLifecycleManager {

    public static final String DINGTALK_SEND = "/topapi/message/corpconversation/asyncsend_v2";
    public static final String ROBOT = "/robot/send";
    public static final String ROBOT_SECRET = "SECstandin0123456789";
    public static final String HUAWEI_SEND = "/v1/104400123/messages:send";
    public static final String JPUSH_SEND = "/v3/push";
    public static final String SMS = "/sms";
    /** The token claim this profile reads the DingTalk user id from (not the default, to show it is configurable). */
    public static final String DINGTALK_CLAIM = "dt_staff_id";

    private static final int DEFAULTS = 10;
    private static WireMockServer server;

    /** The test profile whose channels reach the stand-in. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProviderStandIns.class));
        }
    }

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        acceptEverything();
        String base = "http://127.0.0.1:" + server.port();
        return Map.ofEntries(
                Map.entry("dayuan.notifications.recording", "false"),
                Map.entry("dayuan.notifications.sms.url", base + SMS),
                Map.entry("dayuan.notifications.sms.secret", "sms-secret"),
                Map.entry("dayuan.notifications.dingtalk.url", base),
                Map.entry("dayuan.notifications.dingtalk.app-key", "ding-standin"),
                Map.entry("dayuan.notifications.dingtalk.app-secret", "ding-secret"),
                Map.entry("dayuan.notifications.dingtalk.agent-id", "4242"),
                Map.entry("dayuan.notifications.dingtalk.robot.webhook", base + ROBOT + "?access_token=robot-token"),
                Map.entry("dayuan.notifications.dingtalk.robot.secret", ROBOT_SECRET),
                Map.entry("dayuan.notifications.huawei.url", base),
                Map.entry("dayuan.notifications.huawei.token-url", base + "/oauth2/v3/token"),
                Map.entry("dayuan.notifications.huawei.app-id", "104400123"),
                Map.entry("dayuan.notifications.huawei.client-secret", "huawei-secret"),
                Map.entry("dayuan.notifications.jpush.url", base),
                Map.entry("dayuan.notifications.jpush.app-key", "jpush-key"),
                Map.entry("dayuan.notifications.jpush.master-secret", "jpush-secret"),
                Map.entry("dayuan.people.dingtalk-user-id-claim", DINGTALK_CLAIM));
    }

    private static void acceptEverything() {
        server.stubFor(get(urlPathEqualTo("/gettoken")).atPriority(DEFAULTS)
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"ding-token\",\"expires_in\":7200}")));
        server.stubFor(post(urlPathEqualTo(DINGTALK_SEND)).atPriority(DEFAULTS)
                .willReturn(okJson("{\"errcode\":0,\"task_id\":1}")));
        server.stubFor(post(urlPathEqualTo(ROBOT)).atPriority(DEFAULTS).willReturn(okJson("{\"errcode\":0}")));
        server.stubFor(post(urlPathEqualTo("/oauth2/v3/token")).atPriority(DEFAULTS)
                .willReturn(okJson("{\"access_token\":\"hw-token\",\"expires_in\":3600}")));
        server.stubFor(post(urlPathEqualTo(HUAWEI_SEND)).atPriority(DEFAULTS)
                .willReturn(okJson("{\"code\":\"80000000\",\"msg\":\"Success\"}")));
        server.stubFor(post(urlPathEqualTo(JPUSH_SEND)).atPriority(DEFAULTS)
                .willReturn(okJson("{\"sendno\":\"0\",\"msg_id\":\"1\"}")));
        server.stubFor(post(urlPathEqualTo(SMS)).atPriority(DEFAULTS).willReturn(okJson("{}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
