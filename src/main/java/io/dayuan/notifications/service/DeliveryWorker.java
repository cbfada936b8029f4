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

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.NotificationsConfig;
import io.dayuan.notifications.PushProvider;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.notifications.repository.DeliveryRepository;
import io.dayuan.notifications.repository.DeviceRepository;
import io.dayuan.platform.Clock;
import io.dayuan.platform.events.Events;
import io.dayuan.platform.outbox.Backoff;
import io.dayuan.platform.outbox.Mark;
import io.dayuan.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Sends the pending deliveries of the outbox ({@link Outbox}: claimed for a lease, marked only while the claim
 * holds, retried with exponential backoff). Every few seconds each replica claims a batch of due deliveries of
 * notifications not withdrawn and sends them; after {@code max-attempts} failures (or at once when the provider
 * refuses the message itself) a delivery is parked for an admin.
 */
@ApplicationScoped
public class DeliveryWorker {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    /** A claimed delivery with what it takes to send it, as the claim read it. */
    public record Claimed(Outbox.Claim claim) {

        public UUID id() {
            return claim.id();
        }

        public UUID notificationId() {
            return claim.row().getUUID("notification_id");
        }

        public UUID personId() {
            return claim.row().getUUID("person_id");
        }

        public NotificationChannel channel() {
            return NotificationChannel.valueOf(claim.row().getString("channel"));
        }

        public List<String> deliveredTo() {
            String[] delivered = claim.row().getArrayOfStrings("delivered_to");
            return delivered == null ? List.of() : Arrays.asList(delivered);
        }

        String text(String column) {
            return claim.row().getString(column);
        }
    }

    private record Target(String token, DevicePlatform platform, PushProvider provider) {
    }

    private record Outcome(List<String> reached, List<SendFailure> failures) {
    }

    @Inject
    Pool pool;

    @Inject
    Senders senders;

    @Inject
    Addresses addresses;

    @Inject
    DeviceRepository devices;

    @Inject
    NotificationsConfig config;

    private Outbox outbox;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger passesUnderWay = new AtomicInteger();

    @PostConstruct
    void outbox() {
        outbox = new Outbox(pool, DeliveryRepository.OUTBOX, new Backoff(config.maxAttempts(), config.backoff().initial(), config.backoff().max()));
    }

    // the defaults of worker.every and worker.delay are NotificationsConfig's
    @Scheduled(every = "${dayuan.notifications.worker.every}", delayed = "${dayuan.notifications.worker.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pass() {
        passesUnderWay.incrementAndGet();
        if (!running.get()) {
            passesUnderWay.decrementAndGet();
            return Uni.createFrom().voidItem();
        }
        return outbox.scheduled(deliverDue()).onTermination().invoke(passesUnderWay::decrementAndGet);
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
        return claim(config.worker().batchSize(), config.worker().lease()).chain(this::deliver);
    }

    /** Claims due deliveries for the lease: no other pass takes them until they are marked or the lease ends. */
    public Uni<List<Claimed>> claim(int limit, Duration forLease) {
        return outbox.claim(clock.now(), forLease, limit)
                .map(claims -> claims.stream().map(Claimed::new).toList());
    }

    /** Sends claimed deliveries and marks each; returns how many were sent. */
    public Uni<Integer> deliver(List<Claimed> claimed) {
        List<UUID> pushRecipients = claimed.stream().filter(c -> c.channel() == NotificationChannel.PUSH)
                .map(Claimed::personId).distinct().toList();
        return devices(pushRecipients).chain(devices -> outbox.each(claimed, Claimed::claim, config.worker().concurrency(),
                one -> deliverOne(one, devices.getOrDefault(one.personId(), List.of()))));
    }

    private Uni<Map<UUID, List<Target>>> devices(List<UUID> people) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return devices.ofPeopleOutsideSession(people).map(found -> found.stream().collect(Collectors.groupingBy(
                device -> device.personId,
                Collectors.mapping(device -> new Target(device.token, device.platform, device.provider),
                        Collectors.toList()))));
    }

    private Uni<Boolean> deliverOne(Claimed delivery, List<Target> devices) {
        return switch (delivery.channel()) {
            case IN_APP -> markInAppSent(delivery);
            case SMS -> sendToOne(delivery, delivery.text("phone"), "The person has no phone number");
            case DINGTALK -> sendToOne(delivery, delivery.text("dingtalk_user_id"), "The person has no DingTalk user id");
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
                target.platform(), target.provider(), delivery.text("kind"), delivery.text("title"),
                delivery.text("body"), delivery.text("link"));
    }

    private Uni<Boolean> settle(Claimed delivery, Outcome outcome) {
        List<String> reached = new ArrayList<>(delivery.deliveredTo());
        if (delivery.channel() == NotificationChannel.PUSH) {
            reached.addAll(outcome.reached());
        }
        String[] deliveredTo = reached.toArray(String[]::new);
        if (outcome.failures().isEmpty()) {
            return outbox.done(delivery.claim(), Mark.of().sql("status = 'SENT'").set("sent_at", clock.now())
                    .set("delivered_to", deliveredTo).sql("last_error = NULL"));
        }
        SendFailure first = outcome.failures().get(0);
        boolean permanent = outcome.failures().stream().allMatch(f -> f.kind() == SendFailure.Kind.PERMANENT);
        LOG.infof("Delivery %s (%s) failed: %s", delivery.id(), delivery.channel(), first.getMessage());
        return outbox.failed(delivery.claim(), clock.now(), first.getMessage(), permanent,
                Mark.of().set("delivered_to", deliveredTo), null).replaceWith(false);
    }

    private Uni<Boolean> markInAppSent(Claimed delivery) {
        InboxArrivals arrival = new InboxArrivals(
                List.of(new InboxArrivals.Arrival(delivery.personId(), delivery.notificationId())));
        return outbox.done(delivery.claim(), Mark.of().sql("status = 'SENT'").set("sent_at", clock.now()),
                Events.payload(InboxArrivals.topic(), arrival));
    }

    private Uni<Boolean> markFinal(Claimed delivery, String status, String reason) {
        return outbox.done(delivery.claim(), Mark.of().set("status", status).set("last_error", reason))
                .replaceWith(false);
    }
}
