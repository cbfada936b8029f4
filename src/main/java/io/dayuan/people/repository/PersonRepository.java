package io.dayuan.people.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.people.Person;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    @WithSession
    public Uni<Person> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    @WithSession
    public Uni<List<Person>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    @WithSession
    public Uni<Person> findByPhone(String phone) {
        return find("phone", phone).firstResult();
    }
}
