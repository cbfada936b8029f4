package io.dayuan.visits;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Visits' settings. The intervals of the workers and jobs ({@code …-every}) are read by {@code @Scheduled}
 * expressions: their values are in application.properties, where the test profile turns them off.
 */
@ConfigMapping(prefix = "dayuan.visits")
public interface VisitsConfig {

    /** AES-GCM key for faces and device passwords, base64 of 32 bytes (dev/test: generated per run). */
    Optional<String> faceKey();

    /** HMAC key for ID-card numbers, base64 of 32 bytes (dev/test: generated per run). */
    Optional<String> idHashKey();

    /** Face enrolment on. */
    @WithDefault("true")
    boolean facesEnabled();

    /** Face photos are deleted at the latest this long after the visit ends. */
    @WithDefault("PT24H")
    Duration faceRetention();

    /** Devices get a visitor this long before the window opens, and an entry that early is admitted. */
    @WithDefault("PT30M")
    Duration pushLead();

    /** The base URL of visitor links in texts, followed by the token. */
    @WithDefault("https://dayuan.example.cn/v/")
    String visitorLinkBase();

    /** {@code requestVisit} limits. */
    RequestLimit requestLimit();

    /** The device outbox worker's retries. */
    DeviceRetry deviceRetry();

    /** How many device jobs the worker claims at once. */
    @WithDefault("20")
    int deviceBatch();

    /** The devices' local time zone, for ISAPI. */
    @WithDefault("Asia/Shanghai")
    String deviceTimeZone();

    /** HTTP timeout of a device call. */
    @WithDefault("PT10S")
    Duration deviceTimeout();

    /** The visitor SMS worker. */
    Sms sms();

    /** How often the device outbox worker runs ({@code off}: never). */
    String deviceWorkerEvery();

    /** How often unused visits expire and faces past their retention are deleted. */
    String jobsEvery();

    /** How often hosts are told of the visits requested for them. */
    String hostNoticeEvery();

    /** How often the visitor SMS worker runs. */
    String smsWorkerEvery();

    interface RequestLimit {

        /** At most this many requests per client address in each window. */
        @WithDefault("20")
        int perClient();

        /** At most this many per visitor phone (and four times as many per host phone) in each window. */
        @WithDefault("5")
        int perPhone();

        @WithDefault("PT1H")
        Duration window();
    }

    interface DeviceRetry {

        /** The backoff doubles from this (capped at 30 minutes). */
        @WithDefault("PT30S")
        Duration base();

        /** A job is parked after this many failures. */
        @WithDefault("8")
        int maxAttempts();
    }

    interface Sms {

        @WithDefault("50")
        int batchSize();

        @WithDefault("PT5M")
        Duration lease();

        @WithDefault("5")
        int maxAttempts();

        Backoff backoff();

        interface Backoff {

            @WithDefault("PT30S")
            Duration initial();

            @WithDefault("PT1H")
            Duration max();
        }
    }
}
