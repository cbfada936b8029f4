package io.dayuan.visits.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.dayuan.platform.Randomness;

/** Unguessable tokens and their hashes: only the hash of a token is ever stored. */
public final class Secrets {

    private Secrets() {
    }

    /** 32 random bytes, base64url without padding. */
    public static String newToken() {
        return Randomness.token(32);
    }

    /** SHA-256 of the token, base64url: what is stored and looked up. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in time independent of where the values differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
