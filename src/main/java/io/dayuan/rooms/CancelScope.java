package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("Which occurrences of a recurring booking a cancellation takes")
public enum CancelScope {
    THIS,
    FOLLOWING,
    SERIES
}
