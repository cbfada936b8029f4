package io.dayuan.notifications.service;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Delivery;
import io.dayuan.notifications.DeliveryStatus;
import io.dayuan.notifications.Device;
import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.Notification;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.NotificationPreference;
import io.dayuan.notifications.NotificationSettings;
import io.dayuan.notifications.NotificationSettings.KindChannels;
import io.dayuan.notifications.NotificationSettings.QuietHours;
import io.dayuan.notifications.NotificationsConfig;
import io.dayuan.notifications.PushProvider;
import io.dayuan.notifications.QuietHoursSetting;
import io.dayuan.notifications.repository.DeliveryRepository;
import io.dayuan.notifications.repository.DeviceRepository;
import io.dayuan.notifications.repository.NotificationRepository;
import io.dayuan.notifications.repository.PreferenceRepository;
import io.dayuan.notifications.repository.QuietHoursRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The inbox, devices, settings and parked deliveries, as the API serves them. */
@ApplicationScoped
public class NotificationService {

    @Inject
    Clock clock;

    public static final int MAX_IDS = 100;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    NotificationRepository notifications;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DeviceRepository devices;

    @Inject
    PreferenceRepository preferences;

    @Inject
    QuietHoursRepository quietHours;

    @Inject
    NotificationsConfig config;

    // ---------------------------------------------------------------- inbox

    public Uni<Page<Notification>> inbox(UUID personId, boolean unreadOnly, int first, Cursor after) {
        return notifications.inbox(personId, unreadOnly, after, first + 1)
                .map(found -> Page.of(found, first, last -> new Cursor(last.deliverAt, last.id)));
    }

    /** Marks the person's notifications read; any id not in their inbox is NOT_FOUND and nothing is marked. */
    @WithTransaction
    public Uni<List<Notification>> markRead(UUID personId, List<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        return notifications.inInbox(personId, wanted).map(found -> {
            Set<UUID> foundIds = new java.util.HashSet<>();
            found.forEach(n -> foundIds.add(n.id));
            UUID missing = wanted.stream().filter(id -> !foundIds.contains(id)).findFirst().orElse(null);
            if (missing != null) {
                throw ApiException.notFound("Notification", missing);
            }
            OffsetDateTime now = clock.now();
            found.stream().filter(n -> n.readAt == null).forEach(n -> n.readAt = now);
            List<Notification> inOrder = new ArrayList<>(found);
            inOrder.sort(Comparator.comparing((Notification n) -> n.deliverAt).thenComparing(n -> n.id).reversed());
            return inOrder;
        });
    }

    @WithTransaction
    public Uni<Integer> markAllRead(UUID personId) {
        OffsetDateTime now = clock.now();
        return notifications.markAllRead(personId, now);
    }

    // ---------------------------------------------------------------- devices

    /** Registers the phone for push; a token registered before (by anyone) now belongs to this person. */
    @WithTransaction
    public Uni<Device> registerDevice(UUID personId, String token, DevicePlatform platform, PushProvider provider) {
        String trimmed = token.strip();
        return devices.findByToken(trimmed).chain(found -> {
            Device device = found != null ? found : new Device();
            device.personId = personId;
            device.token = trimmed;
            device.platform = platform;
            device.provider = provider;
            return found != null ? Uni.createFrom().item(device) : devices.persist(device);
        });
    }

    @WithTransaction
    public Uni<Boolean> unregisterDevice(UUID personId, String token) {
        return devices.deleteOf(personId, token.strip()).map(deleted -> {
            if (deleted == 0) {
                throw ApiException.notFound("Device with token", "(given)");
            }
            return true;
        });
    }

    @WithSession
    public Uni<List<Device>> devicesOf(UUID personId) {
        return devices.ofPerson(personId);
    }

    // ---------------------------------------------------------------- settings

    @WithSession
    public Uni<NotificationSettings> settings(UUID personId) {
        return quietHours.findById(personId).chain(quiet -> preferences.ofPerson(personId)
                .map(chosen -> new NotificationSettings(quietHoursOf(quiet),
                        chosen.stream().map(p -> new KindChannels(p.kind, withInbox(p.channels.stream()
                                .map(NotificationChannel::valueOf).toList()))).toList(),
                        withInbox(config.defaultChannels()))));
    }

    private static QuietHours quietHoursOf(QuietHoursSetting setting) {
        if (setting == null || setting.quietFrom == null) {
            return null;
        }
        return new QuietHours(setting.quietFrom.format(HH_MM), setting.quietUntil.format(HH_MM), setting.timeZone);
    }

    private static List<NotificationChannel> withInbox(List<NotificationChannel> channels) {
        Set<NotificationChannel> all = new LinkedHashSet<>();
        all.add(NotificationChannel.IN_APP);
        all.addAll(channels);
        return List.copyOf(all);
    }

    /** Chooses the channels of one kind (the in-app inbox is always on). */
    @WithTransaction
    public Uni<Void> setChannels(UUID personId, String kind, List<NotificationChannel> channels) {
        List<String> names = withInbox(channels).stream().map(Enum::name).toList();
        return preferences.findById(new NotificationPreference.Key(personId, kind)).chain(found -> {
            if (found != null) {
                found.channels = names;
                return Uni.createFrom().voidItem();
            }
            NotificationPreference preference = new NotificationPreference();
            preference.personId = personId;
            preference.kind = kind;
            preference.channels = names;
            return preferences.persist(preference).replaceWithVoid();
        });
    }

    /** Sets quiet hours (both times), or clears them (neither); VALIDATION names a missing or malformed one. */
    @WithTransaction
    public Uni<Void> setQuietHours(UUID personId, String from, String until, String timeZone) {
        if (from == null && until == null) {
            return quietHours.deleteById(personId).replaceWithVoid();
        }
        LocalTime start = time("from", from);
        LocalTime end = time("until", until);
        if (start.equals(end)) {
            throw ApiException.validation("until", "until must differ from from");
        }
        String zone = zone(timeZone);
        return saveQuietHours(personId, start, end, zone);
    }

    private Uni<Void> saveQuietHours(UUID personId, LocalTime from, LocalTime until, String zone) {
        return quietHours.findById(personId).chain(found -> {
            QuietHoursSetting setting = found != null ? found : new QuietHoursSetting();
            setting.personId = personId;
            setting.quietFrom = from;
            setting.quietUntil = until;
            setting.timeZone = zone;
            return found != null ? Uni.createFrom().voidItem() : quietHours.persist(setting).replaceWithVoid();
        });
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw ApiException.validation(field, field + " is required with quiet hours (or leave both out)");
        }
        try {
            if (!value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", value, 0);
            }
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " must be a time HH:mm");
        }
    }

    private String zone(String timeZone) {
        if (timeZone == null) {
            return config.timeZone();
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation("timeZone", "timeZone must be an IANA time zone such as Asia/Shanghai");
        }
    }

    // ---------------------------------------------------------------- parked deliveries

    public Uni<Page<Delivery>> parked(int first, Cursor after) {
        return deliveries.withStatus(DeliveryStatus.PARKED, after, first + 1)
                .map(found -> Page.of(found, first, last -> new Cursor(last.createdAt, last.id)));
    }

    /** Puts a parked delivery back in the queue, due now, with its attempts counted afresh. */
    @WithTransaction
    public Uni<Delivery> retry(UUID id) {
        return deliveries.findById(id).map(delivery -> {
            if (delivery == null) {
                throw ApiException.notFound("Delivery", id);
            }
            if (delivery.status != DeliveryStatus.PARKED) {
                throw ApiException.conflict("Only a parked delivery can be retried; this one is " + delivery.status);
            }
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.dueAt = clock.now();
            delivery.claimId = null;
            delivery.claimedUntil = null;
            return delivery;
        });
    }
}
