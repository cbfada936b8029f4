package io.dayuan.notifications.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A provider's access token, obtained once for all concurrent sends and kept until shortly before it expires (a
 * tenth of its lifetime, at most five minutes, early), or until the provider calls it expired.
 */
final class AccessToken {

    /** What the provider's token endpoint answered. */
    record Issued(String value, Duration lifetime) {
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
    synchronized Uni<String> get() {
        if (value != null && clock.instant().isBefore(renewAt)) {
            return Uni.createFrom().item(value);
        }
        if (underWay == null) {
            underWay = obtain.get().map(this::keep).onTermination().invoke(this::settled).memoize().indefinitely();
        }
        return underWay;
    }

    /** Forgets the token the provider refused, so that the next {@link #get()} obtains a new one. */
    synchronized void refused(String token) {
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
