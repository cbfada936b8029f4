package io.dayuan.passes;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What the guard does with a scanned code, and why")
public record ScanResult(@NonNull ScanDecision decision, @NonNull ScanReason reason,
        @Description("The pass the code belongs to; null when the code is not a valid pass code") ScannedPass pass,
        @Description("The recorded scan") @NonNull @Id UUID scanId) {

    @Description("The pass behind a scanned code, as the guard sees it (never its code)")
    public record ScannedPass(@NonNull @Id UUID id, @NonNull String holderName, @NonNull PassKind kind,
            String plate, @NonNull boolean admitOnce) {
    }
}
