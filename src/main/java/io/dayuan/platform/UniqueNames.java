package io.dayuan.platform;

import io.smallrye.mutiny.Uni;

/** Names unique within their parent (a site's canteens and gates, a canteen's dishes), checked before writing. */
public final class UniqueNames {

    private UniqueNames() {
    }

    /** CONFLICT with the message when others have the name (their count is above 0). */
    public static Uni<Void> require(Uni<Long> othersNamed, String conflict) {
        return othersNamed.invoke(others -> {
            if (others > 0) {
                throw ApiException.conflict(conflict);
            }
        }).replaceWithVoid();
    }
}
