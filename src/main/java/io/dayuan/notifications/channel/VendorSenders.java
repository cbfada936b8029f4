package io.dayuan.notifications.channel;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.notifications.NotificationsConfig;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The senders of the channels that reach phones in China, as configured: DingTalk work notices, the DingTalk
 * emergency group's robot, Huawei Push Kit and JPush. Each is null while its credentials are not set.
 */
@ApplicationScoped
public class VendorSenders {

    private static final Logger LOG = Logger.getLogger(VendorSenders.class);

    @Inject
    Vertx vertx;

    @Inject
    DingTalkConfig dingTalk;

    @Inject
    HuaweiPushConfig huawei;

    @Inject
    JPushConfig jpush;

    @Inject
    NotificationsConfig config;

    private Sender workNotices;
    private Sender groupRobot;
    private Sender huaweiPush;
    private Sender jpushPush;

    @PostConstruct
    void configure() {
        Clock clock = Clock.systemUTC();
        Duration timeout = config.httpTimeout();
        if (dingTalk.appKey().isPresent() && dingTalk.appSecret().isPresent() && dingTalk.agentId().isPresent()) {
            workNotices = new DingTalkSender(client(), dingTalk.url(), dingTalk.appKey().get(),
                    dingTalk.appSecret().get(), dingTalk.agentId().get(), dingTalk.format(), timeout, clock);
        }
        if (dingTalk.robot().webhook().isPresent() && dingTalk.robot().secret().isPresent()) {
            groupRobot = new DingTalkRobotSender(client(), dingTalk.robot().webhook().get(),
                    dingTalk.robot().secret().get(), timeout, clock);
        }
        if (huawei.appId().isPresent() && huawei.clientSecret().isPresent()) {
            huaweiPush = new HuaweiPushSender(client(), huawei.url(), huawei.appId().get(), huawei.tokenUrl(),
                    huawei.clientId().orElse(huawei.appId().get()), huawei.clientSecret().get(), timeout, clock);
        }
        if (jpush.appKey().isPresent() && jpush.masterSecret().isPresent()) {
            jpushPush = new JPushSender(client(), jpush.url(), jpush.appKey().get(), jpush.masterSecret().get(),
                    jpush.apnsProduction(), timeout);
        }
        LOG.infof("Channels for China: DingTalk work notices %s, emergency group robot %s, Huawei Push Kit %s, JPush %s",
                on(workNotices), on(groupRobot), on(huaweiPush), on(jpushPush));
    }

    private WebClient client() {
        return WebClient.create(vertx, new WebClientOptions());
    }

    private static String on(Sender sender) {
        return sender != null ? "on" : "off";
    }

    public Sender workNotices() {
        return workNotices;
    }

    public Sender groupRobot() {
        return groupRobot;
    }

    public Sender huawei() {
        return huaweiPush;
    }

    public Sender jpush() {
        return jpushPush;
    }
}
