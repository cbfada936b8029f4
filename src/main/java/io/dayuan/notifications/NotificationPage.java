package io.dayuan.notifications;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Page;

@Description("A page of the inbox, newest first; pass endCursor as `after` for the next page")
public record NotificationPage(@NonNull List<@NonNull Notification> items,
        @Description("The cursor after the last item, null for an empty page") String endCursor,
        @NonNull @Description("Whether more items follow endCursor") Boolean hasMore) {

    /** The GraphQL form of a page. */
    public static NotificationPage of(Page<Notification> page) {
        return new NotificationPage(page.items(), page.endCursor(), page.hasMore());
    }
}
