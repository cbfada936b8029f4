package io.dayuan.visits.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitorMessage;
import io.dayuan.visits.VisitsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Text messages to visitors. Visitors have no account (no Person), so the Notifier cannot reach them: the messages
 * go into the visitor_message outbox, in the transaction of the change, for an SMS sender to deliver.
 */
@ApplicationScoped
public class VisitorMessages {

    @Inject
    VisitsConfig config;

    public String link(String token) {
        return config.visitorLinkBase() + token;
    }

    /** Queues a text in Simplified Chinese followed by English; call it inside the change's transaction. */
    public Uni<Void> send(Visit visit, String kind, LocalizedText text) {
        VisitorMessage message = new VisitorMessage();
        message.visitId = visit.id;
        message.phone = visit.visitorPhone;
        message.kind = kind;
        message.body = text.zh() + "\n" + text.en();
        return Panache.getSession().chain(session -> session.persist(message));
    }
}
