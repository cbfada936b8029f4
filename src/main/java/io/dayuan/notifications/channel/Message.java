package io.dayuan.notifications.channel;

import java.util.UUID;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.PushProvider;

/**
 * One message to one address: a phone number for SMS, a device token for push (with its provider), a DingTalk user
 * id for work notices. The texts are already in the recipient's language. The delivery id doubles as an idempotency
 * key for gateways that honour one.
 */
public record Message(UUID deliveryId, UUID notificationId, NotificationChannel channel, String address,
        DevicePlatform platform, PushProvider provider, String kind, String title, String body, String link) {

    /** A message whose address needs no provider (SMS, DingTalk), or a push routed as the platform implies. */
    public Message(UUID deliveryId, UUID notificationId, NotificationChannel channel, String address,
            DevicePlatform platform, String kind, String title, String body, String link) {
        this(deliveryId, notificationId, channel, address, platform,
                platform == null ? null : PushProvider.implied(platform, address), kind, title, body, link);
    }
}
