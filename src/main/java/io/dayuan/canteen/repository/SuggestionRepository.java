package io.dayuan.canteen.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Suggestion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SuggestionRepository implements PanacheRepositoryBase<Suggestion, UUID> {

    /** The canteen's suggestions, newest first: all of them, or only the person's when one is given. */
    public Uni<List<Suggestion>> ofCanteen(UUID canteenId, UUID personId) {
        return personId == null
                ? list("from Suggestion s where s.canteenId = ?1 order by s.createdAt desc", canteenId)
                : list("from Suggestion s where s.canteenId = ?1 and s.personId = ?2 order by s.createdAt desc",
                        canteenId, personId);
    }
}
