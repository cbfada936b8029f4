package io.dayuan.visits.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the visitor_message outbox by SMS through the notifications feature's senders (the SMS gateway, or the
 * recording sender in dev and tests). Each pass claims due unsent messages ({@code FOR UPDATE SKIP LOCKED}, with a
 * lease so a crashed replica's claim runs out), sends each, and marks it sent only while it still holds the claim.
 * A failed send is retried with exponential backoff; after {@code max-attempts} failures (or at once when the
 * gateway refuses the message itself) it is parked. When no SMS sender is configured, messages stay pending.
 */
@ApplicationScoped
public class VisitorSmsWorker {

    private static final Logger LOG = Logger.getLogger(VisitorSmsWorker.class);

    /** A claimed message. */
    record Claimed(UUID id, UUID claimId, UUID visitId, String phone, String kind, String body) {
    }

    private static final String CLAIM = """
            UPDATE visitor_message m SET claim_id = $1, claimed_until = now() + make_interval(secs => $2)
            WHERE m.id IN (SELECT c.id FROM visitor_message c
                           WHERE c.sent_at IS NULL AND c.parked_at IS NULL AND c.next_attempt_at <= now()
                             AND (c.claimed_until IS NULL OR c.claimed_until < now())
                           ORDER BY c.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING m.id, m.visit_id, m.phone, m.kind, m.body""";

    private static final String MARK_SENT = """
            UPDATE visitor_message SET sent_at = now(), last_error = NULL, claim_id = NULL, claimed_until = NULL
            WHERE id = $1 AND claim_id = $2""";

    private static final String MARK_FAILED = """
            UPDATE visitor_message SET attempts = attempts + 1, last_error = $3, claim_id = NULL, claimed_until = NULL,
                parked_at = CASE WHEN $4 OR attempts + 1 >= $5 THEN now() END,
                next_attempt_at = CASE WHEN $4 OR attempts + 1 >= $5 THEN next_attempt_at
                                       ELSE now() + make_interval(secs => least($6 * power(2, attempts), $7)) END
            WHERE id = $1 AND claim_id = $2""";

    @Inject
    Pool pool;

    @Inject
    Senders senders;

    @Inject
    @ConfigProperty(name = "dayuan.visits.sms.batch-size", defaultValue = "50")
    int batchSize;

    @Inject
    @ConfigProperty(name = "dayuan.visits.sms.lease", defaultValue = "PT5M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "dayuan.visits.sms.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "dayuan.visits.sms.backoff.initial", defaultValue = "PT30S")
    Duration backoffInitial;

    @Inject
    @ConfigProperty(name = "dayuan.visits.sms.backoff.max", defaultValue = "PT1H")
    Duration backoffMax;

    @Scheduled(identity = "visits-sms-worker", every = "${dayuan.visits.sms-worker-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sendDue().replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warn("A visitor SMS pass failed; the next pass tries again", failure);
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * One pass: claims up to a batch of due unsent visitor messages and sends them. Returns how many were sent; 0
     * without claiming anything when no SMS sender is configured (the messages stay pending).
     */
    public Uni<Integer> sendDue() {
        if (!senders.available(NotificationChannel.SMS)) {
            return Uni.createFrom().item(0);
        }
        UUID claimId = UUID.randomUUID();
        return pool.preparedQuery(CLAIM).execute(Tuple.of(claimId, lease.toMillis() / 1000.0, batchSize))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Claimed(row.getUUID("id"), claimId, row.getUUID("visit_id"),
                                row.getString("phone"), row.getString("kind"), row.getString("body")));
                    }
                    return claimed;
                })
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(message -> sendOne(message)
                                .onFailure().recoverWithUni(failure -> {
                                    LOG.warnf(failure, "Visitor message %s could not be marked; its lease will end",
                                            message.id());
                                    return Uni.createFrom().item(false);
                                }))
                        .collect().asList()
                        .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> sendOne(Claimed message) {
        // The whole text (Simplified Chinese, then English) is the title: the SMS gateway sends title, then body.
        Message sms = new Message(message.id(), null, NotificationChannel.SMS, message.phone(), null, message.kind(),
                message.body(), null, null);
        Uni<Void> sending;
        try {
            sending = senders.send(sms);
        } catch (RuntimeException e) {
            sending = Uni.createFrom().failure(e);
        }
        return sending.map(ok -> (SendFailure) null)
                .onFailure().recoverWithItem(failure -> failure instanceof SendFailure known ? known
                        : SendFailure.transientFailure(String.valueOf(failure.getMessage())))
                .chain(failure -> failure == null ? markSent(message) : markFailed(message, failure));
    }

    private Uni<Boolean> markSent(Claimed message) {
        return pool.preparedQuery(MARK_SENT).execute(Tuple.of(message.id(), message.claimId()))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Boolean> markFailed(Claimed message, SendFailure failure) {
        LOG.infof("Visitor message %s (%s) of visit %s failed: %s", message.id(), message.kind(), message.visitId(),
                failure.getMessage());
        String error = failure.getMessage() == null ? failure.kind().name() : failure.getMessage();
        return pool.preparedQuery(MARK_FAILED).execute(Tuple.tuple(List.of(message.id(), message.claimId(),
                error.length() > 500 ? error.substring(0, 500) : error, failure.kind() != SendFailure.Kind.TRANSIENT,
                maxAttempts, backoffInitial.toMillis() / 1000.0, backoffMax.toMillis() / 1000.0)))
                .replaceWith(false);
    }
}
