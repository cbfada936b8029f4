package io.dayuan.platform.outbox;

import java.time.Duration;

/**
 * When a row that failed is tried again: {@code initial} after the first failure, doubling with each further one,
 * never more than {@code max}; after {@code maxAttempts} failures it is parked.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

    /** The wait after a failure, given how many failures came before it. */
    public Duration after(int failuresBefore) {
        Duration delay = initial.multipliedBy(1L << Math.min(failuresBefore, 30));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a row is parked by a failure, given how many failures came before it. */
    public boolean parks(int failuresBefore) {
        return failuresBefore + 1 >= maxAttempts;
    }
}
