package io.dayuan.passes.bench;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.dayuan.gates.Direction;
import io.dayuan.passes.AdmitState;
import io.dayuan.passes.PassKind;
import io.dayuan.passes.code.InvalidCodeException;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.PassCodec;
import io.dayuan.passes.code.SiteTags;
import io.dayuan.passes.service.ScanRules;
import io.dayuan.passes.service.ScanRules.Outcome;
import io.dayuan.passes.service.ScanRules.PassState;

/**
 * How fast a scan is decided, without the database: reading and verifying a code (base45, layout, Ed25519), and
 * the decision on a verified code. Run with {@code ./mvnw -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PassScanBenchmark {

    private String text;
    private PublicKey publicKey;
    private PassCode code;
    private UUID site;
    private PassState state;

    @Setup
    public void setUp() throws InvalidCodeException {
        KeyPair keys = PassCodec.keyPairFromSeed(new byte[32]);
        site = UUID.randomUUID();
        Instant now = Instant.now();
        text = PassCodec.sign(new PassCode(1, PassKind.PERSON, true, UUID.randomUUID(), 1, now.minusSeconds(60),
                now.plusSeconds(3600), List.of(SiteTags.tag(UUID.randomUUID()), SiteTags.tag(site),
                        SiteTags.tag(UUID.randomUUID())), "k1"), keys.getPrivate());
        publicKey = keys.getPublic();
        code = PassCodec.decode(text).code();
        state = new PassState(false, 1, AdmitState.UNUSED);
    }

    @Benchmark
    public boolean verifyCode() throws InvalidCodeException {
        return PassCodec.verify(PassCodec.decode(text), publicKey);
    }

    @Benchmark
    public Outcome decide() {
        return ScanRules.decide(code, state, site, Direction.IN, Instant.now(), Duration.ofSeconds(60));
    }

    @Benchmark
    public Outcome verifyAndDecide() throws InvalidCodeException {
        PassCodec.Decoded decoded = PassCodec.decode(text);
        if (!PassCodec.verify(decoded, publicKey)) {
            throw new IllegalStateException();
        }
        return ScanRules.decide(decoded.code(), state, site, Direction.IN, Instant.now(), Duration.ofSeconds(60));
    }
}
