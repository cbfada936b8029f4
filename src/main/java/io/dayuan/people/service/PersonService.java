package io.dayuan.people.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.people.PersonChanged;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.BoundedCache;
import io.dayuan.platform.SqlState;
import io.dayuan.platform.events.Events;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PersonService {

    private static final int KNOWN_PEOPLE = 4096;

    /** What a token says about its person. */
    public record Sighting(String subject, String name, String phone, List<String> roles, String locale,
            String dingTalkUserId) {
    }

    @Inject
    PersonRepository repository;

    @Inject
    SightingWriter writer;

    @Inject
    SiteRepository sites;

    @Inject
    Events events;

    /** The person of each recent sighting: a request whose token says what the last one said costs no query. */
    private final BoundedCache<String, Known> known = new BoundedCache<>(KNOWN_PEOPLE);
    /** Counts forgettings, so that a lookup that raced with a change does not keep what it read before it. */
    private final AtomicLong changes = new AtomicLong();

    private record Known(Sighting sighting, Person person) {
    }

    void forgetChanged(@Observes StartupEvent started) {
        events.on(PersonChanged.topic()).subscribe().with(changed -> forget(changed.personId()));
    }

    /**
     * Sets a person's home site (null clears it): role notifications about a site reach the holders of the role
     * at that site and those without a site. NOT_FOUND for an unknown person or site.
     */
    @WithTransaction
    public Uni<Person> setSite(UUID personId, UUID siteId) {
        Uni<Void> siteKnown = siteId == null ? Uni.createFrom().voidItem() : sites.require(siteId).replaceWithVoid();
        return siteKnown.chain(() -> require(personId))
                .invoke(person -> person.siteId = siteId)
                .call(this::changed);
    }

    /** Sets (null clears) a person's DingTalk user id, which DingTalk work notices go to. NOT_FOUND: no such person. */
    @WithTransaction
    public Uni<Person> setDingTalkUserId(UUID personId, String dingTalkUserId) {
        return require(personId)
                .invoke(person -> person.dingTalkUserId = dingTalkUserId)
                .call(this::changed);
    }

    private Uni<Person> require(UUID personId) {
        return repository.findById(personId).onItem().ifNull().failWith(() -> ApiException.notFound("Person", personId));
    }

    /**
     * Tells every replica to forget the person when the change commits (the event), and forgets them here at once,
     * so this replica's next request reads them again; a lookup racing with the commit is forgotten by the event.
     */
    private Uni<Void> changed(Person person) {
        forget(person.id);
        return events.publish(PersonChanged.topic(), new PersonChanged(person.id));
    }

    private void forget(UUID personId) {
        changes.incrementAndGet();
        known.removeIf(entry -> entry.person().id.equals(personId));
    }

    /** People holding the role (any role when null) whose home site is the given one (any when null), by name. */
    public Uni<List<Person>> list(String role, UUID siteId) {
        return repository.list(role, siteId);
    }

    /**
     * The person behind a token: created on first sight, and kept up to date with the token's name, phone, roles
     * and DingTalk user id. Two first requests at once both end with the one row the unique subject allows.
     * A sighting equal to the last one of the subject on this replica answers the person then recorded (detached,
     * read-only), unless the person was changed since (setSite, setDingTalkUserId on any replica).
     */
    public Uni<Person> recordSighting(Sighting sighting) {
        Known last = known.get(sighting.subject());
        if (last != null && last.sighting().equals(sighting)) {
            return Uni.createFrom().item(last.person());
        }
        long seen = changes.get();
        // the write's own transaction has ended (rolled back) when a lost race is recovered from here
        return writer.save(sighting)
                .onFailure(failure -> SqlState.is(failure, SqlState.UNIQUE_VIOLATION))
                .recoverWithUni(() -> repository.findBySubject(sighting.subject()))
                .invoke(person -> {
                    if (changes.get() == seen) {
                        known.put(sighting.subject(), new Known(sighting, person));
                    }
                });
    }
}
