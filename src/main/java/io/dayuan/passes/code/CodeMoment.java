package io.dayuan.passes.code;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.Clock;

/**
 * The moment a request makes its pass codes, in whole seconds as codes carry it: {@code code},
 * {@code codeValidFrom} and {@code codeValidUntil} are resolved apart and must describe the same code.
 */
@RequestScoped
public class CodeMoment {

    @Inject
    Clock clock;

    private Instant now;

    public synchronized Instant now() {
        if (now == null) {
            now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        return now;
    }
}
