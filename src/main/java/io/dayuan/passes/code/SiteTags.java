package io.dayuan.passes.code;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A site in a pass code: the first 8 bytes of SHA-256 over the site id's 16 bytes. Hashing makes the tag
 * uniform however the ids were made (fixed ids such as 00000000-...-a001 share their first bytes), and 64 bits
 * keep a clash between the few sites of one office out of reach; the server checks the full ids online.
 */
public final class SiteTags {

    private SiteTags() {
    }

    public static long tag(UUID siteId) {
        try {
            byte[] id = ByteBuffer.allocate(16).putLong(siteId.getMostSignificantBits())
                    .putLong(siteId.getLeastSignificantBits()).array();
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(id)).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
