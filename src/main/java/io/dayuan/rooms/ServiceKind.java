package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("What a booking asks of the property company")
public enum ServiceKind {
    TEA_SERVICE,
    AV_SUPPORT,
    VIDEO_CONFERENCE_SETUP,
    CLEANING
}
