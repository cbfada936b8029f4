package io.dayuan.passes.code;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;

/**
 * The keys of pass codes: one signing key (and its id, {@code kid}) and every key a code may be verified with
 * (the signing key's public key plus those of earlier or coming keys, for rotation).
 * <p>
 * Configuration: {@code dayuan.passes.signing-key} is the Ed25519 private key, base64 of its 32 raw bytes or of
 * its PKCS#8 encoding; {@code dayuan.passes.signing-key-id} its kid; {@code dayuan.passes.verification-keys}
 * {@code kid:publicKey,...} with each public key base64 of its 32 raw bytes or of its X.509 encoding. Without a
 * signing key a throw-away key is generated in dev and test only; in prod the service refuses to start.
 */
public final class PassKeys {

    private static final Logger LOG = Logger.getLogger(PassKeys.class);
    /** PKCS#8 header of an Ed25519 private key; the 32-byte key follows it. */
    private static final int PKCS8_LENGTH = 48;

    private final String signingKid;
    private final PrivateKey signingKey;
    private final Map<String, PublicKey> verificationKeys;

    private PassKeys(String signingKid, PrivateKey signingKey, Map<String, PublicKey> verificationKeys) {
        this.signingKid = signingKid;
        this.signingKey = signingKey;
        this.verificationKeys = Collections.unmodifiableMap(verificationKeys);
    }

    public static PassKeys load(Optional<String> signingKey, String signingKid, Optional<String> verificationKeys,
            LaunchMode mode) {
        if (signingKid == null || signingKid.isBlank() || signingKid.length() > PassCodec.MAX_KID_BYTES
                || !signingKid.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalStateException("dayuan.passes.signing-key-id must be 1 to 16 printable ASCII characters");
        }
        KeyPair pair;
        if (signingKey.isPresent() && !signingKey.get().isBlank()) {
            pair = PassCodec.keyPairFromSeed(seed(signingKey.get().strip()));
        } else if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("dayuan.passes.signing-key is not configured: passes cannot be signed. "
                    + "Configure an Ed25519 private key (DAYUAN_PASSES_SIGNING_KEY); none is generated in prod.");
        } else {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            pair = PassCodec.keyPairFromSeed(seed);
            LOG.warnf("No dayuan.passes.signing-key configured: pass codes are signed with a throw-away key (%s mode)",
                    mode);
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(signingKid, pair.getPublic());
        verificationKeys.filter(value -> !value.isBlank()).ifPresent(value -> {
            for (String entry : value.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("dayuan.passes.verification-keys must be kid:publicKey,...");
                }
                String kid = entry.substring(0, colon).strip();
                PublicKey key = PassCodec.publicKey(Base64.getDecoder().decode(entry.substring(colon + 1).strip()));
                PublicKey known = keys.putIfAbsent(kid, key);
                if (known != null && !Arrays.equals(known.getEncoded(), key.getEncoded())) {
                    throw new IllegalStateException("verification key " + kid
                            + " is not the public key of the signing key of the same kid");
                }
            }
        });
        return new PassKeys(signingKid, pair.getPrivate(), keys);
    }

    private static byte[] seed(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dayuan.passes.signing-key is not base64");
        }
        if (decoded.length == 32) {
            return decoded;
        }
        if (decoded.length == PKCS8_LENGTH) {
            return Arrays.copyOfRange(decoded, PKCS8_LENGTH - 32, PKCS8_LENGTH);
        }
        throw new IllegalStateException("dayuan.passes.signing-key must be an Ed25519 private key (32 bytes or PKCS#8)");
    }

    public String signingKid() {
        return signingKid;
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    /** By kid, the signing key's first. */
    public Map<String, PublicKey> verificationKeys() {
        return verificationKeys;
    }
}
