package io.dayuan.passes;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a scan was allowed or denied")
public enum ScanReason {
    OK,
    INVALID,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED,
    WRONG_SITE,
    ALREADY_INSIDE,
    NOT_INSIDE
}
