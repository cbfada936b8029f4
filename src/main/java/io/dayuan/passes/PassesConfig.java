package io.dayuan.passes;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The keys that sign and verify pass codes, and the windows of passes, codes and scans. */
@ConfigMapping(prefix = "dayuan.passes")
public interface PassesConfig {

    /** Ed25519 private key (base64 of 32 bytes or PKCS#8); prod does not start without it. */
    Optional<String> signingKey();

    /** The key id codes carry. */
    @WithDefault("k1")
    String signingKeyId();

    /** Earlier keys codes may still be signed with, {@code kid:base64,...}. */
    Optional<String> verificationKeys();

    /** How long a code of {@code myPass} is valid from the request. */
    @WithDefault("PT2M")
    Duration personalCodeValidity();

    /** How long a personal pass made on first request is valid. */
    @WithDefault("P3650D")
    Duration personalPassValidity();

    /** How far a scanner's clock may be off a code's window. */
    @WithDefault("PT60S")
    Duration clockTolerance();
}
