package io.dayuan.notifications;

import org.eclipse.microprofile.graphql.Description;

@Description("A way a notification reaches a person: the in-app inbox (always), a text message, or a push to the phone")
public enum NotificationChannel {
    IN_APP,
    SMS,
    PUSH
}
