package io.dayuan.notifications;

import org.eclipse.microprofile.graphql.Description;

@Description("A way a notification reaches a person: the in-app inbox (always), a text message, a push to the phone, "
        + "or a DingTalk work notice (工作通知, for people with a DingTalk user id)")
public enum NotificationChannel {
    IN_APP,
    SMS,
    PUSH,
    DINGTALK
}
