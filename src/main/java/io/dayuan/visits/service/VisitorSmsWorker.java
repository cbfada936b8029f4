package io.dayuan.visits.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.platform.Clock;
import io.dayuan.platform.outbox.Backoff;
import io.dayuan.platform.outbox.Mark;
import io.dayuan.platform.outbox.Outbox;
import io.dayuan.platform.outbox.OutboxTable;
import io.dayuan.visits.VisitsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Sends the visitor_message outbox ({@link Outbox}: claimed for a lease, marked sent only while the claim holds,
 * retried with exponential backoff, parked after {@code max-attempts} failures or at once when the gateway refuses
 * the message itself) by SMS through the notifications feature's senders (the SMS gateway, or the recording sender
 * in dev and tests). When no SMS sender is configured, messages stay pending.
 */
@ApplicationScoped
public class VisitorSmsWorker {

    private static final Logger LOG = Logger.getLogger(VisitorSmsWorker.class);

    private static final OutboxTable TABLE = OutboxTable.named("visitor_message").dueIn("next_attempt_at")
            .waiting("c.sent_at IS NULL AND c.parked_at IS NULL")
            .parking(now -> Mark.of().set("parked_at", now));

    @Inject
    Pool pool;

    @Inject
    Senders senders;

    @Inject
    VisitsConfig config;

    @Inject
    Clock clock;

    private Outbox outbox;

    @PostConstruct
    void outbox() {
        VisitsConfig.Sms sms = config.sms();
        outbox = new Outbox(pool, TABLE, new Backoff(sms.maxAttempts(), sms.backoff().initial(), sms.backoff().max()));
    }

    @Scheduled(identity = "visits-sms-worker", every = "${dayuan.visits.sms-worker-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return outbox.scheduled(sendDue());
    }

    /**
     * One pass: claims up to a batch of due unsent visitor messages and sends them. Returns how many were sent; 0
     * without claiming anything when no SMS sender is configured (the messages stay pending).
     */
    public Uni<Integer> sendDue() {
        if (!senders.available(NotificationChannel.SMS)) {
            return Uni.createFrom().item(0);
        }
        return outbox.claim(clock.now(), config.sms().lease(), config.sms().batchSize())
                .chain(claimed -> outbox.each(claimed, claim -> claim, 1, this::sendOne));
    }

    private Uni<Boolean> sendOne(Outbox.Claim message) {
        Row row = message.row();
        // The whole text (Simplified Chinese, then English) is the title: the SMS gateway sends title, then body.
        Message sms = new Message(message.id(), null, NotificationChannel.SMS, row.getString("phone"), null,
                row.getString("kind"), row.getString("body"), null, null);
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

    private Uni<Boolean> markSent(Outbox.Claim message) {
        return outbox.done(message, Mark.of().set("sent_at", clock.now()).sql("last_error = NULL"));
    }

    private Uni<Boolean> markFailed(Outbox.Claim message, SendFailure failure) {
        LOG.infof("Visitor message %s (%s) of visit %s failed: %s", message.id(), message.row().getString("kind"),
                message.row().getUUID("visit_id"), failure.getMessage());
        String error = failure.getMessage() == null ? failure.kind().name() : failure.getMessage();
        return outbox.failed(message, clock.now(), error.length() > 500 ? error.substring(0, 500) : error,
                failure.kind() != SendFailure.Kind.TRANSIENT, Mark.of(), null).replaceWith(false);
    }
}
