package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The canteen's figure queries: rows of one canteen between two dates, parameters ?1 canteen, ?2 from, ?3 to. */
final class CanteenQueries {

    private CanteenQueries() {
    }

    static Uni<List<Object[]>> rows(Uni<Mutiny.Session> session, String hql, UUID canteenId, LocalDate from,
            LocalDate to) {
        return session.chain(open -> open.createSelectionQuery(hql, Object[].class).setParameter(1, canteenId)
                .setParameter(2, from).setParameter(3, to).getResultList());
    }
}
