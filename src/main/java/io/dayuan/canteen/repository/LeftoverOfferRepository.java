package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.LeftoverOffer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeftoverOfferRepository implements PanacheRepositoryBase<LeftoverOffer, UUID> {

    /**
     * Takes portions of an offer if that many are left and it is still open at {@code now}, in one statement (claims
     * at once are counted one after the other); 1 when taken, 0 when not.
     */
    public Uni<Integer> take(UUID offerId, int portions, OffsetDateTime now) {
        return update("claimed = claimed + ?1 where id = ?2 and claimed + ?1 <= portions and availableUntil > ?3",
                portions, offerId, now);
    }

    /** Reads the offer again (after {@link #take} changed its row). */
    public Uni<Void> refresh(LeftoverOffer offer) {
        return getSession().chain(session -> session.refresh(offer));
    }

    /** The canteen's offers still open at {@code now}, closing soonest first. */
    public Uni<List<LeftoverOffer>> openAt(UUID canteenId, OffsetDateTime now) {
        return list("from LeftoverOffer o where o.canteenId = ?1 and o.availableUntil > ?2 and o.claimed < o.portions "
                + "order by o.availableUntil", canteenId, now);
    }

    /** (portions offered, portions claimed) at the canteen from..to; nulls without offers. */
    public Uni<Object[]> totals(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select sum(o.portions), sum(o.claimed) from LeftoverOffer o "
                + "where o.canteenId = ?1 and o.date between ?2 and ?3", canteenId, from, to).map(rows -> rows.get(0));
    }
}
