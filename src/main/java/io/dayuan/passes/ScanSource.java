package io.dayuan.passes;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a scan was decided: online by the server, or offline on the guard's phone and uploaded later")
public enum ScanSource {
    ONLINE,
    OFFLINE
}
