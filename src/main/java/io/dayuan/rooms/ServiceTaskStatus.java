package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a service task stands")
public enum ServiceTaskStatus {
    OPEN,
    DONE,
    CANCELLED
}
