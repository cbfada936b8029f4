package io.dayuan.deploy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The keys a prod start refuses to go without — the pass-signing key, the face-data key and the ID-card hash key —
 * made fresh for the packaged application under test, as a deployment passes them in from a Secret.
 */
public class ApplicationKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Base64.Encoder base64 = Base64.getEncoder();
            byte[] signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
            return Map.of(
                    "dayuan.passes.signing-key", base64.encodeToString(signing),
                    "dayuan.visits.face-key", base64.encodeToString(random32()),
                    "dayuan.visits.id-hash-key", base64.encodeToString(random32()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void stop() {
        // nothing runs: the keys die with the application under test
    }
}
