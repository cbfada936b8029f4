package io.dayuan.passes;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a pass admits now: ACTIVE, REVOKED, EXPIRED (its window is over) or USED (an admit-once pass "
        + "that has entered and left)")
public enum PassStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    USED
}
