package io.dayuan.sites.repository;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Which person belongs to which site (table person_site). */
@ApplicationScoped
public class MembershipRepository {

    /** A person's membership of a site. */
    public record Membership(UUID personId, UUID siteId) {
    }

    @WithSession
    public Uni<Set<UUID>> sitesOf(UUID personId) {
        return ofPeople(List.of(personId))
                .map(memberships -> memberships.stream().map(Membership::siteId).collect(Collectors.toSet()));
    }

    /** The memberships of these people. Ids come back as text: the native query then needs no UUID type mapping. */
    @WithSession
    public Uni<List<Membership>> ofPeople(Collection<UUID> personIds) {
        UUID[] ids = personIds.toArray(UUID[]::new);
        return Panache.getSession().chain(session -> session.<Object[]> createNativeQuery(
                "SELECT CAST(person_id AS text), CAST(site_id AS text) FROM person_site"
                        + " WHERE person_id = ANY (CAST(:people AS uuid[]))")
                .setParameter("people", ids).getResultList())
                .map(rows -> rows.stream().map(row -> new Membership(UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[1]))).toList());
    }

    /** Makes {@code siteIds} the person's sites; run it in the transaction that locked the person. */
    public Uni<Void> replace(UUID personId, Set<UUID> siteIds) {
        UUID[] sites = siteIds.toArray(UUID[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM person_site WHERE person_id = :person")
                        .setParameter("person", personId).executeUpdate()
                        .chain(() -> session.createNativeQuery("INSERT INTO person_site (person_id, site_id)"
                                + " SELECT :person, site FROM unnest(CAST(:sites AS uuid[])) AS site")
                                .setParameter("person", personId).setParameter("sites", sites).executeUpdate()))
                .replaceWithVoid();
    }
}
