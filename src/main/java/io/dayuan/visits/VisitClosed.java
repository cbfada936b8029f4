package io.dayuan.visits;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Fired (synchronously, as a CDI event) inside the transaction that ends a visit before its use: cancelled or
 * rejected (status says which). Expiry at the end of the window is done in bulk and fires nothing: a pass is
 * invalid after its window anyway. Observers add same-transaction work with {@link #andThen}.
 */
public record VisitClosed(UUID visitId, VisitStatus status, List<Supplier<Uni<?>>> followUps) {

    public VisitClosed(UUID visitId, VisitStatus status) {
        this(visitId, status, new ArrayList<>());
    }

    public void andThen(Supplier<Uni<?>> work) {
        followUps.add(work);
    }
}
