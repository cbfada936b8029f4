package io.dayuan.passes;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What an upload of offline scans changed")
public record OfflineUpload(@Description("Scans received") @NonNull int received,
        @Description("Scans recorded now") @NonNull int recorded,
        @Description("Scans already recorded by an earlier upload, left unchanged") @NonNull int duplicates,
        @Description("Scans flagged: an admit-once pass admitted more than once")
        @NonNull @Id List<@NonNull UUID> flaggedScanIds) {
}
