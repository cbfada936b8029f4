package io.dayuan.passes.code;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.dayuan.passes.PassKind;

/**
 * What a pass code says, before its signature: see mobile-schema/PASS_CODE.md for the byte layout.
 *
 * @param siteTags the first 8 bytes of SHA-256 over each site id's 16 bytes ({@link SiteTags})
 */
public record PassCode(int version, PassKind kind, boolean admitOnce, UUID passId, long generation,
        Instant validFrom, Instant validUntil, List<Long> siteTags, String kid) {

    public boolean coversSite(UUID siteId) {
        return siteTags.contains(SiteTags.tag(siteId));
    }
}
