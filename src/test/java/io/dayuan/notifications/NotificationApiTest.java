package io.dayuan.notifications;

import static io.dayuan.GraphQL.errorCode;
import static io.dayuan.notifications.NotificationFixtures.inTransaction;
import static io.dayuan.notifications.NotificationFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class NotificationApiTest extends NotificationTestBase {

    private static final String INBOX = "query($unreadOnly: Boolean, $first: Int, $after: String) { "
            + "myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) { items { id kind title body link "
            + "deliverAt readAt } endCursor hasMore } }";
    private static final String MARK = "mutation($ids: [String!]!) { markNotificationsRead(ids: $ids) { id readAt } }";
    private static final String COUNT = "{ unreadNotificationCount }";

    private List<String> notify(Someone person, String... markers) {
        for (String marker : markers) {
            inTransaction(() -> notifier.notify(person.id(), notice("TEST_INBOX", marker)));
        }
        return database.rows("SELECT id FROM notification WHERE person_id = $1 ORDER BY deliver_at DESC, id DESC",
                person.id()).stream().map(row -> row.getUUID(0).toString()).toList();
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    @Test
    void aPersonPagesThroughTheirOwnInboxNewestFirst() {
        Someone person = fixtures.someone(null, "staff");
        Someone other = fixtures.someone(null, "staff");
        List<String> ids = notify(person, "一", "二", "三");
        notify(other, "别人的");

        JsonPath first = graphQL.call(person.as(), INBOX, vars("first", 2));
        assertThat(first.getList("data.myNotifications.items.id")).isEqualTo(ids.subList(0, 2));
        assertThat(first.getString("data.myNotifications.items[0].title")).isEqualTo("会议提醒 三");
        assertThat(first.getString("data.myNotifications.items[0].kind")).isEqualTo("TEST_INBOX");
        assertThat(first.getString("data.myNotifications.items[0].link")).isEqualTo("dayuan://test/三");
        assertThat(first.getBoolean("data.myNotifications.hasMore")).isTrue();
        JsonPath second = graphQL.call(person.as(), INBOX,
                vars("first", 2, "after", first.getString("data.myNotifications.endCursor")));
        assertThat(second.getList("data.myNotifications.items.id")).isEqualTo(ids.subList(2, 3));
        assertThat(second.getBoolean("data.myNotifications.hasMore")).isFalse();
        assertThat(graphQL.call(person.as(), COUNT).getInt("data.unreadNotificationCount")).isEqualTo(3);
    }

    @Test
    void markingReadTouchesOnlyTheCallersOwnNotifications() {
        Someone person = fixtures.someone(null, "staff");
        Someone other = fixtures.someone(null, "staff");
        List<String> mine = notify(person, "a", "b");
        List<String> theirs = notify(other, "c");

        JsonPath marked = graphQL.call(person.as(), MARK, vars("ids", List.of(mine.get(1))));
        assertThat(marked.getList("data.markNotificationsRead.id")).containsExactly(mine.get(1));
        assertThat(marked.getString("data.markNotificationsRead[0].readAt")).isNotNull();
        assertThat(database.count("SELECT count(*) FROM notification WHERE id = $1 AND read_at IS NOT NULL",
                UUID.fromString(mine.get(1)))).isOne();
        assertThat(graphQL.call(person.as(), COUNT).getInt("data.unreadNotificationCount")).isEqualTo(1);
        JsonPath unread = graphQL.call(person.as(), INBOX, vars("unreadOnly", true));
        assertThat(unread.getList("data.myNotifications.items.id")).containsExactly(mine.get(0));

        // someone else's id: NOT_FOUND, and nothing of the request is marked
        JsonPath foreign = graphQL.call(person.as(), MARK, vars("ids", List.of(mine.get(0), theirs.get(0))));
        assertThat(errorCode(foreign)).isEqualTo("NOT_FOUND");
        assertThat(database.count("SELECT count(*) FROM notification WHERE id = ANY($1) AND read_at IS NOT NULL",
                (Object) new UUID[] { UUID.fromString(mine.get(0)), UUID.fromString(theirs.get(0)) })).isZero();

        assertThat(graphQL.call(person.as(), "mutation { markAllNotificationsRead }").getInt("data.markAllNotificationsRead"))
                .isEqualTo(1);
        assertThat(graphQL.call(person.as(), COUNT).getInt("data.unreadNotificationCount")).isZero();
        assertThat(graphQL.call(other.as(), COUNT).getInt("data.unreadNotificationCount")).isEqualTo(1);
    }

    @Test
    void inboxInputIsValidatedNamingTheField() {
        Someone person = fixtures.someone(null, "staff");
        JsonPath tooMany = graphQL.call(person.as(), INBOX, vars("first", 101));
        assertThat(errorCode(tooMany)).isEqualTo("VALIDATION");
        assertThat(tooMany.getString("errors[0].extensions.field")).isEqualTo("first");
        JsonPath cursor = graphQL.call(person.as(), INBOX, vars("after", "not-a-cursor"));
        assertThat(errorCode(cursor)).isEqualTo("VALIDATION");
        assertThat(cursor.getString("errors[0].extensions.field")).isEqualTo("after");
        JsonPath malformed = graphQL.call(person.as(), MARK, vars("ids", List.of("n-1")));
        assertThat(errorCode(malformed)).isEqualTo("VALIDATION");
        assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("ids");
        JsonPath none = graphQL.call(person.as(), MARK, vars("ids", List.of()));
        assertThat(errorCode(none)).isEqualTo("VALIDATION");
        assertThat(none.getString("errors[0].extensions.field")).isEqualTo("ids");
        assertThat(errorCode(graphQL.call(person.as(), MARK, vars("ids", List.of(UUID.randomUUID().toString())))))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theInboxNeedsASignedInPerson() {
        GraphQL.As anonymous = graphQL.anonymous();
        assertThat(errorCode(graphQL.call(anonymous, INBOX))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(anonymous, COUNT))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(anonymous, MARK, vars("ids", List.of(UUID.randomUUID().toString())))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(anonymous, "mutation { markAllNotificationsRead }"))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(new GraphQL.As("not-a-token"), COUNT))).isEqualTo("UNAUTHENTICATED");
    }

    // ---------------------------------------------------------------- devices

    private static final String REGISTER = "mutation($token: String!, $platform: DevicePlatform!) { "
            + "registerDevice(token: $token, platform: $platform) { id token platform registeredAt } }";
    private static final String UNREGISTER = "mutation($token: String!) { unregisterDevice(token: $token) }";

    @Test
    void aPersonRegistersAndUnregistersTheirPhones() {
        Someone person = fixtures.someone(null, "staff");
        Someone other = fixtures.someone(null, "guard");
        String token = "fcm-" + UUID.randomUUID();
        JsonPath registered = graphQL.call(person.as(), REGISTER, vars("token", token, "platform", "ANDROID"));
        assertThat(registered.getString("data.registerDevice.platform")).isEqualTo("ANDROID");
        assertThat(database.rows("SELECT person_id, platform FROM device WHERE token = $1", token))
                .extracting(row -> row.getUUID(0) + ":" + row.getString(1)).containsExactly(person.id() + ":ANDROID");
        assertThat(graphQL.call(person.as(), "{ myDevices { token } }").getList("data.myDevices.token")).containsExactly(token);

        // the same token again (the phone changed hands): one row, now the other person's
        graphQL.call(other.as(), REGISTER, vars("token", token, "platform", "IOS"));
        assertThat(database.rows("SELECT person_id, platform FROM device WHERE token = $1", token))
                .extracting(row -> row.getUUID(0) + ":" + row.getString(1)).containsExactly(other.id() + ":IOS");

        assertThat(errorCode(graphQL.call(person.as(), UNREGISTER, vars("token", token)))).isEqualTo("NOT_FOUND");
        assertThat(graphQL.call(other.as(), UNREGISTER, vars("token", token)).getBoolean("data.unregisterDevice")).isTrue();
        assertThat(database.count("SELECT count(*) FROM device WHERE token = $1", token)).isZero();
    }

    @Test
    void deviceInputIsValidatedNamingTheField() {
        Someone person = fixtures.someone(null, "staff");
        JsonPath blank = graphQL.call(person.as(), REGISTER, vars("token", " ", "platform", "ANDROID"));
        assertThat(errorCode(blank)).isEqualTo("VALIDATION");
        assertThat(blank.getString("errors[0].extensions.field")).isEqualTo("token");
        JsonPath platform = graphQL.call(person.as(), REGISTER, vars("token", "t-" + UUID.randomUUID(), "platform", "WINDOWS"));
        assertThat(errorCode(platform)).isEqualTo("VALIDATION");
        assertThat(platform.getString("errors[0].extensions.field")).isEqualTo("platform");
        JsonPath longToken = graphQL.call(person.as(), REGISTER, vars("token", "x".repeat(5000), "platform", "IOS"));
        assertThat(errorCode(longToken)).isEqualTo("VALIDATION");
        JsonPath unregisterBlank = graphQL.call(person.as(), UNREGISTER, vars("token", ""));
        assertThat(errorCode(unregisterBlank)).isEqualTo("VALIDATION");
        assertThat(unregisterBlank.getString("errors[0].extensions.field")).isEqualTo("token");
        assertThat(database.count("SELECT count(*) FROM device WHERE person_id = $1", person.id())).isZero();
    }

    private static final String REGISTER_WITH = "mutation($token: String!, $platform: DevicePlatform!, "
            + "$provider: PushProvider) { registerDevice(token: $token, platform: $platform, provider: $provider) "
            + "{ token platform provider } }";

    @Test
    void aPhoneIsRegisteredWithItsPushProviderOrTheOneItsTokenImplies() {
        Someone person = fixtures.someone(null, "staff");
        String huawei = "hw-" + UUID.randomUUID();
        String jpush = "jp-" + UUID.randomUUID();
        String fcm = "fcm-" + UUID.randomUUID();
        String apns = UUID.randomUUID().toString().replace("-", "").repeat(2);
        assertThat(graphQL.call(person.as(), REGISTER_WITH, vars("token", huawei, "platform", "ANDROID", "provider", "HUAWEI"))
                .getString("data.registerDevice.provider")).isEqualTo("HUAWEI");
        assertThat(graphQL.call(person.as(), REGISTER_WITH, vars("token", jpush, "platform", "IOS", "provider", "JPUSH"))
                .getString("data.registerDevice.provider")).isEqualTo("JPUSH");
        assertThat(graphQL.call(person.as(), REGISTER_WITH, vars("token", fcm, "platform", "ANDROID"))
                .getString("data.registerDevice.provider")).isEqualTo("FCM");
        assertThat(graphQL.call(person.as(), REGISTER_WITH, vars("token", apns, "platform", "IOS"))
                .getString("data.registerDevice.provider")).isEqualTo("APNS");
        assertThat(database.rows("SELECT token, provider FROM device WHERE person_id = $1", person.id()))
                .extracting(row -> row.getString(0) + ":" + row.getString(1))
                .containsExactlyInAnyOrder(huawei + ":HUAWEI", jpush + ":JPUSH", fcm + ":FCM", apns + ":APNS");
    }

    @Test
    void providersTheServiceCannotSendToAreRefusedAtRegistrationNamingTheProvider() {
        Someone person = fixtures.someone(null, "staff");
        for (String vendor : List.of("HONOR", "XIAOMI", "OPPO", "VIVO")) {
            JsonPath refused = graphQL.call(person.as(), REGISTER_WITH,
                    vars("token", "v-" + UUID.randomUUID(), "platform", "ANDROID", "provider", vendor));
            assertThat(errorCode(refused)).as(vendor).isEqualTo("VALIDATION");
            assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("provider");
            assertThat(refused.getString("errors[0].message")).contains(vendor).contains("JPUSH");
        }
        for (Map<String, Object> misfit : List.of(vars("platform", "ANDROID", "provider", "APNS"),
                vars("platform", "IOS", "provider", "HUAWEI"), vars("platform", "ANDROID", "provider", "GETUI"))) {
            misfit.put("token", "m-" + UUID.randomUUID());
            JsonPath refused = graphQL.call(person.as(), REGISTER_WITH, misfit);
            assertThat(errorCode(refused)).as(misfit.toString()).isEqualTo("VALIDATION");
            assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("provider");
        }
        assertThat(database.count("SELECT count(*) FROM device WHERE person_id = $1", person.id())).isZero();
    }

    @Test
    void devicesNeedASignedInPerson() {
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), REGISTER, vars("token", "anon-token", "platform", "IOS"))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), UNREGISTER, vars("token", "anon-token")))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), "{ myDevices { id } }"))).isEqualTo("UNAUTHENTICATED");
        assertThat(database.count("SELECT count(*) FROM device WHERE token = 'anon-token'")).isZero();
    }

    // ---------------------------------------------------------------- settings

    private static final String SETTINGS = "{ myNotificationSettings { quietHours { from until timeZone } "
            + "channels { kind channels } defaultChannels } }";
    private static final String CHANNELS = "mutation($kind: String!, $channels: [NotificationChannel!]!) { "
            + "setNotificationChannels(kind: $kind, channels: $channels) { channels { kind channels } } }";
    private static final String QUIET = "mutation($from: String, $until: String, $zone: String) { "
            + "setQuietHours(from: $from, until: $until, timeZone: $zone) { quietHours { from until timeZone } } }";

    @Test
    void aPersonChoosesChannelsPerKindAndQuietHours() {
        Someone person = fixtures.someone(null, "staff");
        JsonPath defaults = graphQL.call(person.as(), SETTINGS);
        assertThat(defaults.getList("data.myNotificationSettings.channels")).isEmpty();
        assertThat(defaults.getString("data.myNotificationSettings.quietHours")).isNull();
        assertThat(defaults.getList("data.myNotificationSettings.defaultChannels")).containsExactly("IN_APP", "PUSH", "SMS", "DINGTALK");

        JsonPath chosen = graphQL.call(person.as(), CHANNELS, vars("kind", "BOOKING_REMINDER", "channels", List.of("SMS")));
        assertThat(chosen.getList("data.setNotificationChannels.channels")).containsExactly(
                Map.of("kind", "BOOKING_REMINDER", "channels", List.of("IN_APP", "SMS")));
        graphQL.call(person.as(), CHANNELS, vars("kind", "BOOKING_REMINDER", "channels", List.of()));
        assertThat(database.rows("SELECT channels FROM notification_preference WHERE person_id = $1", person.id()))
                .extracting(row -> List.of(row.getArrayOfStrings(0))).containsExactly(List.of("IN_APP"));

        JsonPath quiet = graphQL.call(person.as(), QUIET, vars("from", "22:00", "until", "07:00"));
        assertThat(quiet.getMap("data.setQuietHours.quietHours"))
                .isEqualTo(Map.of("from", "22:00", "until", "07:00", "timeZone", "Asia/Shanghai"));
        graphQL.call(person.as(), QUIET, vars("from", "21:30", "until", "06:45", "zone", "Europe/Berlin"));
        assertThat(graphQL.call(person.as(), SETTINGS).getMap("data.myNotificationSettings.quietHours"))
                .isEqualTo(Map.of("from", "21:30", "until", "06:45", "timeZone", "Europe/Berlin"));
        JsonPath cleared = graphQL.call(person.as(), QUIET, vars());
        assertThat(cleared.getString("data.setQuietHours.quietHours")).isNull();
        assertThat(database.count("SELECT count(*) FROM notification_settings WHERE person_id = $1", person.id())).isZero();
    }

    @Test
    void settingsInputIsValidatedNamingTheField() {
        Someone person = fixtures.someone(null, "staff");
        JsonPath kind = graphQL.call(person.as(), CHANNELS, vars("kind", "booking reminder", "channels", List.of("SMS")));
        assertThat(errorCode(kind)).isEqualTo("VALIDATION");
        assertThat(kind.getString("errors[0].extensions.field")).isEqualTo("kind");
        JsonPath channel = graphQL.call(person.as(), CHANNELS, vars("kind", "BOOKING_REMINDER", "channels", List.of("FAX")));
        assertThat(errorCode(channel)).isEqualTo("VALIDATION");
        assertThat(channel.getString("errors[0].extensions.field")).isEqualTo("channels");

        JsonPath half = graphQL.call(person.as(), QUIET, vars("from", "22:00"));
        assertThat(errorCode(half)).isEqualTo("VALIDATION");
        assertThat(half.getString("errors[0].extensions.field")).isEqualTo("until");
        JsonPath time = graphQL.call(person.as(), QUIET, vars("from", "25:00", "until", "07:00"));
        assertThat(errorCode(time)).isEqualTo("VALIDATION");
        assertThat(time.getString("errors[0].extensions.field")).isEqualTo("from");
        JsonPath zone = graphQL.call(person.as(), QUIET, vars("from", "22:00", "until", "07:00", "zone", "Mars/Olympus"));
        assertThat(errorCode(zone)).isEqualTo("VALIDATION");
        assertThat(zone.getString("errors[0].extensions.field")).isEqualTo("timeZone");
        assertThat(database.count("SELECT count(*) FROM notification_settings WHERE person_id = $1", person.id())).isZero();
        assertThat(database.count("SELECT count(*) FROM notification_preference WHERE person_id = $1", person.id())).isZero();
    }

    @Test
    void settingsNeedASignedInPerson() {
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), SETTINGS))).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), CHANNELS, vars("kind", "X", "channels", List.of()))))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(graphQL.call(graphQL.anonymous(), QUIET, vars("from", "22:00", "until", "07:00"))))
                .isEqualTo("UNAUTHENTICATED");
    }
}
