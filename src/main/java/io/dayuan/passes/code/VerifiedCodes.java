package io.dayuan.passes.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.BoundedCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Scanned codes, verified off the event loop and once per text: a printed code is scanned at every passage, and
 * whether its signature holds depends on its text and the configured keys only. A bounded cache keeps the codes that
 * verified, least recently scanned out first. What can change after printing (revocation, reissue, admit-once
 * state) is not in the cache: each scan reads it from the pass row.
 */
@ApplicationScoped
public class VerifiedCodes {

    static final int CAPACITY = 8192;

    @Inject
    PassCodes codes;

    @Inject
    Vertx vertx;

    private final BoundedCache<String, PassCode> verified = new BoundedCache<>(CAPACITY);

    /** The code's fields when its signature holds under a known key, else null; answered on the caller's context. */
    public Uni<PassCode> verify(String text) {
        PassCode known = verified.get(text);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> verifiedOrNull(text)), false)
                .invoke(code -> {
                    if (code != null) {
                        verified.put(text, code);
                    }
                });
    }

    private PassCode verifiedOrNull(String text) {
        try {
            // as PASS_CODE.md says: the exact text, whitespace is not stripped (a space is a base45 digit)
            return codes.verify(text);
        } catch (InvalidCodeException e) {
            return null;
        }
    }
}
