package io.dayuan.notifications;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a delivery stands: PENDING (due or waiting for its time), SENT, PARKED (kept failing; an admin "
        + "may retry it), WITHDRAWN (its cause was cancelled) or SKIPPED (no phone number or device to send to)")
public enum DeliveryStatus {
    PENDING,
    SENT,
    PARKED,
    WITHDRAWN,
    SKIPPED
}
