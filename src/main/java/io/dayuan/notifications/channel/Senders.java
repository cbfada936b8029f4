package io.dayuan.notifications.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The senders of the channels, as configured: SMS when a gateway URL is set, push when FCM and/or APNs credentials
 * are set, and in dev and tests (dayuan.notifications.recording=true) the recording sender for every channel.
 */
@ApplicationScoped
public class Senders {

    private static final Logger LOG = Logger.getLogger(Senders.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "dayuan.notifications.recording", defaultValue = "false")
    boolean recordingEnabled;

    @ConfigProperty(name = "dayuan.notifications.http-timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "dayuan.notifications.sms.url")
    Optional<String> smsUrl;

    @ConfigProperty(name = "dayuan.notifications.sms.secret")
    Optional<String> smsSecret;

    @ConfigProperty(name = "dayuan.notifications.fcm.url", defaultValue = "https://fcm.googleapis.com")
    String fcmUrl;

    @ConfigProperty(name = "dayuan.notifications.fcm.project-id")
    Optional<String> fcmProjectId;

    @ConfigProperty(name = "dayuan.notifications.fcm.service-account")
    Optional<String> fcmServiceAccount;

    @ConfigProperty(name = "dayuan.notifications.apns.url", defaultValue = "https://api.push.apple.com")
    String apnsUrl;

    @ConfigProperty(name = "dayuan.notifications.apns.team-id")
    Optional<String> apnsTeamId;

    @ConfigProperty(name = "dayuan.notifications.apns.key-id")
    Optional<String> apnsKeyId;

    @ConfigProperty(name = "dayuan.notifications.apns.private-key")
    Optional<String> apnsPrivateKey;

    @ConfigProperty(name = "dayuan.notifications.apns.topic")
    Optional<String> apnsTopic;

    private final RecordingSender recording = new RecordingSender();
    private Sender sms;
    private Sender fcm;
    private Sender apns;

    @PostConstruct
    void configure() {
        Clock clock = Clock.systemUTC();
        if (smsUrl.isPresent()) {
            sms = new SmsGatewaySender(WebClient.create(vertx, new WebClientOptions()), smsUrl.get(),
                    smsSecret.orElseThrow(() -> new IllegalStateException("dayuan.notifications.sms.secret is required "
                            + "with dayuan.notifications.sms.url")), timeout, clock);
        }
        if (fcmServiceAccount.isPresent()) {
            JsonObject account = new JsonObject(Keys.contentOrFile(fcmServiceAccount.get()));
            fcm = new FcmSender(WebClient.create(vertx, new WebClientOptions()), fcmUrl, fcmProjectId.orElse(null),
                    account, timeout, clock);
        }
        if (apnsPrivateKey.isPresent() && apnsTeamId.isPresent() && apnsKeyId.isPresent() && apnsTopic.isPresent()) {
            apns = new ApnsSender(WebClient.create(vertx, http2(apnsUrl)), apnsUrl, apnsTeamId.get(), apnsKeyId.get(),
                    Keys.contentOrFile(apnsPrivateKey.get()), apnsTopic.get(), timeout, clock);
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
            case PUSH -> recordingEnabled || fcm != null || apns != null;
        };
    }

    /** Sends on the channel's sender; for push, APNs for iOS device tokens when configured, FCM otherwise. */
    public Uni<Void> send(Message message) {
        Sender sender = recordingEnabled ? recording : switch (message.channel()) {
            case SMS -> sms;
            case PUSH -> message.platform() == DevicePlatform.IOS && apns != null
                    && ApnsSender.isApnsToken(message.address()) ? apns : fcm;
            case IN_APP -> null;
        };
        if (sender == null) {
            return Uni.createFrom().failure(new SendFailure(SendFailure.Kind.PERMANENT,
                    "No sender is configured for " + message.channel() + " on " + message.platform()));
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
