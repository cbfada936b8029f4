package io.dayuan.people.service;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.people.service.PersonService.Sighting;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes a sighting in a transaction of its own, so that {@link PersonService#recordSighting} can recover from a
 * lost race (another request created the person first) after that transaction has ended.
 */
@ApplicationScoped
class SightingWriter {

    @Inject
    PersonRepository repository;

    /** The person of the subject, created or brought up to date with the sighting. */
    @WithTransaction
    Uni<Person> save(Sighting sighting) {
        return repository.findBySubject(sighting.subject())
                .chain(found -> found == null ? repository.persist(newPerson(sighting)) : refresh(found, sighting));
    }

    private static Person newPerson(Sighting sighting) {
        Person person = new Person();
        person.subject = sighting.subject();
        person.name = sighting.name();
        person.phone = sighting.phone();
        person.roleNames = sighting.roles();
        person.locale = sighting.locale();
        person.dingTalkUserId = sighting.dingTalkUserId();
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
        if (sighting.dingTalkUserId() != null && !sighting.dingTalkUserId().equals(person.dingTalkUserId)) {
            person.dingTalkUserId = sighting.dingTalkUserId();
        }
        return Uni.createFrom().item(person);
    }
}
