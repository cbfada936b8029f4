package io.dayuan.passes.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.dayuan.gates.Direction;
import io.dayuan.passes.AdmitState;
import io.dayuan.passes.ScanDecision;
import io.dayuan.passes.ScanReason;
import io.dayuan.passes.code.PassCode;

/**
 * The decision on a scan of a verified code, as a pure function (the same on the server and, documented in
 * PASS_CODE.md, on a guard's phone). Checked in this order: REVOKED, NOT_YET_VALID / EXPIRED (with the clock
 * tolerance), WRONG_SITE, then for admit-once passes ALREADY_INSIDE / NOT_INSIDE (and EXPIRED once used up).
 */
public final class ScanRules {

    private ScanRules() {
    }

    /** What the server knows of the pass: revoked or not, its current generation, its admit-once state. */
    public record PassState(boolean revoked, long generation, AdmitState admitState) {
    }

    public record Outcome(ScanDecision decision, ScanReason reason) {

        static final Outcome ALLOW = new Outcome(ScanDecision.ALLOW, ScanReason.OK);

        static Outcome deny(ScanReason reason) {
            return new Outcome(ScanDecision.DENY, reason);
        }
    }

    public static Outcome decide(PassCode code, PassState pass, UUID gateSiteId, Direction direction, Instant now,
            Duration tolerance) {
        if (pass.revoked() || code.generation() < pass.generation()) {
            return Outcome.deny(ScanReason.REVOKED);
        }
        if (now.isBefore(code.validFrom().minus(tolerance))) {
            return Outcome.deny(ScanReason.NOT_YET_VALID);
        }
        // a visitor inside when the window closes must still be able to leave
        boolean leaving = pass.admitState() == AdmitState.INSIDE && direction == Direction.OUT;
        if (!leaving && now.isAfter(code.validUntil().plus(tolerance))) {
            return Outcome.deny(ScanReason.EXPIRED);
        }
        if (!code.coversSite(gateSiteId)) {
            return Outcome.deny(ScanReason.WRONG_SITE);
        }
        if (pass.admitState() != null) {
            switch (pass.admitState()) {
                case USED:
                    return Outcome.deny(ScanReason.EXPIRED);
                case INSIDE:
                    return direction == Direction.IN ? Outcome.deny(ScanReason.ALREADY_INSIDE) : Outcome.ALLOW;
                case UNUSED:
                    return direction == Direction.OUT ? Outcome.deny(ScanReason.NOT_INSIDE) : Outcome.ALLOW;
            }
        }
        return Outcome.ALLOW;
    }

    /** The admit-once state after an allowed passage. */
    public static AdmitState after(AdmitState state, Direction direction) {
        if (state == null) {
            return null;
        }
        return direction == Direction.IN ? AdmitState.INSIDE : AdmitState.USED;
    }
}
