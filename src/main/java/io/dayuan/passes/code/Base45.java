package io.dayuan.passes.code;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR code's alphanumeric alphabet, so the QR code
 * stores the text in alphanumeric mode (5.5 bits per character) instead of byte mode (8 bits per character).
 */
public final class Base45 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private Base45() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length + 1) / 2 * 3);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xff) * 256 + (bytes[i + 1] & 0xff);
            text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (bytes.length % 2 == 1) {
            int n = bytes[bytes.length - 1] & 0xff;
            text.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return text.toString();
    }

    /** The bytes, or an IllegalArgumentException for text that is not base45. */
    public static byte[] decode(String text) {
        if (text.length() % 3 == 1) {
            throw new IllegalArgumentException("base45 text of a bad length");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
        for (int i = 0; i < text.length(); i += 3) {
            int c = digit(text.charAt(i)) + digit(text.charAt(i + 1)) * 45;
            if (i + 2 < text.length()) {
                int n = c + digit(text.charAt(i + 2)) * 2025;
                if (n > 0xffff) {
                    throw new IllegalArgumentException("base45 triple out of range");
                }
                bytes.write(n >> 8);
                bytes.write(n & 0xff);
            } else {
                if (c > 0xff) {
                    throw new IllegalArgumentException("base45 pair out of range");
                }
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static int digit(char c) {
        int digit = ALPHABET.indexOf(c);
        if (digit < 0) {
            throw new IllegalArgumentException("not a base45 character");
        }
        return digit;
    }
}
