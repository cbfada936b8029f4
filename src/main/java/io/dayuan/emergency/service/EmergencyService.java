package io.dayuan.emergency.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.jboss.logging.Logger;

import io.dayuan.emergency.EmergencyBroadcast;
import io.dayuan.emergency.EmergencyBroadcast.GroupStatus;
import io.dayuan.emergency.EmergencyConfig;
import io.dayuan.emergency.repository.EmergencyBroadcastRepository;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Emergency broadcasts: the message goes at once to every person whose home site is the site, on every channel that
 * reaches them (quiet hours and channel preferences do not hold it back), and to the DingTalk emergency group
 * through its robot. Each is logged with its sender; a site gets at most {@code dayuan.emergency.limit} of them in
 * any {@code window}, counted under a lock on the site so that two at once cannot both slip through.
 */
@ApplicationScoped
public class EmergencyService {

    @Inject
    Clock clock;

    public static final String KIND = "EMERGENCY";
    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 2000;
    private static final Logger LOG = Logger.getLogger(EmergencyService.class);

    @Input("EmergencyInput")
    @RegisterForReflection
    @Description("An emergency message to a site")
    public record EmergencyInput(@NonNull @Id String siteId,
            @NonNull @Description("1 to 100 characters") String title,
            @NonNull @Description("1 to 2000 characters") String body) {
    }

    record Checked(UUID siteId, String title, String body) {
    }

    record GroupOutcome(GroupStatus status, String error) {
    }

    @Inject
    EmergencyBroadcastRepository broadcasts;

    @Inject
    SiteRepository sites;

    @Inject
    PersonRepository people;

    @Inject
    Notifier notifier;

    @Inject
    Senders senders;

    @Inject
    EmergencyConfig config;

    /** Sends the broadcast (VALIDATION, NOT_FOUND for the site, RATE_LIMITED) and answers its log entry. */
    public Uni<EmergencyBroadcast> broadcast(UUID senderId, EmergencyInput input) {
        Checked checked = check(input);
        return record(senderId, checked).chain(this::toGroup);
    }

    public Uni<List<EmergencyBroadcast>> latest(UUID siteId, int first) {
        return broadcasts.latest(siteId, first);
    }

    private static Checked check(EmergencyInput input) {
        UUID siteId = Ids.parse("siteId", input.siteId());
        return new Checked(siteId, text("title", input.title(), MAX_TITLE), text("body", input.body(), MAX_BODY));
    }

    private static String text(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max || text.indexOf('\0') >= 0) {
            throw ApiException.validation(field, field + " must be 1 to " + max + " characters (no NUL)");
        }
        return text;
    }

    @WithTransaction
    Uni<EmergencyBroadcast> record(UUID senderId, Checked checked) {
        OffsetDateTime now = clock.now();
        return sites.findById(checked.siteId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Site", checked.siteId()))
                .chain(site -> broadcasts.sentSince(checked.siteId(), now.minus(config.window())))
                .invoke(this::withinLimit)
                .chain(() -> people.list(null, checked.siteId()))
                .chain(recipients -> notifier.notifyUrgently(recipients,
                        EmergencyTexts.broadcast(checked.title(), checked.body()))
                        .chain(() -> broadcasts.persist(entry(senderId, checked, recipients, now))));
    }

    private void withinLimit(long sentInWindow) {
        if (sentInWindow >= config.limit()) {
            throw ApiException.rateLimited("This site got " + sentInWindow + " emergency broadcasts in the last "
                    + config.window().toMinutes() + " minutes, the most allowed; try again later");
        }
    }

    private EmergencyBroadcast entry(UUID senderId, Checked checked, List<Person> recipients, OffsetDateTime now) {
        EmergencyBroadcast entry = new EmergencyBroadcast();
        entry.siteId = checked.siteId();
        entry.sentBy = senderId;
        entry.title = checked.title();
        entry.body = checked.body();
        entry.recipients = recipients.size();
        entry.groupStatus = senders.groupAvailable() ? GroupStatus.PENDING : GroupStatus.NOT_CONFIGURED;
        entry.sentAt = now;
        return entry;
    }

    /** The message to the DingTalk group, after commit; a throttled or unreachable robot is tried twice more. */
    private Uni<EmergencyBroadcast> toGroup(EmergencyBroadcast entry) {
        if (entry.groupStatus == GroupStatus.NOT_CONFIGURED) {
            return Uni.createFrom().item(entry);
        }
        Message message = new Message(entry.id, entry.id, NotificationChannel.DINGTALK, Senders.GROUP, null, KIND,
                entry.title, entry.body, null);
        return senders.sendToGroup(message)
                .onFailure(EmergencyService::worthRetrying).retry().withBackOff(Duration.ofMillis(500)).atMost(2)
                .map(sent -> new GroupOutcome(GroupStatus.SENT, null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("The emergency broadcast %s did not reach the DingTalk group: %s", entry.id,
                            failure.getMessage());
                    return new GroupOutcome(GroupStatus.FAILED, failure.getMessage());
                })
                .chain(outcome -> recordGroupOutcome(entry, outcome))
                .replaceWith(entry);
    }

    @WithTransaction
    Uni<Void> recordGroupOutcome(EmergencyBroadcast entry, GroupOutcome outcome) {
        return broadcasts.markGroup(entry.id, outcome.status(), outcome.error()).invoke(() -> {
            entry.groupStatus = outcome.status();
            entry.groupError = outcome.error();
        }).replaceWithVoid();
    }

    private static boolean worthRetrying(Throwable failure) {
        return failure instanceof SendFailure send && send.kind() == SendFailure.Kind.TRANSIENT;
    }
}
