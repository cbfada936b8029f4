package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.LeftoverOffer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeftoverOfferRepository implements PanacheRepositoryBase<LeftoverOffer, UUID> {

    /** (portions offered, portions claimed) at the canteen from..to; nulls without offers. */
    public Uni<Object[]> totals(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select sum(o.portions), sum(o.claimed) from LeftoverOffer o "
                + "where o.canteenId = ?1 and o.date between ?2 and ?3", canteenId, from, to).map(rows -> rows.get(0));
    }
}
