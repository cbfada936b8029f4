package io.dayuan.notifications.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.Notification;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.PushProvider;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.platform.events.Events;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the pending deliveries of the outbox. Every few seconds each replica claims a batch of due deliveries
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row) and holds them for a lease; it sends each
 * and marks it sent only if it still holds the claim. A replica that stops mid-way leaves its claimed rows pending:
 * when the lease ends any replica takes them again. A failed send is retried with exponential backoff; after
 * {@code max-attempts} failures (or at once when the provider refuses the message itself) it is parked for an admin.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    /** A claimed delivery with what it takes to send it. */
    public record Claimed(UUID id, UUID claimId, UUID notificationId, UUID personId, NotificationChannel channel,
            int attempts, List<String> deliveredTo, String kind, String title, String body, String link,
            String phone, String dingTalkUserId) {
    }

    private record Target(String token, DevicePlatform platform, PushProvider provider) {
    }

    private record Outcome(List<String> reached, List<SendFailure> failures) {
    }

    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE notification_delivery d SET claim_id = $1, claimed_until = now() + make_interval(secs => $2)
                WHERE d.id IN (SELECT c.id FROM notification_delivery c
                               WHERE c.status = 'PENDING' AND c.due_at <= now()
                                 AND NOT EXISTS (SELECT 1 FROM notification w WHERE w.id = c.notification_id
                                                 AND w.withdrawn_at IS NOT NULL)
                                 AND (c.claimed_until IS NULL OR c.claimed_until < now())
                               ORDER BY c.due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.notification_id, d.person_id, d.channel, d.attempts, d.delivered_to)
            SELECT c.id, c.notification_id, c.person_id, c.channel, c.attempts, c.delivered_to,
                   n.kind, n.title, n.body, n.link, n.withdrawn_at, p.phone, p.dingtalk_user_id
            FROM claimed c JOIN notification n ON n.id = c.notification_id JOIN person p ON p.id = c.person_id""";

    private static final String MARK_SENT = """
            UPDATE notification_delivery SET status = 'SENT', sent_at = now(), delivered_to = $3, last_error = NULL,
                claim_id = NULL, claimed_until = NULL
            WHERE id = $1 AND claim_id = $2""";

    private static final String MARK_IN_APP_SENT = """
            WITH done AS (UPDATE notification_delivery SET status = 'SENT', sent_at = now(), claim_id = NULL,
                              claimed_until = NULL
                          WHERE id = $1 AND claim_id = $2 RETURNING id)
            SELECT pg_notify($3, $4) FROM done""";

    private static final String MARK_FINAL = """
            UPDATE notification_delivery SET status = $3, last_error = $4, claim_id = NULL, claimed_until = NULL
            WHERE id = $1 AND claim_id = $2""";

    private static final String MARK_FAILED = """
            UPDATE notification_delivery SET attempts = attempts + 1, last_error = $3, delivered_to = $4,
                claim_id = NULL, claimed_until = NULL,
                status = CASE WHEN $5 OR attempts + 1 >= $6 THEN 'PARKED' ELSE 'PENDING' END,
                due_at = CASE WHEN $5 OR attempts + 1 >= $6 THEN due_at
                              ELSE now() + make_interval(secs => least($7 * power(2, attempts), $8)) END
            WHERE id = $1 AND claim_id = $2""";

    @Inject
    Pool pool;

    @Inject
    Senders senders;

    @Inject
    Addresses addresses;

    @ConfigProperty(name = "dayuan.notifications.worker.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "dayuan.notifications.worker.concurrency", defaultValue = "8")
    int concurrency;

    @ConfigProperty(name = "dayuan.notifications.worker.lease", defaultValue = "PT5M")
    Duration lease;

    @ConfigProperty(name = "dayuan.notifications.max-attempts", defaultValue = "5")
    int maxAttempts;

    @ConfigProperty(name = "dayuan.notifications.backoff.initial", defaultValue = "PT30S")
    Duration backoffInitial;

    @ConfigProperty(name = "dayuan.notifications.backoff.max", defaultValue = "PT1H")
    Duration backoffMax;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger passesUnderWay = new AtomicInteger();

    @Scheduled(every = "${dayuan.notifications.worker.every:5s}", delayed = "${dayuan.notifications.worker.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pass() {
        passesUnderWay.incrementAndGet();
        if (!running.get()) {
            passesUnderWay.decrementAndGet();
            return Uni.createFrom().voidItem();
        }
        return deliverDue().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warn("A delivery pass failed; the next pass tries again", failure);
            return Uni.createFrom().voidItem();
        }).onTermination().invoke(passesUnderWay::decrementAndGet);
    }

    /** Stops the scheduled passes of this replica (what was claimed and not sent is taken again after the lease). */
    public void stop() {
        running.set(false);
    }

    /** Starts the scheduled passes again. */
    public void start() {
        running.set(true);
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Whether no scheduled pass is under way (after {@link #stop()}, once the last one has finished). */
    public boolean isIdle() {
        return passesUnderWay.get() == 0;
    }

    /** One pass: claims up to a batch of due deliveries and sends them. Returns how many were sent. */
    public Uni<Integer> deliverDue() {
        return claim(batchSize, lease).chain(this::deliver);
    }

    /** Claims due deliveries for the lease: no other pass takes them until they are marked or the lease ends. */
    public Uni<List<Claimed>> claim(int limit, Duration forLease) {
        UUID claimId = UUID.randomUUID();
        return pool.preparedQuery(CLAIM).execute(Tuple.of(claimId, forLease.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        String[] delivered = row.getArrayOfStrings("delivered_to");
                        claimed.add(new Claimed(row.getUUID("id"), claimId, row.getUUID("notification_id"),
                                row.getUUID("person_id"), NotificationChannel.valueOf(row.getString("channel")),
                                row.getInteger("attempts"), delivered == null ? List.of() : Arrays.asList(delivered),
                                row.getString("kind"), row.getString("title"), row.getString("body"),
                                row.getString("link"), row.getString("phone"), row.getString("dingtalk_user_id")));
                    }
                    return claimed;
                });
    }

    /** Sends claimed deliveries and marks each; returns how many were sent. */
    public Uni<Integer> deliver(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> pushRecipients = claimed.stream().filter(c -> c.channel() == NotificationChannel.PUSH)
                .map(Claimed::personId).distinct().toList();
        return devices(pushRecipients).chain(devices -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(one -> deliverOne(one, devices.getOrDefault(one.personId(), List.of()))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf(failure, "Delivery %s could not be marked; its lease will end", one.id());
                            return Uni.createFrom().item(false);
                        }))
                .merge(Math.max(1, concurrency))
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Map<UUID, List<Target>>> devices(List<UUID> people) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT person_id, token, platform, provider FROM device WHERE person_id = ANY($1) "
                + "ORDER BY registered_at").execute(Tuple.of(people.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Row> all = new ArrayList<>();
                    rows.forEach(all::add);
                    return all.stream().collect(Collectors.groupingBy(row -> row.getUUID("person_id"),
                            Collectors.mapping(row -> new Target(row.getString("token"),
                                    DevicePlatform.valueOf(row.getString("platform")),
                                    PushProvider.valueOf(row.getString("provider"))), Collectors.toList())));
                });
    }

    private Uni<Boolean> deliverOne(Claimed delivery, List<Target> devices) {
        return switch (delivery.channel()) {
            case IN_APP -> markInAppSent(delivery);
            case SMS -> sendToOne(delivery, delivery.phone(), "The person has no phone number");
            case DINGTALK -> sendToOne(delivery, delivery.dingTalkUserId(), "The person has no DingTalk user id");
            case PUSH -> {
                List<Target> open = devices.stream().filter(d -> !delivery.deliveredTo().contains(d.token())).toList();
                if (open.isEmpty()) {
                    yield delivery.deliveredTo().isEmpty()
                            ? markFinal(delivery, "SKIPPED", "The person has no registered device")
                            : settle(delivery, new Outcome(List.of(), List.of()));
                }
                yield sendAll(delivery, open).chain(outcome -> settle(delivery, outcome));
            }
        };
    }

    private Uni<Boolean> sendToOne(Claimed delivery, String address, String whenMissing) {
        return address == null || address.isBlank() ? markFinal(delivery, "SKIPPED", whenMissing)
                : sendAll(delivery, List.of(new Target(address, null, null))).chain(outcome -> settle(delivery, outcome));
    }

    /** Sends to each address in turn; an address the provider no longer knows is forgotten ({@link Addresses}). */
    private Uni<Outcome> sendAll(Claimed delivery, List<Target> targets) {
        return Multi.createFrom().iterable(targets)
                .onItem().transformToUniAndConcatenate(target -> senders.send(message(delivery, target))
                        .map(ok -> (Object) target.token())
                        .onFailure().recoverWithUni(failure -> {
                            SendFailure send = failure instanceof SendFailure known ? known
                                    : SendFailure.transientFailure(String.valueOf(failure.getMessage()));
                            if (send.kind() == SendFailure.Kind.BAD_ADDRESS) {
                                return addresses.forget(delivery.channel(), target.token(), send);
                            }
                            return Uni.createFrom().item(send);
                        }))
                .collect().asList()
                .map(results -> new Outcome(
                        results.stream().filter(r -> r instanceof String s && !s.isEmpty()).map(String.class::cast).toList(),
                        results.stream().filter(SendFailure.class::isInstance).map(SendFailure.class::cast).toList()));
    }

    private static Message message(Claimed delivery, Target target) {
        return new Message(delivery.id(), delivery.notificationId(), delivery.channel(), target.token(),
                target.platform(), target.provider(), delivery.kind(), delivery.title(), delivery.body(), delivery.link());
    }

    private Uni<Boolean> settle(Claimed delivery, Outcome outcome) {
        List<String> reached = new ArrayList<>(delivery.deliveredTo());
        if (delivery.channel() == NotificationChannel.PUSH) {
            reached.addAll(outcome.reached());
        }
        if (outcome.failures().isEmpty()) {
            return pool.preparedQuery(MARK_SENT)
                    .execute(Tuple.of(delivery.id(), delivery.claimId(), reached.toArray(String[]::new)))
                    .map(rows -> rows.rowCount() == 1);
        }
        SendFailure first = outcome.failures().get(0);
        boolean permanent = outcome.failures().stream().allMatch(f -> f.kind() == SendFailure.Kind.PERMANENT);
        LOG.infof("Delivery %s (%s) failed: %s", delivery.id(), delivery.channel(), first.getMessage());
        return pool.preparedQuery(MARK_FAILED).execute(Tuple.tuple(List.of(delivery.id(), delivery.claimId(),
                first.getMessage(), reached.toArray(String[]::new), permanent, maxAttempts,
                backoffInitial.toMillis() / 1000.0, backoffMax.toMillis() / 1000.0)))
                .replaceWith(false);
    }

    private Uni<Boolean> markInAppSent(Claimed delivery) {
        Notification event = new Notification();
        event.id = delivery.notificationId();
        event.personId = delivery.personId();
        String payload = Events.payload(Notifier.TOPIC, Notifier.event(List.of(event)));
        return pool.preparedQuery(MARK_IN_APP_SENT)
                .execute(Tuple.of(delivery.id(), delivery.claimId(), Events.channel(), payload))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Boolean> markFinal(Claimed delivery, String status, String reason) {
        return pool.preparedQuery(MARK_FINAL).execute(Tuple.of(delivery.id(), delivery.claimId(), status, reason))
                .replaceWith(false);
    }
}
