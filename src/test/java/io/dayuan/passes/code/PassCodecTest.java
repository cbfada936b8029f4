package io.dayuan.passes.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.decoder.Mode;

import io.dayuan.passes.PassKind;
import io.dayuan.passes.service.QrCodes;
import io.quarkus.runtime.LaunchMode;

class PassCodecTest {

    private static PassCode code(int sites, String kid) {
        List<Long> tags = IntStream.range(0, sites).mapToObj(i -> SiteTags.tag(UUID.randomUUID())).toList();
        Instant now = Instant.now();
        return new PassCode(1, PassKind.VEHICLE, true, UUID.randomUUID(), 4_000_000_000L, now, now.plusSeconds(86400 * 365),
                tags, kid);
    }

    @Test
    void generationZeroAndAReversedWindowAreInvalid() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PassCode good = code(1, "k1");
        PassCode zero = new PassCode(1, good.kind(), false, good.passId(), 0, good.validFrom(), good.validUntil(),
                good.siteTags(), "k1");
        PassCode reversed = new PassCode(1, good.kind(), false, good.passId(), 1, good.validUntil(), good.validFrom(),
                good.siteTags(), "k1");
        assertThatThrownBy(() -> PassCodec.decode(PassCodec.sign(zero, keys.getPrivate())))
                .isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> PassCodec.decode(PassCodec.sign(reversed, keys.getPrivate())))
                .isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void base45FollowsRfc9285() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodeReadsBackAndItsSignatureHolds() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PassCode code = code(3, "k2026");
        String text = PassCodec.sign(code, keys.getPrivate());
        PassCodec.Decoded decoded = PassCodec.decode(text);
        assertThat(decoded.code()).isEqualTo(new PassCode(1, code.kind(), true, code.passId(), code.generation(),
                Instant.ofEpochSecond(code.validFrom().getEpochSecond()),
                Instant.ofEpochSecond(code.validUntil().getEpochSecond()), code.siteTags(), "k2026"));
        assertThat(PassCodec.verify(decoded, keys.getPublic())).isTrue();
        assertThat(PassCodec.verify(decoded, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()))
                .isFalse();
    }

    @Test
    void everySingleChangedByteIsCaught() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] bytes = Base45.decode(PassCodec.sign(code(2, "k1"), keys.getPrivate()).substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= (byte) 0x40;
            boolean valid;
            try {
                valid = PassCodec.verify(PassCodec.decode("DY:" + Base45.encode(changed)), keys.getPublic());
            } catch (InvalidCodeException e) {
                valid = false;
            }
            assertThat(valid).as("byte %d changed", i).isFalse();
        }
    }

    @Test
    void theLargestCodeFitsQrVersion10AtLevelM() {
        KeyPair keys = PassCodec.keyPairFromSeed(new byte[32]);
        String largest = PassCodec.sign(code(PassCodec.MAX_SITES, "k".repeat(PassCodec.MAX_KID_BYTES)),
                keys.getPrivate());
        var qr = QrCodes.encode(largest);
        assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(qr.getVersion().getVersionNumber()).isLessThanOrEqualTo(10);
        assertThat(largest.length()).isLessThanOrEqualTo(311);
        // a typical pass with several sites is smaller still
        assertThat(QrCodes.encode(PassCodec.sign(code(4, "k1"), keys.getPrivate())).getVersion().getVersionNumber())
                .isLessThanOrEqualTo(8);
        assertThatThrownBy(() -> PassCodec.payload(code(PassCodec.MAX_SITES + 1, "k1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prodDoesNotStartWithoutASigningKey() {
        assertThatThrownBy(() -> PassKeys.load(Optional.empty(), "k1", Optional.empty(), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dayuan.passes.signing-key");
        assertThatThrownBy(() -> PassKeys.load(Optional.of(" "), "k1", Optional.empty(), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
        // dev and test make a throw-away key
        assertThat(PassKeys.load(Optional.empty(), "k1", Optional.empty(), LaunchMode.TEST).verificationKeys())
                .containsOnlyKeys("k1");
    }

    @Test
    void keysRotate() throws Exception {
        byte[] oldSeed = new byte[32];
        byte[] newSeed = new byte[32];
        newSeed[0] = 7;
        KeyPair old = PassCodec.keyPairFromSeed(oldSeed);
        String oldPublic = Base64.getEncoder().encodeToString(PassCodec.rawPublicKey(old.getPublic()));
        // the new key signs; the old one still verifies codes printed before the rotation
        PassKeys keys = PassKeys.load(Optional.of(Base64.getEncoder().encodeToString(newSeed)), "k2",
                Optional.of("k1:" + oldPublic), LaunchMode.NORMAL);
        assertThat(keys.signingKid()).isEqualTo("k2");
        assertThat(keys.verificationKeys()).containsOnlyKeys("k2", "k1");
        PassCodec.Decoded printedBefore = PassCodec.decode(PassCodec.sign(code(1, "k1"), old.getPrivate()));
        assertThat(PassCodec.verify(printedBefore, keys.verificationKeys().get("k1"))).isTrue();
        PassCodec.Decoded signedNow = PassCodec.decode(PassCodec.sign(code(1, "k2"), keys.signingKey()));
        assertThat(PassCodec.verify(signedNow, keys.verificationKeys().get("k2"))).isTrue();
        // PKCS#8 works too, and gives the same key
        byte[] pkcs8 = keys.signingKey().getEncoded();
        PassKeys fromPkcs8 = PassKeys.load(Optional.of(Base64.getEncoder().encodeToString(pkcs8)), "k2",
                Optional.empty(), LaunchMode.NORMAL);
        assertThat(fromPkcs8.verificationKeys().get("k2").getEncoded())
                .isEqualTo(keys.verificationKeys().get("k2").getEncoded());
        // a listed key that contradicts the signing key of its kid is refused
        assertThatThrownBy(() -> PassKeys.load(Optional.of(Base64.getEncoder().encodeToString(newSeed)), "k2",
                Optional.of("k2:" + oldPublic), LaunchMode.NORMAL)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageIsNotACode() {
        List<String> garbage = new ArrayList<>(List.of("", "hello", "DY:", "DY:0", "DY:%%%", "DY:" + Base45.encode(new byte[40])));
        for (String text : garbage) {
            assertThatThrownBy(() -> PassCodec.decode(text)).as(text).isInstanceOf(InvalidCodeException.class);
        }
    }
}
