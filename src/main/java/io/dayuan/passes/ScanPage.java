package io.dayuan.passes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of scans, newest first")
public record ScanPage(@NonNull List<@NonNull PassScan> scans,
        @Description("Pass as `after` for the next page; null on the last page") String next) {
}
