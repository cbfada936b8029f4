package io.dayuan.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesFromInitialAndNeverExceedsMax() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRowIsParkedByTheFailureThatReachesMaxAttempts() {
        assertThat(backoff.parks(3)).isFalse();
        assertThat(backoff.parks(4)).isTrue();
    }
}
