package io.dayuan.people.service;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.SqlState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;


@ApplicationScoped
public class PersonService {

    /** What a token says about its person. */
    public record Sighting(String subject, String name, String phone, List<String> roles, String locale) {
    }

    @Inject
    PersonRepository repository;

    /**
     * The person behind a token: created on first sight, and kept up to date with the token's name, phone and
     * roles. Two first requests at once both end with the one row the unique subject allows.
     */
    public Uni<Person> recordSighting(Sighting sighting) {
        return Panache.withTransaction(() -> repository.findBySubject(sighting.subject())
                .chain(found -> found == null ? repository.persist(newPerson(sighting)) : refresh(found, sighting)))
                .onFailure(failure -> SqlState.is(failure, SqlState.UNIQUE_VIOLATION))
                .recoverWithUni(() -> repository.findBySubject(sighting.subject()));
    }

    private static Person newPerson(Sighting sighting) {
        Person person = new Person();
        person.subject = sighting.subject();
        person.name = sighting.name();
        person.phone = sighting.phone();
        person.roleNames = sighting.roles();
        person.locale = sighting.locale();
        return person;
    }

    /** Changes only what differs, so a known person costs no write. */
    private static Uni<Person> refresh(Person person, Sighting sighting) {
        if (!Objects.equals(person.name, sighting.name())) {
            person.name = sighting.name();
        }
        if (sighting.phone() != null && !sighting.phone().equals(person.phone)) {
            person.phone = sighting.phone();
        }
        if (!Objects.equals(person.roleNames, sighting.roles())) {
            person.roleNames = sighting.roles();
        }
        if (sighting.locale() != null && !sighting.locale().equals(person.locale)) {
            person.locale = sighting.locale();
        }
        return Uni.createFrom().item(person);
    }
}
