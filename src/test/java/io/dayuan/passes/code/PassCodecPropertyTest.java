package io.dayuan.passes.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.dayuan.passes.PassKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The pass code format for arbitrary payloads: it reads back exactly, and no damaged code is ever accepted. */
class PassCodecPropertyTest {

    private static final KeyPair KEYS = PassCodec.keyPairFromSeed(new byte[32]);
    private static final long UINT32_MAX = 0xffffffffL;

    /** Every payload the format can carry: times in whole seconds within 32 bits, generation from 1. */
    @Provide
    Arbitrary<PassCode> codes() {
        Arbitrary<UUID> ids = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
        Arbitrary<long[]> windows = Arbitraries.longs().between(0, UINT32_MAX).tuple2()
                .map(t -> new long[] { Math.min(t.get1(), t.get2()), Math.max(t.get1(), t.get2()) });
        Arbitrary<List<Long>> tags = Arbitraries.longs().list().ofMinSize(1).ofMaxSize(PassCodec.MAX_SITES);
        Arbitrary<String> kids = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(PassCodec.MAX_KID_BYTES);
        return Combinators.combine(Arbitraries.of(PassKind.class), Arbitraries.of(true, false), ids,
                Arbitraries.longs().between(1, UINT32_MAX), windows, tags, kids)
                .as((kind, admitOnce, id, generation, window, siteTags, kid) -> new PassCode(PassCodec.VERSION, kind,
                        admitOnce, id, generation, Instant.ofEpochSecond(window[0]), Instant.ofEpochSecond(window[1]),
                        siteTags, kid));
    }

    @Property(tries = 300)
    void aCodeReadsBackAsItWasSigned(@ForAll("codes") PassCode code) throws InvalidCodeException {
        PassCodec.Decoded decoded = PassCodec.decode(PassCodec.sign(code, KEYS.getPrivate()));
        assertThat(decoded.code()).isEqualTo(code);
        assertThat(PassCodec.verify(decoded, KEYS.getPublic())).isTrue();
    }

    @Property(tries = 300)
    void anyChangedByteMakesTheCodeInvalid(@ForAll("codes") PassCode code, @ForAll @IntRange(max = 400) int at,
            @ForAll @IntRange(min = 1, max = 255) int change) {
        byte[] bytes = bytes(code);
        bytes[at % bytes.length] ^= (byte) change;
        assertThat(accepted(bytes)).as("byte %d changed by %d", at % bytes.length, change).isFalse();
    }

    @Property(tries = 200)
    void aTruncatedCodeIsInvalid(@ForAll("codes") PassCode code, @ForAll @IntRange(min = 1, max = 400) int cut) {
        byte[] bytes = bytes(code);
        assertThat(accepted(Arrays.copyOf(bytes, Math.max(0, bytes.length - cut)))).isFalse();
    }

    @Property(tries = 200)
    void anExtendedCodeIsInvalid(@ForAll("codes") PassCode code, @ForAll byte[] extra) {
        byte[] bytes = bytes(code);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + Math.max(1, extra.length));
        System.arraycopy(extra, 0, longer, bytes.length, extra.length);
        assertThat(accepted(longer)).isFalse();
    }

    @Property(tries = 200)
    void aChangedCharacterOfTheTextIsInvalid(@ForAll("codes") PassCode code, @ForAll @IntRange(max = 700) int at,
            @ForAll char replacement) {
        String text = PassCodec.sign(code, KEYS.getPrivate());
        int position = at % text.length();
        if (text.charAt(position) == replacement) {
            return;
        }
        String changed = text.substring(0, position) + replacement + text.substring(position + 1);
        assertThat(accepted(changed)).as("character %d changed to %s", position, replacement).isFalse();
    }

    private static byte[] bytes(PassCode code) {
        return Base45.decode(PassCodec.sign(code, KEYS.getPrivate()).substring(PassCodec.PREFIX.length()));
    }

    private static boolean accepted(byte[] bytes) {
        return accepted(PassCodec.PREFIX + Base45.encode(bytes));
    }

    private static boolean accepted(String text) {
        try {
            return PassCodec.verify(PassCodec.decode(text), KEYS.getPublic());
        } catch (InvalidCodeException invalid) {
            return false;
        }
    }
}
