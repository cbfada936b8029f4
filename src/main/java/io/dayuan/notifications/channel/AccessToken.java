package io.dayuan.notifications.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/**
 * A provider's access token, obtained once for all concurrent sends and kept until shortly before it expires (a
 * tenth of its lifetime, at most five minutes, early), or until the provider calls it expired.
 */
final class AccessToken {

    /** What the provider's token endpoint answered. */
    record Issued(String value, Duration lifetime) {

        /**
         * The token of an answer with {@code access_token} and {@code expires_in} (the default lifetime when left
         * out) that the provider's own check accepts; anything else is a failure worth retrying later.
         */
        static Issued read(String endpoint, HttpResponse<Buffer> response, Predicate<JsonObject> accepted,
                Duration defaultLifetime) {
            JsonObject answer = ProviderAnswer.json(response.bodyAsString());
            if (response.statusCode() != 200 || answer.getString("access_token") == null || !accepted.test(answer)) {
                throw SendFailure.transientFailure(endpoint + " answered HTTP " + response.statusCode() + ": "
                        + ProviderAnswer.shorten(response.bodyAsString()));
            }
            return new Issued(answer.getString("access_token"),
                    Duration.ofSeconds(answer.getLong("expires_in", defaultLifetime.toSeconds())));
        }
    }

    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final Supplier<Uni<Issued>> obtain;
    private final Clock clock;

    private String value;
    private Instant renewAt = Instant.MIN;
    private Uni<String> underWay;

    AccessToken(Supplier<Uni<Issued>> obtain, Clock clock) {
        this.obtain = obtain;
        this.clock = clock;
    }

    /** The cached token, or the one being obtained now (a single request however many sends wait for it). */
    private synchronized Uni<String> get() {
        if (value != null && clock.instant().isBefore(renewAt)) {
            return Uni.createFrom().item(value);
        }
        if (underWay == null) {
            underWay = obtain.get().map(this::keep).onTermination().invoke(this::settled).memoize().indefinitely();
        }
        return underWay;
    }

    /**
     * Makes the call with the token; when the provider's answer says the token is expired or invalid, renews it once
     * and makes the call again (a second refusal of a fresh token is not the token's age: that answer is kept).
     */
    <T> Uni<T> call(Function<String, Uni<T>> call, Predicate<T> refusesToken) {
        return get().chain(first -> call.apply(first).chain(answer -> {
            if (!refusesToken.test(answer)) {
                return Uni.createFrom().item(answer);
            }
            refused(first);
            return get().chain(second -> call.apply(second));
        }));
    }

    /** Forgets the token the provider refused, so that the next call obtains a new one. */
    private synchronized void refused(String token) {
        if (token.equals(value)) {
            renewAt = Instant.MIN;
        }
    }

    private synchronized String keep(Issued issued) {
        Duration margin = issued.lifetime().dividedBy(10);
        value = issued.value();
        renewAt = clock.instant().plus(issued.lifetime()).minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
        return value;
    }

    private synchronized void settled() {
        underWay = null;
    }
}
