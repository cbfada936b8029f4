package io.dayuan.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The notification outbox and its SMS, FCM and APNs channels (each off until its credentials are set). DingTalk,
 * Huawei Push Kit and JPush have their own mappings under this prefix ({@code channel/DingTalkConfig}, ...).
 */
@ConfigMapping(prefix = "dayuan.notifications")
public interface NotificationsConfig {

    /** Dev and tests: every channel records what it would send instead of sending. */
    @WithDefault("false")
    boolean recording();

    /** HTTP timeout of every channel's provider. */
    @WithDefault("PT10S")
    Duration httpTimeout();

    /** The channels of kinds a person has not chosen channels for (the inbox is always on). */
    @WithDefault("IN_APP,PUSH,SMS,DINGTALK")
    List<NotificationChannel> defaultChannels();

    /** The time zone of quiet hours set without one. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** Failures before a delivery is parked. */
    @WithDefault("5")
    int maxAttempts();

    Backoff backoff();

    Worker worker();

    Sms sms();

    Fcm fcm();

    Apns apns();

    /** Retry delay after a failure: initial, doubling, at most max. */
    interface Backoff {

        @WithDefault("PT30S")
        Duration initial();

        @WithDefault("PT1H")
        Duration max();
    }

    /** The delivery worker that every replica runs. */
    interface Worker {

        /** How often (a Quarkus scheduler period, read by {@code DeliveryWorker}'s {@code @Scheduled}). */
        @WithDefault("5s")
        String every();

        /** The first pass after start. */
        @WithDefault("2s")
        String delay();

        /** Deliveries claimed per pass. */
        @WithDefault("50")
        int batchSize();

        /** Deliveries sent at once. */
        @WithDefault("8")
        int concurrency();

        /** How long a claim holds before another replica may take the delivery. */
        @WithDefault("PT5M")
        Duration lease();
    }

    /** The SMS gateway (off until its URL is set; the secret is then required). */
    interface Sms {

        Optional<String> url();

        Optional<String> secret();
    }

    /** Firebase Cloud Messaging (off until the service account is set). */
    interface Fcm {

        @WithDefault("https://fcm.googleapis.com")
        String url();

        Optional<String> projectId();

        /** The service account JSON, or a file holding it. */
        Optional<String> serviceAccount();
    }

    /** Apple Push Notification service (off until team id, key id, private key and topic are set). */
    interface Apns {

        @WithDefault("https://api.push.apple.com")
        String url();

        Optional<String> teamId();

        Optional<String> keyId();

        /** The .p8 key, or a file holding it. */
        Optional<String> privateKey();

        Optional<String> topic();
    }
}
