package io.dayuan.notifications;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How a person wants to be told: channels per kind of notification, and quiet hours")
public record NotificationSettings(
        @Description("During quiet hours SMS, push and DingTalk wait for their end; the in-app inbox is immediate. Null: none")
        QuietHours quietHours,
        @NonNull @Description("The channels chosen per kind; kinds not listed use defaultChannels")
        List<@NonNull KindChannels> channels,
        @NonNull @Description("The channels of kinds without a choice")
        List<@NonNull NotificationChannel> defaultChannels) {

    @Description("Quiet hours, as local times in a time zone; `from` later than `until` spans midnight")
    public record QuietHours(@NonNull @Description("Start, HH:mm") String from,
            @NonNull @Description("End, HH:mm") String until,
            @NonNull @Description("IANA time zone, e.g. Asia/Shanghai") String timeZone) {
    }

    @Description("The channels chosen for one kind of notification (the in-app inbox is always on)")
    public record KindChannels(@NonNull String kind, @NonNull List<@NonNull NotificationChannel> channels) {
    }
}
