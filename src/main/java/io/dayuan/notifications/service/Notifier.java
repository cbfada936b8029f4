package io.dayuan.notifications.service;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Delivery;
import io.dayuan.notifications.DeliveryStatus;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.Notification;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.NotificationPreference;
import io.dayuan.notifications.NotificationsConfig;
import io.dayuan.notifications.QuietHoursSetting;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.notifications.repository.DeliveryRepository;
import io.dayuan.notifications.repository.DeviceRepository;
import io.dayuan.notifications.repository.NotificationRepository;
import io.dayuan.notifications.repository.PreferenceRepository;
import io.dayuan.notifications.repository.QuietHoursRepository;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Uni;

/**
 * The one way features tell people something. Call it inside the transaction of the change that causes the
 * notification (from a {@code @WithTransaction} service method): both are saved together or not at all.
 * <p>
 * It is an outbox: it writes the inbox row and one delivery row per channel the person wants (their preference for
 * the kind, or the default channels) and that can be sent (a phone number for SMS, a registered device for push,
 * a DingTalk user id for work notices). The in-app inbox is immediate; the other channels wait for the end of the
 * person's quiet hours (except {@link #notifyUrgently}). The delivery worker
 * sends the rows after commit, and publishes the live event of notifications that were scheduled for later.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    Clock clock;

    /** The {@link Events} topic of notifications reaching inboxes: {@code {"items": [{"personId", "id"}]}}. */
    private static final int EVENT_BATCH = 50;

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    PersonRepository people;

    @Inject
    PreferenceRepository preferences;

    @Inject
    QuietHoursRepository quietHours;

    @Inject
    DeviceRepository devices;

    @Inject
    Senders senders;

    @Inject
    Events events;

    @Inject
    NotificationsConfig config;

    /** Tells a person now. */
    public Uni<Void> notify(UUID personId, Notice notice) {
        return schedule(personId, notice, clock.now(), null);
    }

    /** Tells everyone whose token carried the role (e.g. all guards), at every site. */
    public Uni<Void> notifyRole(String role, Notice notice) {
        return notifyRoles(List.of(role), null, notice);
    }

    /** Tells everyone whose token carried any of the roles, once each (e.g. guards and admins), at every site. */
    public Uni<Void> notifyRoles(List<String> roles, Notice notice) {
        return notifyRoles(roles, null, notice);
    }

    /**
     * Tells the holders of the role at a site: those whose home site is the site, and those without a home site
     * (they hear about every site). A null site means every site.
     */
    public Uni<Void> notifyRole(String role, UUID siteId, Notice notice) {
        return notifyRoles(List.of(role), siteId, notice);
    }

    /**
     * Tells the holders of any of the roles at a site, once each: those whose home site is the site, and those
     * without a home site (they hear about every site). A null site means every site.
     */
    public Uni<Void> notifyRoles(List<String> roles, UUID siteId, Notice notice) {
        return people.holdingAnyOf(roles, siteId).chain(holders -> write(holders, notice, clock.now(), null, false));
    }

    /**
     * Tells the people now on every channel that reaches them, whatever their channel preferences and quiet hours
     * say: an emergency. Each delivery is due at once.
     */
    public Uni<Void> notifyUrgently(List<Person> people, Notice notice) {
        return write(people, notice, clock.now(), null, true);
    }

    /**
     * Tells a person at a later time (a reminder), stored so it survives restarts. The cause names what it is
     * about (e.g. {@code booking:<id>}) so that {@link #withdraw} can take it back.
     */
    public Uni<Void> schedule(UUID personId, Notice notice, OffsetDateTime at, String cause) {
        return people.findById(personId).chain(person -> {
            if (person == null) {
                return Uni.createFrom().failure(ApiException.notFound("Person", personId));
            }
            return write(List.of(person), notice, at == null ? clock.now() : at, cause, false);
        });
    }

    /**
     * Withdraws what is scheduled for a cause and not yet delivered, e.g. when a booking is cancelled or moved:
     * the notification never reaches the inbox and none of its deliveries is sent. To move a reminder, withdraw
     * first, then schedule the new one with the same cause (in the same transaction). Returns how many were
     * withdrawn.
     */
    public Uni<Integer> withdraw(String cause) {
        OffsetDateTime now = clock.now();
        return deliveries.withdrawPending(cause, now).chain(() -> notifications.withdrawScheduled(cause, now));
    }

    private Uni<Void> write(List<Person> recipients, Notice notice, OffsetDateTime at, String cause, boolean urgent) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        validate(notice);
        List<UUID> ids = recipients.stream().map(person -> person.id).toList();
        Recipients context = new Recipients();
        context.urgent = urgent;
        return preferences.ofPeople(ids, notice.kind())
                .invoke(found -> context.preferences = found.stream()
                        .collect(Collectors.toMap(p -> p.personId, Function.identity())))
                .chain(() -> quietHours.ofPeople(ids))
                .invoke(found -> context.quietHours = found.stream()
                        .collect(Collectors.toMap(q -> q.personId, Function.identity())))
                .chain(() -> devices.ofPeople(ids))
                .invoke(found -> context.withDevices = found.stream().map(d -> d.personId).collect(Collectors.toSet()))
                .chain(() -> {
                    List<Notification> written = recipients.stream()
                            .map(person -> notification(person, notice, at, cause)).toList();
                    return notifications.persist(written).replaceWith(written);
                })
                .chain(written -> {
                    boolean now = !at.isAfter(clock.now());
                    List<Delivery> rows = new ArrayList<>();
                    for (int i = 0; i < written.size(); i++) {
                        rows.addAll(deliveries(recipients.get(i), written.get(i), context, now));
                    }
                    return deliveries.persist(rows).chain(() -> now ? publish(written) : Uni.createFrom().voidItem());
                });
    }

    private static void validate(Notice notice) {
        if (notice == null || notice.kind() == null || notice.kind().isBlank() || notice.title() == null
                || notice.title().zh() == null || notice.body() == null || notice.body().zh() == null) {
            throw new IllegalArgumentException("A notice needs a kind, a title and a body (at least in Chinese)");
        }
    }

    private static final class Recipients {
        Map<UUID, NotificationPreference> preferences;
        Map<UUID, QuietHoursSetting> quietHours;
        Set<UUID> withDevices;
        boolean urgent;
    }

    private List<Delivery> deliveries(Person person, Notification notification, Recipients context, boolean now) {
        NotificationPreference preference = context.preferences.get(person.id);
        List<NotificationChannel> wanted = context.urgent ? List.of(NotificationChannel.values())
                : preference == null ? config.defaultChannels()
                : preference.channels.stream().map(NotificationChannel::valueOf).toList();
        OffsetDateTime held = context.urgent ? notification.deliverAt
                : holdUntil(notification.deliverAt, context.quietHours.get(person.id));
        List<Delivery> rows = new ArrayList<>();
        // the inbox always; live at once when due now, by the worker when scheduled for later
        rows.add(delivery(notification, NotificationChannel.IN_APP, notification.deliverAt, now));
        for (NotificationChannel channel : List.of(NotificationChannel.SMS, NotificationChannel.PUSH,
                NotificationChannel.DINGTALK)) {
            if (wanted.contains(channel) && senders.available(channel) && reachable(person, channel, context)) {
                rows.add(delivery(notification, channel, held, false));
            }
        }
        return rows;
    }

    /** Whether the person has an address on the channel: a phone number, a registered device, a DingTalk id. */
    private static boolean reachable(Person person, NotificationChannel channel, Recipients context) {
        return switch (channel) {
            case IN_APP -> true;
            case SMS -> person.phone != null && !person.phone.isBlank();
            case PUSH -> context.withDevices.contains(person.id);
            case DINGTALK -> person.dingTalkUserId != null && !person.dingTalkUserId.isBlank();
        };
    }

    private Delivery delivery(Notification notification, NotificationChannel channel, OffsetDateTime due,
            boolean sent) {
        Delivery delivery = new Delivery();
        delivery.notificationId = notification.id;
        delivery.personId = notification.personId;
        delivery.channel = channel;
        delivery.dueAt = due;
        delivery.status = sent ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
        delivery.sentAt = sent ? clock.now() : null;
        delivery.deliveredTo = List.of();
        return delivery;
    }

    /** When SMS and push may go: at once, or at the end of the person's quiet hours if {@code at} falls in them. */
    OffsetDateTime holdUntil(OffsetDateTime at, QuietHoursSetting setting) {
        if (setting == null || setting.quietFrom == null || setting.quietFrom.equals(setting.quietUntil)) {
            return at;
        }
        ZoneId zone = ZoneId.of(setting.timeZone == null ? config.timeZone() : setting.timeZone);
        return holdUntil(at, setting.quietFrom, setting.quietUntil, zone);
    }

    public static OffsetDateTime holdUntil(OffsetDateTime at, LocalTime from, LocalTime until, ZoneId zone) {
        ZonedDateTime local = at.atZoneSameInstant(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(until.truncatedTo(ChronoUnit.MINUTES)).atZone(zone);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime();
    }

    /** The live event of notifications that reach their inboxes now, sent to every replica on commit. */
    private Uni<Void> publish(List<Notification> written) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < written.size(); from += EVENT_BATCH) {
            InboxArrivals arrivals = InboxArrivals.of(written.subList(from, Math.min(written.size(), from + EVENT_BATCH)));
            chain = chain.chain(() -> events.publish(InboxArrivals.topic(), arrivals));
        }
        return chain;
    }

    private static Notification notification(Person person, Notice notice, OffsetDateTime at, String cause) {
        Notification notification = new Notification();
        notification.personId = person.id;
        notification.kind = notice.kind();
        notification.title = notice.title().in(person.locale);
        notification.body = notice.body().in(person.locale);
        notification.link = notice.link();
        notification.deliverAt = at;
        notification.cause = cause;
        return notification;
    }
}
