package io.dayuan.rooms;

import org.eclipse.microprofile.graphql.Description;

@Description("How often a recurring booking repeats")
public enum Frequency {
    DAILY,
    WEEKLY
}
