package io.dayuan.notifications.channel;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.NotificationsConfig;
import io.dayuan.notifications.PushProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The senders of the channels, as configured: SMS when a gateway URL is set, push when FCM and/or APNs credentials
 * are set (FCM, APNs, Huawei Push Kit, JPush), DingTalk work notices when the internal app is set
 * ({@link VendorSenders}), and in dev and tests (dayuan.notifications.recording=true) the recording sender for every channel.
 */
@ApplicationScoped
public class Senders {

    private static final Logger LOG = Logger.getLogger(Senders.class);

    /** The address under which the recording sender keeps the messages to the emergency group. */
    public static final String GROUP = "dingtalk-group";

    @Inject
    Vertx vertx;

    @Inject
    VendorSenders vendors;

    @Inject
    NotificationsConfig config;

    private boolean recordingEnabled;

    private final RecordingSender recording = new RecordingSender();
    private Sender sms;
    private Sender fcm;
    private Sender apns;

    @PostConstruct
    void configure() {
        Clock clock = Clock.systemUTC();
        recordingEnabled = config.recording();
        Duration timeout = config.httpTimeout();
        NotificationsConfig.Sms smsConfig = config.sms();
        if (smsConfig.url().isPresent()) {
            sms = new SmsGatewaySender(WebClient.create(vertx, new WebClientOptions()), smsConfig.url().get(),
                    smsConfig.secret().orElseThrow(() -> new IllegalStateException("dayuan.notifications.sms.secret "
                            + "is required with dayuan.notifications.sms.url")), timeout, clock);
        }
        NotificationsConfig.Fcm fcmConfig = config.fcm();
        if (fcmConfig.serviceAccount().isPresent()) {
            JsonObject account = new JsonObject(Keys.contentOrFile(fcmConfig.serviceAccount().get()));
            fcm = new FcmSender(WebClient.create(vertx, new WebClientOptions()), fcmConfig.url(),
                    fcmConfig.projectId().orElse(null), account, timeout, clock);
        }
        NotificationsConfig.Apns apnsConfig = config.apns();
        if (apnsConfig.privateKey().isPresent() && apnsConfig.teamId().isPresent() && apnsConfig.keyId().isPresent()
                && apnsConfig.topic().isPresent()) {
            apns = new ApnsSender(WebClient.create(vertx, http2(apnsConfig.url())), apnsConfig.url(),
                    apnsConfig.teamId().get(), apnsConfig.keyId().get(), Keys.contentOrFile(apnsConfig.privateKey().get()),
                    apnsConfig.topic().get(), timeout, clock);
        }
        LOG.infof("Notification channels: SMS %s, FCM %s, APNs %s%s", sms != null ? "on" : "off",
                fcm != null ? "on" : "off", apns != null ? "on" : "off",
                recordingEnabled ? " (recording sender in use: nothing leaves the service)" : "");
    }

    /** HTTP/2 as APNs requires: ALPN over TLS, or prior knowledge over plain HTTP (a local stand-in). */
    public static WebClientOptions http2(String url) {
        WebClientOptions options = new WebClientOptions().setProtocolVersion(HttpVersion.HTTP_2);
        if (url.startsWith("https:")) {
            options.setSsl(true).setUseAlpn(true);
        } else {
            options.setHttp2ClearTextUpgrade(false);
        }
        return options;
    }

    /** Whether anything can send on the channel; no delivery is written for a channel that cannot be sent. */
    public boolean available(NotificationChannel channel) {
        return switch (channel) {
            case IN_APP -> true;
            case SMS -> recordingEnabled || sms != null;
            case PUSH -> recordingEnabled || fcm != null || apns != null || vendors.huawei() != null
                    || vendors.jpush() != null;
            case DINGTALK -> recordingEnabled || vendors.workNotices() != null;
        };
    }

    /**
     * Sends on the channel's sender; a push on its device's provider (APNs only when configured: an APNs device
     * token otherwise goes to FCM, as before providers were registered).
     */
    public Uni<Void> send(Message message) {
        Sender sender = recordingEnabled ? recording : switch (message.channel()) {
            case SMS -> sms;
            case PUSH -> push(message.provider());
            case DINGTALK -> vendors.workNotices();
            case IN_APP -> null;
        };
        return sendWith(sender, message, message.channel() + " on " + message.provider());
    }

    private Sender push(PushProvider provider) {
        return switch (provider == null ? PushProvider.FCM : provider) {
            case APNS -> apns != null ? apns : fcm;
            case HUAWEI -> vendors.huawei();
            case JPUSH -> vendors.jpush();
            default -> fcm;
        };
    }

    /** Whether the emergency group's DingTalk robot can be sent to. */
    public boolean groupAvailable() {
        return recordingEnabled || vendors.groupRobot() != null;
    }

    /** A message to the emergency group through its DingTalk robot (recorded under {@link #GROUP} in dev). */
    public Uni<Void> sendToGroup(Message message) {
        return sendWith(recordingEnabled ? recording : vendors.groupRobot(), message, "the emergency group");
    }

    private static Uni<Void> sendWith(Sender sender, Message message, String what) {
        if (sender == null) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.PERMANENT,
                    "No sender is configured for " + what));
        }
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.TRANSIENT, e.getMessage()));
        }
    }

    /** The recording sender (dev and tests): what would have been sent. */
    public RecordingSender recording() {
        return recording;
    }
}
