package io.dayuan.notifications.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.dayuan.notifications.DevicePlatform;
import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.PushProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * A WireMock stand-in of a provider on a loopback port, a Vert.x client to reach it, and a clock tests move. A test
 * holds one per test method as {@code @RegisterExtension final StandIn standIn = new StandIn();}: it starts when
 * the test instance is made and stops after the test.
 */
final class StandIn implements AfterEachCallback {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A clock that stands still until a test moves it. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-02T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());
    final Vertx vertx = Vertx.vertx();
    final MovingClock clock = new MovingClock();

    StandIn() {
        server.start();
    }

    WebClient client() {
        return WebClient.create(vertx);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
        vertx.closeAndAwait();
    }

    /** The token endpoint hands out the tokens one after the other, each answered as {@code answer} words it. */
    void tokens(Supplier<MappingBuilder> endpoint, Function<String, String> answer, String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = i + 1 < tokens.length ? "token " + (i + 1) : state;
            server.stubFor(endpoint.get().inScenario("tokens").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(WireMock.okJson(answer.apply(tokens[i]))));
            state = next;
        }
    }

    /** An answer with a JSON content type, whatever the body. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The send fails, saying what the worker is to do next. */
    static void assertFails(Uni<Void> send, SendFailure.Kind kind) {
        assertThatThrownBy(() -> send.await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(kind));
    }

    static Message message(NotificationChannel channel, String address, PushProvider provider) {
        return new Message(UUID.fromString("00000000-0000-0000-0000-0000000000d1"),
                UUID.fromString("00000000-0000-0000-0000-0000000000a1"), channel, address,
                provider == null ? null : DevicePlatform.ANDROID, provider, "BOOKING_REMINDER", "会议提醒",
                "15分钟后在第一会议室开会", "dayuan://bookings/1");
    }
}
