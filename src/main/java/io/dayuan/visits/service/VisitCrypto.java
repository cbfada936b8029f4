package io.dayuan.visits.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Randomness;
import io.dayuan.visits.VisitsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The keys of the visits feature: AES-GCM for face photos and device passwords ({@code dayuan.visits.face-key}),
 * HMAC-SHA256 for ID-card numbers ({@code dayuan.visits.id-hash-key}); both base64 of 32 bytes. In dev mode and
 * tests a missing key is generated for the JVM's life; in prod a missing key stops the start.
 */
@Singleton
public class VisitCrypto {

    /** What AES-GCM produced: a fresh 12-byte nonce and the ciphertext with its tag. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private static final Logger LOG = Logger.getLogger(VisitCrypto.class);

    private final SecretKeySpec aesKey;
    private final SecretKeySpec hmacKey;

    VisitCrypto(VisitsConfig config) {
        this.aesKey = new SecretKeySpec(key("dayuan.visits.face-key", config.faceKey()), "AES");
        this.hmacKey = new SecretKeySpec(key("dayuan.visits.id-hash-key", config.idHashKey()), "HmacSHA256");
    }

    /** Fails the start in prod when a key is missing: faces are never stored under a made-up key there. */
    void check(@Observes StartupEvent started, VisitsConfig config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        if (config.facesEnabled() && config.faceKey().filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("dayuan.visits.face-key (DAYUAN_VISITS_FACE_KEY) must be set when "
                    + "dayuan.visits.faces-enabled is true: base64 of 32 random bytes");
        }
        if (config.idHashKey().filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("dayuan.visits.id-hash-key (DAYUAN_VISITS_ID_HASH_KEY) must be set: "
                    + "base64 of 32 random bytes");
        }
    }

    private static byte[] key(String name, Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(name + " must be 32 bytes (base64 of 32 random bytes)");
            }
            return key;
        }
        byte[] generated = Randomness.bytes(32);
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            // check() stops the start before this key can be used; it exists only so that the bean can be built
            return generated;
        }
        LOG.debugf("%s not set: using a key generated for this %s run", name, LaunchMode.current());
        return generated;
    }

    public Sealed seal(byte[] plain, String associated) {
        try {
            byte[] nonce = Randomness.bytes(12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts and authenticates; the associated data binds the ciphertext to its row (e.g. the visit id). */
    public byte[] open(Sealed sealed, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, sealed.nonce()));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed (wrong key or tampered data)", e);
        }
    }

    /** The keyed hash of a (normalised) ID-card number, hex. */
    public String idCardHash(String idCardNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(idCardNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw ApiException.validation("visitorIdCard", "cannot hash the ID card number");
        }
    }
}
