package io.dayuan.rooms.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Calendar feeds: one per person, found by the SHA-256 of its secret (the table has no entity). */
@ApplicationScoped
public class CalendarFeedRepository {

    /** The person's feed now has this secret; inside the caller's transaction. */
    public Uni<Integer> store(UUID personId, String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into calendar_feed"
                + " (person_id, token_hash) values (:person, :hash) on conflict (person_id) do update"
                + " set token_hash = excluded.token_hash, created_at = now()")
                .setParameter("person", personId).setParameter("hash", tokenHash).executeUpdate());
    }

    /** Removes the person's feed; inside the caller's transaction. How many there were (0 or 1). */
    public Uni<Integer> revoke(UUID personId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from calendar_feed where person_id = :person")
                .setParameter("person", personId).executeUpdate());
    }

    /** The person whose feed has the secret's hash, or null; inside the caller's session. */
    public Uni<UUID> personOf(String tokenHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select cast(person_id as text)"
                + " from calendar_feed where token_hash = :hash", String.class).setParameter("hash", tokenHash)
                .getResultList())
                .map(found -> found.isEmpty() ? null : UUID.fromString(found.get(0)));
    }
}
