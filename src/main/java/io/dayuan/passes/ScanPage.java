package io.dayuan.passes;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Page;

@Description("A page of scans, newest first")
public record ScanPage(@NonNull List<@NonNull PassScan> scans,
        @Description("Pass as `after` for the next page; null on the last page") String next) {

    /** The GraphQL form of a page: no cursor after the last page. */
    public static ScanPage of(Page<PassScan> page) {
        return new ScanPage(page.items(), page.hasMore() ? page.endCursor() : null);
    }
}
