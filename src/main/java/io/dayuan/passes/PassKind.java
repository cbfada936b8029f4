package io.dayuan.passes;

import org.eclipse.microprofile.graphql.Description;

@Description("What a pass admits")
public enum PassKind {
    PERSON,
    VEHICLE
}
