package io.dayuan.passes.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import io.dayuan.passes.PassKind;

/**
 * Writes and reads pass codes (mobile-schema/PASS_CODE.md): a compact binary payload and its Ed25519 signature,
 * base45-encoded after the prefix {@code DY:}. No CDI: the benchmark and an offline verifier use it as it is.
 */
public final class PassCodec {

    public static final String PREFIX = "DY:";
    public static final int VERSION = 1;
    public static final int MAX_SITES = 8;
    public static final int MAX_KID_BYTES = 16;
    public static final int SIGNATURE_BYTES = 64;
    /** The DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int FLAG_ADMIT_ONCE = 0x01;

    private PassCodec() {
    }

    /** A code as read from its text: the fields, the signed bytes and the signature. */
    public record Decoded(PassCode code, byte[] signed, byte[] signature) {
    }

    /** The bytes that the signature covers. */
    public static byte[] payload(PassCode code) {
        byte[] kid = code.kid().getBytes(StandardCharsets.US_ASCII);
        if (kid.length == 0 || kid.length > MAX_KID_BYTES) {
            throw new IllegalArgumentException("kid must have 1 to " + MAX_KID_BYTES + " characters");
        }
        if (code.siteTags().isEmpty() || code.siteTags().size() > MAX_SITES) {
            throw new IllegalArgumentException("a code names 1 to " + MAX_SITES + " sites");
        }
        ByteBuffer buffer = ByteBuffer.allocate(32 + 8 * code.siteTags().size() + 1 + kid.length);
        buffer.put((byte) code.version());
        buffer.put((byte) (code.kind() == PassKind.PERSON ? 1 : 2));
        buffer.put((byte) (code.admitOnce() ? FLAG_ADMIT_ONCE : 0));
        buffer.putLong(code.passId().getMostSignificantBits()).putLong(code.passId().getLeastSignificantBits());
        buffer.putInt((int) uint32(code.generation()));
        buffer.putInt((int) uint32(code.validFrom().getEpochSecond()));
        buffer.putInt((int) uint32(code.validUntil().getEpochSecond()));
        buffer.put((byte) code.siteTags().size());
        code.siteTags().forEach(buffer::putLong);
        buffer.put((byte) kid.length).put(kid);
        return buffer.array();
    }

    public static String sign(PassCode code, PrivateKey key) {
        byte[] payload = payload(code);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(payload);
            byte[] signature = signer.sign();
            byte[] all = Arrays.copyOf(payload, payload.length + signature.length);
            System.arraycopy(signature, 0, all, payload.length, signature.length);
            return PREFIX + Base45.encode(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Reads a code's text; the signature is not checked yet ({@link #verify}). */
    public static Decoded decode(String text) throws InvalidCodeException {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new InvalidCodeException("not a Dayuan pass code");
        }
        byte[] all;
        try {
            all = Base45.decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(e.getMessage());
        }
        ByteBuffer buffer = ByteBuffer.wrap(all);
        try {
            int version = buffer.get() & 0xff;
            if (version != VERSION) {
                throw new InvalidCodeException("unknown code version " + version);
            }
            int kindByte = buffer.get() & 0xff;
            PassKind kind = switch (kindByte) {
                case 1 -> PassKind.PERSON;
                case 2 -> PassKind.VEHICLE;
                default -> throw new InvalidCodeException("unknown pass kind " + kindByte);
            };
            int flags = buffer.get() & 0xff;
            if ((flags & ~FLAG_ADMIT_ONCE) != 0) {
                throw new InvalidCodeException("unknown flags");
            }
            UUID passId = new UUID(buffer.getLong(), buffer.getLong());
            long generation = buffer.getInt() & 0xffffffffL;
            Instant validFrom = Instant.ofEpochSecond(buffer.getInt() & 0xffffffffL);
            Instant validUntil = Instant.ofEpochSecond(buffer.getInt() & 0xffffffffL);
            if (generation == 0 || validUntil.isBefore(validFrom)) {
                throw new InvalidCodeException("generation 0 or a window ending before it starts");
            }
            int sites = buffer.get() & 0xff;
            if (sites == 0 || sites > MAX_SITES) {
                throw new InvalidCodeException("bad site count");
            }
            List<Long> tags = new ArrayList<>(sites);
            for (int i = 0; i < sites; i++) {
                tags.add(buffer.getLong());
            }
            int kidLength = buffer.get() & 0xff;
            if (kidLength == 0 || kidLength > MAX_KID_BYTES) {
                throw new InvalidCodeException("bad kid length");
            }
            byte[] kid = new byte[kidLength];
            buffer.get(kid);
            int signedLength = buffer.position();
            if (buffer.remaining() != SIGNATURE_BYTES) {
                throw new InvalidCodeException("bad signature length");
            }
            byte[] signature = new byte[SIGNATURE_BYTES];
            buffer.get(signature);
            return new Decoded(new PassCode(version, kind, (flags & FLAG_ADMIT_ONCE) != 0, passId, generation,
                    validFrom, validUntil, List.copyOf(tags), new String(kid, StandardCharsets.US_ASCII)),
                    Arrays.copyOf(all, signedLength), signature);
        } catch (java.nio.BufferUnderflowException e) {
            throw new InvalidCodeException("code too short");
        }
    }

    public static boolean verify(Decoded decoded, PublicKey key) {
        Ed25519.PublicPoint point = verifier(key);
        return point != null && verify(decoded, point);
    }

    /**
     * Verifies with Bouncy Castle's Ed25519, several times faster than JDK 17's pure-Java one; the key is decoded
     * once ({@link #verifier}).
     */
    public static boolean verify(Decoded decoded, Ed25519.PublicPoint key) {
        return Ed25519.verify(decoded.signature(), 0, key, decoded.signed(), 0, decoded.signed().length);
    }

    /** A public key decoded for {@link #verify(Decoded, Ed25519.PublicPoint)}, or null if it is no curve point. */
    public static Ed25519.PublicPoint verifier(PublicKey key) {
        return Ed25519.validatePublicKeyPartialExport(rawPublicKey(key), 0);
    }

    /** The Ed25519 key pair of a 32-byte private key (seed): the JDK derives the public key as it generates. */
    public static KeyPair keyPairFromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from its raw 32 bytes, or from an X.509 SubjectPublicKeyInfo (44 bytes). */
    public static PublicKey publicKey(byte[] encoded) {
        byte[] x509 = encoded;
        if (encoded.length == 32) {
            x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(encoded, 0, x509, X509_PREFIX.length, 32);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The raw 32 bytes of a public key, as the verification kit gives it. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static long uint32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("value out of the uint32 range: " + value);
        }
        return value;
    }
}
