package io.dayuan.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;

/** The visitor SMS worker sends the visitor_message outbox through the notifications SMS sender (recording here). */
@QuarkusTest
class VisitorSmsWorkerTest {

    private static final String APPROVE = "mutation($id: ID!) { approveVisit(id: $id) { id status } }";

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @Inject
    VisitFixtures fixtures;

    @Inject
    Senders senders;

    @Inject
    VisitorSmsWorker worker;

    /** A requested (not yet approved) visit of a new host; returns its id. */
    private UUID requested(Staff host) {
        graphQL.call(host.as(), "{ me { id } }");
        Map<String, Object> input = fixtures.invitation(fixtures.site());
        input.put("hostPhone", host.phone());
        String id = fixtures.request(VisitFixtures.address(), input).getString("data.requestVisit.id");
        assertThat(id).isNotNull();
        return UUID.fromString(id);
    }

    private String visitorPhone(UUID visit) {
        return database.rows("SELECT visitor_phone FROM visit WHERE id = $1", visit).get(0).getString("visitor_phone");
    }

    /** Runs passes until one sends nothing (other tests leave pending messages in the shared database). */
    private void drain() {
        while (worker.sendDue().await().indefinitely() > 0) {
            // next batch
        }
    }

    private List<Message> sentOfKind(String phone, String kind) {
        return senders.recording().sentTo(phone).stream().filter(m -> kind.equals(m.kind())).toList();
    }

    private Row approvedMessage(UUID visit) {
        return database.rows("SELECT id, phone, body, sent_at, attempts, next_attempt_at > now() + interval '20 seconds' "
                + "AS backed_off, last_error, parked_at, claimed_until FROM visitor_message "
                + "WHERE visit_id = $1 AND kind = 'VISIT_APPROVED'", visit).get(0);
    }

    @Test
    void anApprovalIsTextedToTheVisitorOnce() {
        Staff host = fixtures.staff();
        UUID visit = requested(host);
        String phone = visitorPhone(visit);
        drain();
        assertThat(sentOfKind(phone, "VISIT_APPROVED")).isEmpty();

        assertThat(graphQL.call(host.as(), APPROVE, Map.of("id", visit.toString()))
                .getString("data.approveVisit.status")).isEqualTo("APPROVED");
        assertThat(approvedMessage(visit).getValue("sent_at")).isNull();
        drain();

        List<Message> sent = sentOfKind(phone, "VISIT_APPROVED");
        assertThat(sent).hasSize(1);
        Message sms = sent.get(0);
        assertThat(sms.channel()).isEqualTo(NotificationChannel.SMS);
        assertThat(sms.address()).isEqualTo(phone);
        assertThat(sms.title()).startsWith("您于 ").contains("的来访申请已获批准。")
                .contains("\nYour visit ").endsWith(" is approved.");
        Row row = approvedMessage(visit);
        assertThat(sms.deliveryId()).isEqualTo(row.getUUID("id"));
        assertThat(row.getValue("sent_at")).isNotNull();
        assertThat(row.getInteger("attempts")).isZero();

        // a second run (and one more with the message made due again) sends nothing twice
        assertThat(worker.sendDue().await().indefinitely()).isZero();
        database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 minute' WHERE id = $1",
                row.getUUID("id"));
        worker.sendDue().await().indefinitely();
        assertThat(sentOfKind(phone, "VISIT_APPROVED")).hasSize(1);
        // every text of the visit went out (the request's acknowledgement too)
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND sent_at IS NULL",
                visit)).isZero();
    }

    @Test
    void aMessageClaimedByAnotherPassIsLeftAlone() {
        Staff host = fixtures.staff();
        UUID visit = requested(host);
        String phone = visitorPhone(visit);
        drain();
        graphQL.call(host.as(), APPROVE, Map.of("id", visit.toString()));
        UUID message = approvedMessage(visit).getUUID("id");
        database.execute("UPDATE visitor_message SET claim_id = gen_random_uuid(), "
                + "claimed_until = now() + interval '5 minutes' WHERE id = $1", message);
        drain();
        assertThat(sentOfKind(phone, "VISIT_APPROVED")).isEmpty();
        // the lease runs out: any pass takes it again
        database.execute("UPDATE visitor_message SET claimed_until = now() - interval '1 second' WHERE id = $1",
                message);
        drain();
        assertThat(sentOfKind(phone, "VISIT_APPROVED")).hasSize(1);
        assertThat(approvedMessage(visit).getValue("sent_at")).isNotNull();
    }

    @Test
    void aFailingSendIsRetriedWithBackoffThenParked() {
        Staff host = fixtures.staff();
        UUID visit = requested(host);
        String phone = visitorPhone(visit);
        drain();
        senders.recording().failFor(phone, SendFailure.Kind.TRANSIENT);
        try {
            graphQL.call(host.as(), APPROVE, Map.of("id", visit.toString()));
            UUID message = approvedMessage(visit).getUUID("id");
            drain();
            Row first = approvedMessage(visit);
            assertThat(first.getInteger("attempts")).isEqualTo(1);
            assertThat(first.getBoolean("backed_off")).isTrue();
            assertThat(first.getString("last_error")).isEqualTo("recorded failure for this address");
            assertThat(first.getValue("sent_at")).isNull();
            assertThat(first.getValue("parked_at")).isNull();
            assertThat(first.getValue("claimed_until")).isNull();

            // not due yet: a pass right away leaves it alone
            drain();
            assertThat(approvedMessage(visit).getInteger("attempts")).isEqualTo(1);

            for (int attempt = 2; attempt <= 5; attempt++) {
                database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 second' "
                        + "WHERE id = $1", message);
                drain();
                assertThat(approvedMessage(visit).getInteger("attempts")).isEqualTo(attempt);
            }
            Row parked = approvedMessage(visit);
            assertThat(parked.getValue("parked_at")).isNotNull();
            assertThat(parked.getValue("sent_at")).isNull();

            // parked means parked: even once the phone works again, it is not retried
            senders.recording().succeedFor(phone);
            database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 second' WHERE id = $1",
                    message);
            drain();
            assertThat(approvedMessage(visit).getInteger("attempts")).isEqualTo(5);
            assertThat(sentOfKind(phone, "VISIT_APPROVED")).isEmpty();
        } finally {
            senders.recording().succeedFor(phone);
        }
    }

    @Test
    void aRefusedMessageIsParkedAtOnce() {
        Staff host = fixtures.staff();
        UUID visit = requested(host);
        String phone = visitorPhone(visit);
        drain();
        senders.recording().failFor(phone, SendFailure.Kind.PERMANENT);
        try {
            graphQL.call(host.as(), APPROVE, Map.of("id", visit.toString()));
            drain();
            Row row = approvedMessage(visit);
            assertThat(row.getInteger("attempts")).isEqualTo(1);
            assertThat(row.getValue("parked_at")).isNotNull();
            assertThat(row.getValue("sent_at")).isNull();
        } finally {
            senders.recording().succeedFor(phone);
        }
    }
}
