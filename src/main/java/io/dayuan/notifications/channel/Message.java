package io.dayuan.notifications.channel;

import java.util.UUID;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;

/**
 * One message to one address: a phone number for SMS, a device token for push. The texts are already in the
 * recipient's language. The delivery id doubles as an idempotency key for gateways that honour one.
 */
public record Message(UUID deliveryId, UUID notificationId, NotificationChannel channel, String address,
        DevicePlatform platform, String kind, String title, String body, String link) {
}
