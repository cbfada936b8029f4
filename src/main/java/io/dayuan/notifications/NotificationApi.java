package io.dayuan.notifications;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.notifications.repository.NotificationRepository;
import io.dayuan.notifications.service.LiveNotifications;
import io.dayuan.notifications.service.NotificationService;
import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.platform.graphql.Subscriptions;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class NotificationApi {

    @Inject
    Subscriptions subscriptions;

    static final String KIND_PATTERN = "[A-Z][A-Z0-9_]{0,63}";

    @Inject
    Caller caller;

    @Inject
    NotificationService service;

    @Inject
    LiveNotifications live;

    @Inject
    NotificationRepository notifications;

    @Inject
    PersonRepository people;

    // ---------------------------------------------------------------- inbox

    @Query
    @Authenticated
    @Description("The caller's in-app inbox, newest first, a page at a time (first: 1 to 100; after: the endCursor "
            + "of the previous page). Any signed-in role; only the caller's own.")
    public Uni<@NonNull NotificationPage> myNotifications(
            @Name("unreadOnly") @DefaultValue("false") boolean unreadOnly,
            @Name("first") @DefaultValue("20") Integer first,
            @Name("after") String after) {
        int size = Page.Size.SHORT.of("first", first);
        Cursor cursor = Cursor.decode("after", after);
        return caller.person().chain(me -> service.inbox(me.id, unreadOnly, size, cursor)).map(NotificationPage::of);
    }

    @Query
    @Authenticated
    @Description("How many notifications in the caller's inbox are unread. Any signed-in role.")
    public Uni<@NonNull Integer> unreadNotificationCount() {
        return caller.person().chain(me -> notifications.unreadCount(me.id)).map(Long::intValue);
    }

    @Mutation
    @Authenticated
    @Description("Marks notifications of the caller's inbox read (1 to 100 ids); an id that is not in the caller's "
            + "inbox is NOT_FOUND and then nothing is marked. Returns the notifications. Any signed-in role; only "
            + "the caller's own.")
    public Uni<@NonNull List<@NonNull Notification>> markNotificationsRead(
            @Name("ids") @Description("Notification ids (SmallRye cannot serve a list of the ID scalar here)")
            @NonNull List<@NonNull String> ids) {
        if (ids.isEmpty() || ids.size() > NotificationService.MAX_IDS) {
            throw ApiException.validation("ids", "ids must hold 1 to " + NotificationService.MAX_IDS + " ids");
        }
        List<UUID> parsed = ids.stream().map(id -> Ids.parse("ids", id)).toList();
        return caller.person().chain(me -> service.markRead(me.id, parsed));
    }

    @Mutation
    @Authenticated
    @Description("Marks every notification of the caller's inbox read; returns how many were unread. Any signed-in role.")
    public Uni<@NonNull Integer> markAllNotificationsRead() {
        return caller.person().chain(me -> service.markAllRead(me.id));
    }

    @Subscription
    @Description("The caller's notifications as they reach the inbox, from any replica of the service; never anyone "
            + "else's. Any signed-in role.")
    public Multi<Notification> notifications() {
        return subscriptions.open(() -> caller.person().onItem().transformToMulti(me -> live.of(me.id)));
    }

    // ---------------------------------------------------------------- devices

    @Mutation
    @Authenticated
    @Description("Registers the caller's phone for push notifications with the token of its push provider: FCM "
            + "(ANDROID, or IOS with Firebase), APNS (an IOS device token), HUAWEI (Huawei Push Kit, ANDROID) or JPUSH "
            + "(a JPush registration id). Without a provider: APNS for an IOS APNs device token, FCM otherwise. "
            + "HONOR, XIAOMI, OPPO and VIVO, and a provider that does not fit the platform, are VALIDATION naming "
            + "provider. A token registered before moves to the caller. Any signed-in role.")
    public Uni<@NonNull Device> registerDevice(
            @Name("token") @NonNull @NotBlank @Size(max = 4096) String token,
            @Name("platform") @NonNull @NotNull DevicePlatform platform,
            @Name("provider") PushProvider provider) {
        PushProvider chosen = DeviceProviders.check(platform, token, provider);
        return caller.person().chain(me -> service.registerDevice(me.id, token, platform, chosen));
    }

    @Mutation
    @Authenticated
    @Description("Stops push notifications to one of the caller's phones (e.g. at sign-out). NOT_FOUND when the "
            + "caller has no such device. Any signed-in role.")
    public Uni<@NonNull Boolean> unregisterDevice(@Name("token") @NonNull @NotBlank @Size(max = 4096) String token) {
        return caller.person().chain(me -> service.unregisterDevice(me.id, token));
    }

    @Query
    @Authenticated
    @Description("The caller's phones registered for push. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Device>> myDevices() {
        return caller.person().chain(me -> service.devicesOf(me.id));
    }

    // ---------------------------------------------------------------- settings

    @Query
    @Authenticated
    @Description("The caller's notification settings: channels per kind and quiet hours. Any signed-in role.")
    public Uni<@NonNull NotificationSettings> myNotificationSettings() {
        return caller.person().chain(me -> service.settings(me.id));
    }

    @Mutation("setNotificationChannels")
    @Authenticated
    @Description("Chooses the channels for one kind of notification (e.g. BOOKING_REMINDER); the in-app inbox is "
            + "always on. Any signed-in role.")
    public Uni<@NonNull NotificationSettings> setNotificationChannels(
            @Name("kind") @NonNull @Pattern(regexp = KIND_PATTERN) String kind,
            @Name("channels") @NonNull List<@NonNull NotificationChannel> channels) {
        return caller.person().chain(me -> service.setChannels(me.id, kind, channels)
                .chain(() -> service.settings(me.id)));
    }

    @Mutation("setQuietHours")
    @Authenticated
    @Description("Sets the caller's quiet hours (from and until as HH:mm, in timeZone, default Asia/Shanghai; from "
            + "after until spans midnight), or clears them when both are left out. During quiet hours SMS, push and "
            + "DingTalk wait for the end; the in-app inbox is immediate. Any signed-in role.")
    public Uni<@NonNull NotificationSettings> setQuietHours(@Name("from") String from, @Name("until") String until,
            @Name("timeZone") String timeZone) {
        return caller.person().chain(me -> service.setQuietHours(me.id, from, until, timeZone)
                .chain(() -> service.settings(me.id)));
    }

    // ---------------------------------------------------------------- parked deliveries

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("Deliveries that kept failing and were parked, newest first, a page at a time. Role: admin.")
    public Uni<@NonNull DeliveryPage> parkedDeliveries(@Name("first") @DefaultValue("50") Integer first,
            @Name("after") String after) {
        return service.parked(Page.Size.SHORT.of("first", first), Cursor.decode("after", after))
                .map(DeliveryPage::of);
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Puts a parked delivery back in the queue, due now, with its attempts counted afresh. CONFLICT when "
            + "it is not parked. Role: admin.")
    public Uni<@NonNull Delivery> retryDelivery(@Name("id") @NonNull @Id String id) {
        return service.retry(Ids.parse("id", id));
    }

    @Description("The notification delivered")
    @NonNull
    public Uni<List<@NonNull Notification>> notification(@Source List<Delivery> deliveries) {
        return notifications.inOrderOf(deliveries.stream().map(d -> d.notificationId).toList());
    }

    @Description("Who the delivery is for")
    @NonNull
    public Uni<List<@NonNull Person>> recipient(@Source List<Delivery> deliveries) {
        return people.inOrderOf(deliveries.stream().map(delivery -> delivery.personId).toList());
    }
}
