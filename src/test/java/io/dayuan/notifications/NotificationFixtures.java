package io.dayuan.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.GraphQL;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** People to notify, a way to run the Notifier in a transaction as features do, and waiting for the worker. */
@ApplicationScoped
public class NotificationFixtures {

    @Inject
    GraphQL graphQL;

    public record Someone(GraphQL.As as, UUID id, String phone) {
    }

    public Someone someone(String locale, String... roles) {
        String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        GraphQL.As as = graphQL.person("notify-" + UUID.randomUUID(), "通知测试", phone, locale, roles);
        UUID id = UUID.fromString(graphQL.call(as, "{ me { id } }").getString("data.me.id"));
        return new Someone(as, id, phone);
    }

    public static Notice notice(String kind, String marker) {
        return new Notice(kind, new LocalizedText("会议提醒 " + marker, "Meeting reminder " + marker),
                new LocalizedText("15分钟后开会 " + marker, "Meeting in 15 minutes " + marker), "dayuan://test/" + marker);
    }

    /** Runs the work in one transaction, as a feature's @WithTransaction service method does. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    public static void await(String what, Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + within + " for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
