package io.dayuan.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.Message;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.channel.Senders;
import io.dayuan.visits.VisitFixtures;
import io.dayuan.visits.VisitFixtures.Staff;
import io.dayuan.visits.VisitTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;

/** The visitor SMS worker sends the visitor_message outbox through the notifications SMS sender (recording here). */
@QuarkusTest
class VisitorSmsWorkerTest extends VisitTestBase {

    private static final String APPROVE = "mutation($id: ID!) { approveVisit(id: $id) { id status } }";

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

    /** A visit requested of a new host, whose visitor's phone gets the texts, once the outbox is drained. */
    private record Request(Staff host, UUID visit, String phone) {
    }

    private Request requestedAndDrained() {
        Staff host = fixtures.staff();
        UUID visit = requested(host);
        String phone = visitorPhone(visit);
        drain();
        return new Request(host, visit, phone);
    }

    private JsonPath approve(Request request) {
        return graphQL.call(request.host().as(), APPROVE, Map.of("id", request.visit().toString()));
    }

    /** Approves a requested visit while texts to its visitor's phone fail so; the phone works again afterwards. */
    private void whileTextsFail(SendFailure.Kind failure, Consumer<Request> approvedThen) {
        Request request = requestedAndDrained();
        senders.recording().failFor(request.phone(), failure);
        try {
            approve(request);
            approvedThen.accept(request);
        } finally {
            senders.recording().succeedFor(request.phone());
        }
    }

    private Row approvedMessage(UUID visit) {
        return database.rows("SELECT id, phone, body, sent_at, attempts, next_attempt_at > now() + interval '20 seconds' "
                + "AS backed_off, last_error, parked_at, claimed_until FROM visitor_message "
                + "WHERE visit_id = $1 AND kind = 'VISIT_APPROVED'", visit).get(0);
    }

    @Test
    void anApprovalIsTextedToTheVisitorOnce() {
        Request request = requestedAndDrained();
        assertThat(sentOfKind(request.phone(), "VISIT_APPROVED")).isEmpty();

        assertThat(approve(request)
                .getString("data.approveVisit.status")).isEqualTo("APPROVED");
        assertThat(approvedMessage(request.visit()).getValue("sent_at")).isNull();
        drain();

        List<Message> sent = sentOfKind(request.phone(), "VISIT_APPROVED");
        assertThat(sent).hasSize(1);
        Message sms = sent.get(0);
        assertThat(sms.channel()).isEqualTo(NotificationChannel.SMS);
        assertThat(sms.address()).isEqualTo(request.phone());
        assertThat(sms.title()).startsWith("您于 ").contains("的来访申请已获批准。")
                .contains("\nYour visit ").endsWith(" is approved.");
        Row row = approvedMessage(request.visit());
        assertThat(sms.deliveryId()).isEqualTo(row.getUUID("id"));
        assertThat(row.getValue("sent_at")).isNotNull();
        assertThat(row.getInteger("attempts")).isZero();

        // a second run (and one more with the message made due again) sends nothing twice
        assertThat(worker.sendDue().await().indefinitely()).isZero();
        database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 minute' WHERE id = $1",
                row.getUUID("id"));
        worker.sendDue().await().indefinitely();
        assertThat(sentOfKind(request.phone(), "VISIT_APPROVED")).hasSize(1);
        // every text of the visit went out (the request's acknowledgement too)
        assertThat(database.count("SELECT count(*) FROM visitor_message WHERE visit_id = $1 AND sent_at IS NULL",
                request.visit())).isZero();
    }

    @Test
    void aMessageClaimedByAnotherPassIsLeftAlone() {
        Request request = requestedAndDrained();
        approve(request);
        UUID message = approvedMessage(request.visit()).getUUID("id");
        database.execute("UPDATE visitor_message SET claim_id = gen_random_uuid(), "
                + "claimed_until = now() + interval '5 minutes' WHERE id = $1", message);
        drain();
        assertThat(sentOfKind(request.phone(), "VISIT_APPROVED")).isEmpty();
        // the lease runs out: any pass takes it again
        database.execute("UPDATE visitor_message SET claimed_until = now() - interval '1 second' WHERE id = $1",
                message);
        drain();
        assertThat(sentOfKind(request.phone(), "VISIT_APPROVED")).hasSize(1);
        assertThat(approvedMessage(request.visit()).getValue("sent_at")).isNotNull();
    }

    @Test
    void aFailingSendIsRetriedWithBackoffThenParked() {
        whileTextsFail(SendFailure.Kind.TRANSIENT, request -> {
            UUID message = approvedMessage(request.visit()).getUUID("id");
            drain();
            Row first = approvedMessage(request.visit());
            assertThat(first.getInteger("attempts")).isEqualTo(1);
            assertThat(first.getBoolean("backed_off")).isTrue();
            assertThat(first.getString("last_error")).isEqualTo("recorded failure for this address");
            assertThat(first.getValue("sent_at")).isNull();
            assertThat(first.getValue("parked_at")).isNull();
            assertThat(first.getValue("claimed_until")).isNull();

            // not due yet: a pass right away leaves it alone
            drain();
            assertThat(approvedMessage(request.visit()).getInteger("attempts")).isEqualTo(1);

            for (int attempt = 2; attempt <= 5; attempt++) {
                database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 second' "
                        + "WHERE id = $1", message);
                drain();
                assertThat(approvedMessage(request.visit()).getInteger("attempts")).isEqualTo(attempt);
            }
            Row parked = approvedMessage(request.visit());
            assertThat(parked.getValue("parked_at")).isNotNull();
            assertThat(parked.getValue("sent_at")).isNull();

            // parked means parked: even once the phone works again, it is not retried
            senders.recording().succeedFor(request.phone());
            database.execute("UPDATE visitor_message SET next_attempt_at = now() - interval '1 second' WHERE id = $1",
                    message);
            drain();
            assertThat(approvedMessage(request.visit()).getInteger("attempts")).isEqualTo(5);
            assertThat(sentOfKind(request.phone(), "VISIT_APPROVED")).isEmpty();
        });
    }

    @Test
    void aRefusedMessageIsParkedAtOnce() {
        whileTextsFail(SendFailure.Kind.PERMANENT, request -> {
            drain();
            Row row = approvedMessage(request.visit());
            assertThat(row.getInteger("attempts")).isEqualTo(1);
            assertThat(row.getValue("parked_at")).isNotNull();
            assertThat(row.getValue("sent_at")).isNull();
        });
    }
}
