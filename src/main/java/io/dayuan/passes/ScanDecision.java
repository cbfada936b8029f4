package io.dayuan.passes;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether the guard lets the holder through")
public enum ScanDecision {
    ALLOW,
    DENY
}
