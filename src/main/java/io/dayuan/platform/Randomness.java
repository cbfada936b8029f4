package io.dayuan.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable random values. There is deliberately no static {@code SecureRandom}: Quarkus initialises
 * application classes while building the native image, and a generator made then would be frozen into the image
 * with its seed. A new {@code SecureRandom} per call is cheap (the platform's NativePRNG reads the operating
 * system's entropy source, shared by every instance).
 */
public final class Randomness {

    private Randomness() {
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** {@code length} random bytes, base64url without padding. */
    public static String token(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }

    /** {@code length} characters drawn uniformly from {@code alphabet}. */
    public static String code(char[] alphabet, int length) {
        SecureRandom random = new SecureRandom();
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(code);
    }
}
