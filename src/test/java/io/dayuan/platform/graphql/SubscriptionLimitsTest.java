package io.dayuan.platform.graphql;

import static io.dayuan.GraphQLSocket.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Demo;
import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.dayuan.GraphQLSocket;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Subscriptions over a real WebSocket (graphql-transport-ws): who may open them, and how many at once. */
@QuarkusTest
class SubscriptionLimitsTest {

    private static final String GATE_EVENTS = "subscription { gateEvents(siteId: \"" + Demo.DEMO_SITE + "\") { kind } }";
    private static final String NOTIFICATIONS = "subscription { notifications { id } }";

    @Inject
    GraphQL graphQL;

    @Test
    void gateEventsRefuseStaffAndAnonymousCallersWithAnErrorMessage() throws Exception {
        try (GraphQLSocket staff = graphQL.open(graphQL.as("staff"))) {
            staff.subscribe("1", GATE_EVENTS);
            assertThat(code(staff.error("1"))).isEqualTo("FORBIDDEN");
        }
        try (GraphQLSocket anonymous = graphQL.open(graphQL.anonymous())) {
            anonymous.subscribe("1", GATE_EVENTS);
            assertThat(code(anonymous.error("1"))).isEqualTo("UNAUTHENTICATED");
            anonymous.subscribe("2", NOTIFICATIONS);
            assertThat(code(anonymous.error("2"))).isEqualTo("UNAUTHENTICATED");
        }
        try (GraphQLSocket guard = graphQL.open(graphQL.as("guard"))) {
            guard.subscribed("1", GATE_EVENTS);
        }
    }

    @Test
    void aConnectionHoldsAtMostTenSubscriptionsAtOnce() throws Exception {
        try (GraphQLSocket socket = graphQL.open(graphQL.as("staff"))) {
            for (int i = 1; i <= 10; i++) {
                socket.subscribed(Integer.toString(i), NOTIFICATIONS);
            }
            socket.subscribe("11", NOTIFICATIONS);
            JsonObject refused = socket.error("11");
            assertThat(code(refused)).isEqualTo("RATE_LIMITED");
            assertThat(refused.getString("message")).contains("10");
            // completing one makes room for another
            socket.complete("3");
            socket.subscribed("12", NOTIFICATIONS);
            socket.subscribe("13", NOTIFICATIONS);
            assertThat(code(socket.error("13"))).isEqualTo("RATE_LIMITED");
        }
    }

    @Test
    void aPersonHoldsAtMostTwentySubscriptionsOverAllTheirConnections() throws Exception {
        As person = graphQL.as("staff");
        List<GraphQLSocket> sockets = new ArrayList<>();
        try {
            for (int s = 0; s < 2; s++) {
                GraphQLSocket socket = graphQL.open(person);
                sockets.add(socket);
                for (int i = 1; i <= 10; i++) {
                    socket.subscribed(Integer.toString(i), NOTIFICATIONS);
                }
            }
            GraphQLSocket third = graphQL.open(person);
            sockets.add(third);
            third.subscribe("1", NOTIFICATIONS);
            assertThat(code(third.error("1"))).isEqualTo("RATE_LIMITED");
            // someone else is not affected
            try (GraphQLSocket other = graphQL.open(graphQL.as("staff"))) {
                other.subscribed("1", NOTIFICATIONS);
            }
            // a closed connection gives its subscriptions back
            sockets.get(0).close();
            Thread.sleep(500);
            third.subscribed("2", NOTIFICATIONS);
        } finally {
            sockets.forEach(GraphQLSocket::close);
        }
    }
}
