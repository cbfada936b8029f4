package io.dayuan.passes.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.dayuan.gates.Direction;
import io.dayuan.passes.AdmitState;
import io.dayuan.passes.PassKind;
import io.dayuan.passes.ScanDecision;
import io.dayuan.passes.ScanReason;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.SiteTags;
import io.dayuan.passes.service.ScanRules.Outcome;
import io.dayuan.passes.service.ScanRules.PassState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The invariants of a scan decision, for arbitrary codes, pass states, gates, times and directions. */
class ScanRulesPropertyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final UUID HOME = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID ELSEWHERE = UUID.fromString("00000000-0000-0000-0000-00000000a002");

    /** A scan: the code, what the server knows of its pass, the gate's site, the direction, the time, tolerance. */
    record Scan(PassCode code, PassState pass, UUID site, Direction direction, Instant now, Duration tolerance) {

        Outcome decide() {
            return ScanRules.decide(code, pass, site, direction, now, tolerance);
        }

        boolean beforeWindow() {
            return now.isBefore(code.validFrom().minus(tolerance));
        }

        boolean afterWindow() {
            return now.isAfter(code.validUntil().plus(tolerance));
        }
    }

    @Provide
    Arbitrary<Scan> scans() {
        Arbitrary<Long> offsets = Arbitraries.longs().between(-7200, 7200);
        Arbitrary<PassCode> codes = Combinators.combine(offsets, Arbitraries.longs().between(0, 7200),
                Arbitraries.longs().between(1, 5), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((from, length, generation, home, elsewhere) -> new PassCode(1, PassKind.PERSON, false,
                        UUID.randomUUID(), generation, NOW.plusSeconds(from), NOW.plusSeconds(from + length),
                        sites(home, elsewhere), "k1"));
        Arbitrary<PassState> passes = Combinators.combine(Arbitraries.of(true, false), Arbitraries.longs().between(1, 5),
                Arbitraries.of(AdmitState.class).injectNull(0.4)).as(PassState::new);
        return Combinators.combine(codes, passes, Arbitraries.of(HOME, ELSEWHERE), Arbitraries.of(Direction.class),
                offsets.map(NOW::plusSeconds), Arbitraries.integers().between(0, 120).map(Duration::ofSeconds))
                .as(Scan::new);
    }

    private static List<Long> sites(boolean home, boolean elsewhere) {
        UUID other = UUID.fromString("00000000-0000-0000-0000-00000000a003");
        return Stream.of(home ? HOME : other, elsewhere ? ELSEWHERE : other).distinct()
                .map(SiteTags::tag).toList();
    }

    @Property
    void aRevokedOrReissuedPassNeverEnters(@ForAll("scans") Scan scan) {
        if (scan.pass().revoked() || scan.code().generation() < scan.pass().generation()) {
            assertThat(scan.decide()).isEqualTo(new Outcome(ScanDecision.DENY, ScanReason.REVOKED));
        }
    }

    @Property
    void nothingIsAllowedBeforeTheWindow(@ForAll("scans") Scan scan) {
        if (scan.beforeWindow()) {
            assertThat(scan.decide().decision()).isEqualTo(ScanDecision.DENY);
        }
    }

    @Property
    void afterTheWindowOnlySomeoneInsideMayLeave(@ForAll("scans") Scan scan) {
        boolean leaving = scan.pass().admitState() == AdmitState.INSIDE && scan.direction() == Direction.OUT;
        if (scan.afterWindow() && !leaving) {
            assertThat(scan.decide().decision()).isEqualTo(ScanDecision.DENY);
        }
    }

    @Property
    void aGateOfASiteTheCodeDoesNotNameNeverOpens(@ForAll("scans") Scan scan) {
        if (!scan.code().coversSite(scan.site())) {
            assertThat(scan.decide().decision()).isEqualTo(ScanDecision.DENY);
        }
    }

    @Property
    void aUsedUpPassNeverOpens(@ForAll("scans") Scan scan) {
        if (scan.pass().admitState() == AdmitState.USED) {
            assertThat(scan.decide().decision()).isEqualTo(ScanDecision.DENY);
        }
    }

    @Property
    void aValidPermanentPassAlwaysOpens(@ForAll("scans") Scan scan) {
        boolean valid = !scan.pass().revoked() && scan.code().generation() >= scan.pass().generation()
                && !scan.beforeWindow() && !scan.afterWindow() && scan.code().coversSite(scan.site());
        if (valid && scan.pass().admitState() == null) {
            assertThat(scan.decide()).isEqualTo(new Outcome(ScanDecision.ALLOW, ScanReason.OK));
        }
    }

    @Property
    void aDenialAlwaysSaysWhyAndAnAllowanceNever(@ForAll("scans") Scan scan) {
        Outcome outcome = scan.decide();
        assertThat(outcome.reason() == ScanReason.OK).isEqualTo(outcome.decision() == ScanDecision.ALLOW);
    }

    /** Whatever the guards scan, in whatever order, an admit-once pass lets its holder in at most once. */
    @Property
    void anAdmitOncePassAdmitsOnce(@ForAll("scans") Scan first, @ForAll @Size(max = 12) List<Direction> directions,
            @ForAll @IntRange(min = 0, max = 7200) int later) {
        AdmitState state = AdmitState.UNUSED;
        int entries = 0;
        for (Direction direction : directions) {
            PassState pass = new PassState(false, first.code().generation(), state);
            Scan scan = new Scan(first.code(), pass, first.site(), direction, first.now().plusSeconds(later),
                    first.tolerance());
            if (scan.decide().decision() == ScanDecision.ALLOW) {
                entries += direction == Direction.IN ? 1 : 0;
                state = ScanRules.after(state, direction);
            }
        }
        assertThat(entries).isLessThanOrEqualTo(1);
    }
}
