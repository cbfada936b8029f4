package io.dayuan.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class EventsTest {

    private static final Topic<JsonObject> TEST = new Topic<>("test-topic", json -> json, json -> json);
    private static final Topic<JsonObject> OTHER = new Topic<>("other-topic", json -> json, json -> json);

    @Inject
    Events events;

    @Test
    void anEventPublishedInATransactionReachesSubscribersOfItsTopicOnlyAfterCommit() throws Throwable {
        AssertSubscriber<JsonObject> subscriber = events.on(TEST).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<JsonObject> other = events.on(OTHER).subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> events.publish(TEST, new JsonObject().put("n", 1))));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> events.publish(TEST, new JsonObject().put("n", 2))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))
                .onFailure().recoverWithNull());

        subscriber.awaitItems(1, Duration.ofSeconds(5));
        assertThat(subscriber.getItems()).extracting(event -> event.getInteger("n")).isEqualTo(List.of(1));
        assertThat(other.getItems()).isEmpty();
    }
}
