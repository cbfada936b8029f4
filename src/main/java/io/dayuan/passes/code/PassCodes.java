package io.dayuan.passes.code;

import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import io.dayuan.passes.Pass;
import io.dayuan.passes.PassesConfig;
import io.dayuan.passes.code.PassCodec.Decoded;
import io.dayuan.platform.Clock;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Signs and verifies pass codes with the configured keys. Loaded at start, so that a prod service without a
 * signing key does not start at all.
 */
@ApplicationScoped
@Startup
public class PassCodes {

    @Inject
    PassesConfig config;

    @Inject
    Clock clock;

    private PassKeys keys;
    private Map<String, Ed25519.PublicPoint> verifiers;

    @PostConstruct
    void load() {
        keys = PassKeys.load(config.signingKey(), config.signingKeyId(), config.verificationKeys(),
                LaunchMode.current());
        Map<String, Ed25519.PublicPoint> decoded = new HashMap<>();
        keys.verificationKeys().forEach((kid, key) -> decoded.put(kid, Objects.requireNonNull(PassCodec.verifier(key),
                () -> "verification key " + kid + " is not an Ed25519 public key")));
        verifiers = Map.copyOf(decoded);
        // a probe: the keys work together (and Ed25519 is warm before the first scan)
        PassCode probe = new PassCode(PassCodec.VERSION, io.dayuan.passes.PassKind.PERSON, false,
                java.util.UUID.randomUUID(), 1, clock.instant(), clock.instant().plusSeconds(1),
                java.util.List.of(SiteTags.tag(java.util.UUID.randomUUID())), keys.signingKid());
        try {
            verify(sign(probe));
        } catch (InvalidCodeException e) {
            throw new IllegalStateException("the pass signing key does not verify with its public key", e);
        }
    }

    public PassKeys keys() {
        return keys;
    }

    /** What a code carries as its window, in whole seconds. */
    public record CodeWindow(Instant from, Instant until) {
    }

    /**
     * The window of the pass's code made now, or null for a revoked pass (it has no code). A personal pass gets a
     * window of a short time from now (a screenshot soon scans EXPIRED); printed passes their whole window.
     */
    public CodeWindow codeWindow(Pass pass, Instant now) {
        if (pass.revokedAt != null) {
            return null;
        }
        Instant from = pass.validFrom.toInstant().truncatedTo(ChronoUnit.SECONDS);
        Instant until = pass.validUntil.toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (pass.isPersonal()) {
            Instant start = now.truncatedTo(ChronoUnit.SECONDS);
            start = start.isAfter(from) ? start : from;
            Instant end = start.plus(config.personalCodeValidity());
            from = start;
            until = end.isBefore(until) ? end : until;
        }
        return new CodeWindow(from, until);
    }

    /** The text to put in the pass's QR code now, or null for a revoked pass; its window is {@link #codeWindow}. */
    public String codeFor(Pass pass, Instant now) {
        CodeWindow window = codeWindow(pass, now);
        if (window == null) {
            return null;
        }
        return sign(new PassCode(PassCodec.VERSION, pass.kind, pass.admitOnce, pass.id, pass.generation,
                window.from(), window.until(), pass.siteIds.stream().map(SiteTags::tag).toList(),
                keys.signingKid()));
    }

    public String sign(PassCode code) {
        return PassCodec.sign(code, keys.signingKey());
    }

    /** The code's fields when its signature holds under a known key, else an InvalidCodeException. */
    public PassCode verify(String text) throws InvalidCodeException {
        Decoded decoded = PassCodec.decode(text);
        Ed25519.PublicPoint key = verifiers.get(decoded.code().kid());
        if (key == null) {
            throw new InvalidCodeException("unknown key " + decoded.code().kid());
        }
        if (!PassCodec.verify(decoded, key)) {
            throw new InvalidCodeException("bad signature");
        }
        return decoded.code();
    }

    public Map<String, PublicKey> verificationKeys() {
        return keys.verificationKeys();
    }

}
