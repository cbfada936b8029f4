package io.dayuan.people.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.SqlState;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;


@ApplicationScoped
public class PersonService {

    /** What a token says about its person. */
    public record Sighting(String subject, String name, String phone, List<String> roles, String locale,
            String dingTalkUserId) {
    }

    @Inject
    PersonRepository repository;

    @Inject
    SiteRepository sites;

    /**
     * Sets a person's home site (null clears it): role notifications about a site reach the holders of the role
     * at that site and those without a site. NOT_FOUND for an unknown person or site.
     */
    @WithTransaction
    public Uni<Person> setSite(UUID personId, UUID siteId) {
        Uni<Void> siteKnown = siteId == null ? Uni.createFrom().voidItem() : sites.require(siteId).replaceWithVoid();
        return siteKnown.chain(() -> repository.findById(personId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Person", personId))
                .invoke(person -> person.siteId = siteId);
    }

    /** Sets (null clears) a person's DingTalk user id, which DingTalk work notices go to. NOT_FOUND: no such person. */
    @WithTransaction
    public Uni<Person> setDingTalkUserId(UUID personId, String dingTalkUserId) {
        return repository.findById(personId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Person", personId))
                .invoke(person -> person.dingTalkUserId = dingTalkUserId);
    }

    /** People holding the role (any role when null) whose home site is the given one (any when null), by name. */
    public Uni<List<Person>> list(String role, UUID siteId) {
        return repository.list(role, siteId);
    }

    /**
     * The person behind a token: created on first sight, and kept up to date with the token's name, phone, roles
     * and DingTalk user id. Two first requests at once both end with the one row the unique subject allows.
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
