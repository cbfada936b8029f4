package io.dayuan.rooms.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.dayuan.platform.Randomness;

/** Unguessable secrets (door codes, calendar feed tokens) and their hashes. */
final class Tokens {

    private Tokens() {
    }

    static String random(int bytes) {
        return Randomness.token(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
