package io.dayuan.notifications;

import static io.dayuan.notifications.NotificationFixtures.await;
import static io.dayuan.notifications.NotificationFixtures.inTransaction;
import static io.dayuan.notifications.NotificationFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationFixtures.Someone;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.RecordingSender;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.notifications.service.DeliveryWorker;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
class NotifierTest extends NotificationTestBase {

    @Inject
    DeliveryWorker worker;

    @Inject
    Senders senders;

    private RecordingSender recording() {
        return senders.recording();
    }

    /** A staff member whose texts fail so while the test runs; the phone works again afterwards. */
    private void whileTextsFail(SendFailure.Kind failure, Consumer<Someone> test) {
        Someone person = fixtures.someone(null, "staff");
        recording().failFor(person.phone(), failure);
        try {
            test.accept(person);
        } finally {
            recording().succeedFor(person.phone());
        }
    }

    private List<Row> deliveries(UUID personId) {
        return database.rows("SELECT d.id, d.channel, d.status, d.due_at, d.attempts, d.last_error, n.title "
                + "FROM notification_delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE d.person_id = $1 ORDER BY d.channel", personId);
    }

    private String status(UUID deliveryId) {
        return database.rows("SELECT status FROM notification_delivery WHERE id = $1", deliveryId).get(0).getString(0);
    }

    @Test
    void theNotificationIsWrittenWithTheChangeOrNotAtAll() {
        Someone person = fixtures.someone(null, "staff");
        String marker = UUID.randomUUID().toString();
        assertThatThrownBy(() -> inTransaction(() -> notifier.notify(person.id(), notice("TEST_OUTBOX", marker))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))))
                .hasMessageContaining("the change failed");
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = $1", person.id())).isZero();
        assertThat(database.count("SELECT count(*) FROM notification_delivery WHERE person_id = $1", person.id())).isZero();

        inTransaction(() -> notifier.notify(person.id(), notice("TEST_OUTBOX", marker)));
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = $1", person.id())).isOne();
        // the inbox at once; SMS by default (the person has a phone); no push without a registered device
        assertThat(deliveries(person.id())).extracting(row -> row.getString("channel") + ":" + row.getString("status"))
                .containsExactly("IN_APP:SENT", "SMS:PENDING");
        await("the SMS", Duration.ofSeconds(15), () -> recording().sentTo(person.phone()).size() == 1);
        Message sms = recording().sentTo(person.phone()).get(0);
        assertThat(sms.channel()).isEqualTo(NotificationChannel.SMS);
        assertThat(sms.title()).isEqualTo("会议提醒 " + marker);
        assertThat(sms.link()).isEqualTo("dayuan://test/" + marker);
    }

    @Test
    void textsAreInThePersonsLanguage() {
        Someone english = fixtures.someone("en", "staff");
        Someone chinese = fixtures.someone(null, "staff");
        inTransaction(() -> notifier.notify(english.id(), notice("TEST_LOCALE", "L"))
                .chain(() -> notifier.notify(chinese.id(), notice("TEST_LOCALE", "L"))));
        assertThat(database.rows("SELECT title, body FROM notification WHERE person_id = $1", english.id()).get(0)
                .getString("title")).isEqualTo("Meeting reminder L");
        assertThat(database.rows("SELECT title, body FROM notification WHERE person_id = $1", chinese.id()).get(0)
                .getString("body")).isEqualTo("15分钟后开会 L");
    }

    @Test
    void notifyRoleReachesEveryHolderOfTheRoleAndNoOneElse() {
        Someone first = fixtures.someone(null, "facilities");
        Someone second = fixtures.someone(null, "facilities", "staff");
        Someone staff = fixtures.someone(null, "staff");
        String marker = UUID.randomUUID().toString();
        inTransaction(() -> notifier.notifyRole("facilities", notice("TEST_ROLE", marker)));
        String sql = "SELECT count(*) FROM notification WHERE person_id = $1 AND title = $2";
        assertThat(database.count(sql, first.id(), "会议提醒 " + marker)).isOne();
        assertThat(database.count(sql, second.id(), "会议提醒 " + marker)).isOne();
        assertThat(database.count(sql, staff.id(), "会议提醒 " + marker)).isZero();
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE n.title = $1 AND NOT ('facilities' = ANY (p.roles))", "会议提醒 " + marker)).isZero();
    }

    @Test
    void schedulingForAnUnknownPersonFails() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> inTransaction(() -> notifier.notify(unknown, notice("TEST_UNKNOWN", "x"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void perKindChannelPreferencesChooseTheDeliveries() {
        Someone person = fixtures.someone(null, "staff");
        graphQL.call(person.as(), "mutation { registerDevice(token: \"pref-" + person.id() + "\", platform: ANDROID) { id } }");
        graphQL.call(person.as(), "mutation { setNotificationChannels(kind: \"TEST_PUSH_ONLY\", channels: [PUSH]) { kind: defaultChannels } }");
        inTransaction(() -> notifier.notify(person.id(), notice("TEST_PUSH_ONLY", "P")));
        assertThat(database.rows("SELECT d.channel FROM notification_delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE d.person_id = $1 AND n.kind = 'TEST_PUSH_ONLY' ORDER BY 1", person.id()))
                .extracting(row -> row.getString(0)).containsExactly("IN_APP", "PUSH");
        inTransaction(() -> notifier.notify(person.id(), notice("TEST_DEFAULT_KIND", "D")));
        assertThat(database.rows("SELECT d.channel FROM notification_delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE d.person_id = $1 AND n.kind = 'TEST_DEFAULT_KIND' ORDER BY 1", person.id()))
                .extracting(row -> row.getString(0)).containsExactly("IN_APP", "PUSH", "SMS");
        await("the pushes", Duration.ofSeconds(15), () -> recording().sentTo("pref-" + person.id()).size() == 2);
        assertThat(recording().sentTo(person.phone())).extracting(Message::title).containsExactly("会议提醒 D");
    }

    @Test
    void duringQuietHoursSmsWaitsForTheirEndWhileTheInboxIsImmediate() {
        Someone person = fixtures.someone(null, "staff");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime now = ZonedDateTime.now(zone);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime end = now.plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        graphQL.call(person.as(), "mutation($f: String, $u: String) { setQuietHours(from: $f, until: $u) { quietHours { from } } }",
                Map.of("f", now.minusHours(1).format(hhmm), "u", end.format(hhmm)));

        inTransaction(() -> notifier.notify(person.id(), notice("TEST_QUIET", "Q")));
        List<Row> rows = deliveries(person.id());
        assertThat(rows).extracting(row -> row.getString("channel") + ":" + row.getString("status"))
                .containsExactly("IN_APP:SENT", "SMS:PENDING");
        assertThat(rows.get(1).getOffsetDateTime("due_at").toInstant()).isEqualTo(end.toInstant());
        assertThat(graphQL.call(person.as(), "{ myNotifications { items { title } } }").getList("data.myNotifications.items.title"))
                .containsExactly("会议提醒 Q");
    }

    @Test
    void quietHoursMaySpanMidnight() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalTime from = LocalTime.of(22, 0);
        LocalTime until = LocalTime.of(7, 30);
        OffsetDateTime lateEvening = ZonedDateTime.of(2026, 11, 26, 23, 15, 0, 0, zone).toOffsetDateTime();
        OffsetDateTime earlyMorning = ZonedDateTime.of(2026, 11, 27, 6, 0, 0, 0, zone).toOffsetDateTime();
        OffsetDateTime noon = ZonedDateTime.of(2026, 11, 27, 12, 0, 0, 0, zone).toOffsetDateTime();
        OffsetDateTime morning = ZonedDateTime.of(2026, 11, 27, 7, 30, 0, 0, zone).toOffsetDateTime();
        assertThat(Notifier.holdUntil(lateEvening, from, until, zone)).isEqualTo(morning);
        assertThat(Notifier.holdUntil(earlyMorning, from, until, zone)).isEqualTo(morning);
        assertThat(Notifier.holdUntil(noon, from, until, zone)).isEqualTo(noon);
    }

    @Test
    void aScheduledNotificationReachesInboxAndChannelsOnlyWhenDueAndAWithdrawnOneNever() {
        Someone person = fixtures.someone(null, "staff");
        String kept = "kept-" + UUID.randomUUID();
        String withdrawn = "withdrawn-" + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now().plusSeconds(3);
        inTransaction(() -> notifier.schedule(person.id(), notice("TEST_SCHEDULED", kept), at, "test:" + kept)
                .chain(() -> notifier.schedule(person.id(), notice("TEST_SCHEDULED", withdrawn), at, "test:" + withdrawn)));
        assertThat(inTransaction(() -> notifier.withdraw("test:" + withdrawn))).isEqualTo(1);

        // stored, not yet in the inbox
        assertThat(database.count("SELECT count(*) FROM notification WHERE person_id = $1", person.id())).isEqualTo(2);
        assertThat(graphQL.call(person.as(), "{ myNotifications { items { id } } unreadNotificationCount }")
                .getList("data.myNotifications.items")).isEmpty();
        assertThat(recording().sentTo(person.phone())).isEmpty();

        await("the scheduled SMS", Duration.ofSeconds(20), () -> !recording().sentTo(person.phone()).isEmpty());
        await("the inbox delivery", Duration.ofSeconds(10), () -> database.count("SELECT count(*) FROM notification_delivery "
                + "WHERE person_id = $1 AND status = 'SENT'", person.id()) == 2);
        assertThat(graphQL.call(person.as(), "{ myNotifications { items { title } } }").getList("data.myNotifications.items.title"))
                .containsExactly("会议提醒 " + kept);
        assertThat(recording().sentTo(person.phone())).extracting(Message::title).containsExactly("会议提醒 " + kept);
        assertThat(database.rows("SELECT d.status FROM notification_delivery d JOIN notification n ON n.id = d.notification_id "
                + "WHERE n.cause = $1", "test:" + withdrawn)).extracting(row -> row.getString(0))
                .containsOnly("WITHDRAWN").hasSize(2);
        // what was delivered cannot be withdrawn any more
        assertThat(inTransaction(() -> notifier.withdraw("test:" + kept))).isZero();
    }

    @Test
    void aMovedReminderIsWithdrawnAndScheduledAnewInOneTransaction() {
        Someone person = fixtures.someone(null, "staff");
        String cause = "booking:" + UUID.randomUUID();
        OffsetDateTime first = OffsetDateTime.now().plusHours(2);
        OffsetDateTime moved = OffsetDateTime.now().plusHours(3);
        inTransaction(() -> notifier.schedule(person.id(), notice("TEST_MOVED", "first"), first, cause));
        inTransaction(() -> notifier.withdraw(cause)
                .chain(() -> notifier.schedule(person.id(), notice("TEST_MOVED", "moved"), moved, cause)));
        List<Row> rows = database.rows("SELECT title, withdrawn_at IS NOT NULL AS withdrawn, "
                + "(SELECT string_agg(d.channel || ':' || d.status, ',' ORDER BY d.channel) FROM notification_delivery d "
                + "WHERE d.notification_id = n.id) AS deliveries FROM notification n WHERE cause = $1 ORDER BY deliver_at", cause);
        assertThat(rows).extracting(row -> row.getString("title") + "/" + row.getBoolean("withdrawn") + "/"
                + row.getString("deliveries")).containsExactly(
                        "会议提醒 first/true/IN_APP:WITHDRAWN,SMS:WITHDRAWN",
                        "会议提醒 moved/false/IN_APP:PENDING,SMS:PENDING");
    }

    @Test
    void afterAWorkerStopsMidWayWhatWasPendingIsDeliveredOnce() {
        Someone[] people = { fixtures.someone(null, "staff"), fixtures.someone(null, "staff"), fixtures.someone(null, "staff") };
        worker.stop();
        await("the scheduled pass under way to finish", Duration.ofSeconds(30), worker::isIdle);
        try {
            for (Someone person : people) {
                inTransaction(() -> notifier.notify(person.id(), notice("TEST_ONCE", person.id().toString())));
            }
            // a replica claims the deliveries, then dies before sending or marking them
            List<DeliveryWorker.Claimed> claimed = worker.claim(1000, Duration.ofSeconds(2)).await().indefinitely();
            assertThat(claimed).extracting(DeliveryWorker.Claimed::personId)
                    .contains(people[0].id(), people[1].id(), people[2].id());
            // while its claim holds, another replica's pass leaves them alone
            worker.deliverDue().await().indefinitely();
            for (Someone person : people) {
                assertThat(recording().sentTo(person.phone())).isEmpty();
                assertThat(deliveries(person.id()).get(1).getString("status")).isEqualTo("PENDING");
            }
        } finally {
            worker.start();
        }
        // the restarted worker delivers them once the dead claim has lapsed
        for (Someone person : people) {
            await("delivery to " + person.phone(), Duration.ofSeconds(20), () -> !recording().sentTo(person.phone()).isEmpty());
        }
        // two replicas passing at once, and more passes later, send nothing again
        Uni.join().all(worker.deliverDue(), worker.deliverDue()).andFailFast().await().indefinitely();
        worker.deliverDue().await().indefinitely();
        for (Someone person : people) {
            assertThat(recording().sentTo(person.phone())).hasSize(1);
            assertThat(deliveries(person.id())).extracting(row -> row.getString("status")).containsOnly("SENT");
        }
    }

    @Test
    void twoReplicasPassingAtOnceNeverSendTheSameDeliveryTwice() {
        List<Someone> people = List.of(fixtures.someone(null, "staff"), fixtures.someone(null, "staff"),
                fixtures.someone(null, "staff"), fixtures.someone(null, "staff"));
        worker.stop();
        await("the scheduled pass under way to finish", Duration.ofSeconds(30), worker::isIdle);
        try {
            for (Someone p : people) {
                inTransaction(() -> notifier.notify(p.id(), notice("TEST_RACE", p.id().toString())));
            }
            // three replicas pass at the same moment
            List<Integer> sent = Uni.join().all(worker.deliverDue(), worker.deliverDue(), worker.deliverDue())
                    .andFailFast().await().indefinitely();
            assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(people.size());
        } finally {
            worker.start();
        }
        await("all sent", Duration.ofSeconds(15), () -> people.stream().allMatch(p -> !recording().sentTo(p.phone()).isEmpty()));
        worker.deliverDue().await().indefinitely();
        people.forEach(p -> assertThat(recording().sentTo(p.phone())).hasSize(1));
    }

    @Test
    void aFailingDeliveryIsRetriedWithBackoffThenParkedForAdminsWhoMayRetryIt() {
        whileTextsFail(SendFailure.Kind.TRANSIENT, person -> {
            inTransaction(() -> notifier.notify(person.id(), notice("TEST_PARK", "F")));
            UUID sms = deliveries(person.id()).get(1).getUUID("id");
            for (int attempt = 1; attempt <= 5; attempt++) {
                int expected = attempt;
                await("attempt " + attempt, Duration.ofSeconds(15), () -> database.count(
                        "SELECT attempts FROM notification_delivery WHERE id = $1", sms) == expected);
                Row row = database.rows("SELECT status, due_at, last_error, now() AS now FROM notification_delivery "
                        + "WHERE id = $1", sms).get(0);
                assertThat(row.getString("last_error")).contains("recorded failure");
                if (attempt < 5) {
                    assertThat(row.getString("status")).isEqualTo("PENDING");
                    long backoff = Duration.between(row.getOffsetDateTime("now"), row.getOffsetDateTime("due_at")).toSeconds();
                    assertThat(backoff).isBetween(30L * (1L << (attempt - 1)) - 5, 30L * (1L << (attempt - 1)));
                    // the backoff elapses
                    database.execute("UPDATE notification_delivery SET due_at = now() WHERE id = $1", sms);
                }
            }
            assertThat(status(sms)).isEqualTo("PARKED");

            GraphQL.As admin = graphQL.as("admin");
            String parked = "query($after: String) { parkedDeliveries(first: 100, after: $after) { items { id channel status attempts "
                    + "lastError recipient { id } notification { title } } endCursor hasMore } }";
            var page = graphQL.call(admin, parked, new java.util.HashMap<>());
            List<Map<String, Object>> items = page.getList("data.parkedDeliveries.items");
            Map<String, Object> mine = items.stream().filter(item -> sms.toString().equals(item.get("id"))).findFirst().orElseThrow();
            assertThat(mine).containsEntry("channel", "SMS").containsEntry("status", "PARKED").containsEntry("attempts", 5);
            assertThat(mine.get("recipient")).isEqualTo(Map.of("id", person.id().toString()));
            assertThat(mine.get("notification")).isEqualTo(Map.of("title", "会议提醒 F"));
            assertThat(GraphQL.errorCode(graphQL.call(graphQL.as("staff"), "{ parkedDeliveries { hasMore } }"))).isEqualTo("FORBIDDEN");
            assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), "{ parkedDeliveries { hasMore } }"))).isEqualTo("UNAUTHENTICATED");
            assertThat(GraphQL.errorCode(graphQL.call(admin, "{ parkedDeliveries(first: 0) { hasMore } }"))).isEqualTo("VALIDATION");
            assertThat(graphQL.call(admin, "{ parkedDeliveries(after: \"nope\") { hasMore } }")
                    .getString("errors[0].extensions.field")).isEqualTo("after");

            recording().succeedFor(person.phone());
            String retry = "mutation($id: ID!) { retryDelivery(id: $id) { id status attempts } }";
            assertThat(GraphQL.errorCode(graphQL.call(graphQL.as("staff"), retry, Map.of("id", sms.toString())))).isEqualTo("FORBIDDEN");
            assertThat(GraphQL.errorCode(graphQL.call(graphQL.anonymous(), retry, Map.of("id", sms.toString())))).isEqualTo("UNAUTHENTICATED");
            assertThat(status(sms)).isEqualTo("PARKED");
            var retried = graphQL.call(admin, retry, Map.of("id", sms.toString()));
            assertThat(retried.getString("data.retryDelivery.status")).isIn("PENDING", "SENT");
            await("the retried SMS", Duration.ofSeconds(15), () -> recording().sentTo(person.phone()).size() == 1);
            await("marked sent", Duration.ofSeconds(5), () -> status(sms).equals("SENT"));
            assertThat(GraphQL.errorCode(graphQL.call(admin, retry, Map.of("id", sms.toString())))).isEqualTo("CONFLICT");
            assertThat(GraphQL.errorCode(graphQL.call(admin, retry, Map.of("id", UUID.randomUUID().toString())))).isEqualTo("NOT_FOUND");
            var malformed = graphQL.call(admin, retry, Map.of("id", "sms-1"));
            assertThat(GraphQL.errorCode(malformed)).isEqualTo("VALIDATION");
            assertThat(malformed.getString("errors[0].extensions.field")).isEqualTo("id");
        });
    }

    @Test
    void aMessageTheProviderRefusesIsParkedAtOnce() {
        whileTextsFail(SendFailure.Kind.PERMANENT, person -> {
            inTransaction(() -> notifier.notify(person.id(), notice("TEST_REFUSED", "R")));
            UUID sms = deliveries(person.id()).get(1).getUUID("id");
            await("parked", Duration.ofSeconds(15), () -> status(sms).equals("PARKED"));
            assertThat(database.count("SELECT attempts FROM notification_delivery WHERE id = $1", sms)).isOne();
        });
    }

    @Test
    void aPushToADeviceTheProviderNoLongerKnowsForgetsTheDevice() {
        Someone person = fixtures.someone(null, "staff");
        String token = "stale-" + person.id();
        graphQL.call(person.as(), "mutation($t: String!) { registerDevice(token: $t, platform: IOS) { id } }", Map.of("t", token));
        recording().failFor(token, SendFailure.Kind.BAD_ADDRESS);
        try {
            inTransaction(() -> notifier.notify(person.id(), notice("TEST_STALE", "S")));
            await("the device forgotten", Duration.ofSeconds(15),
                    () -> database.count("SELECT count(*) FROM device WHERE token = $1", token) == 0);
            await("the push settled", Duration.ofSeconds(5), () -> database.count("SELECT count(*) FROM notification_delivery "
                    + "WHERE person_id = $1 AND channel = 'PUSH' AND status = 'SENT'", person.id()) == 1);
        } finally {
            recording().succeedFor(token);
        }
    }
}
