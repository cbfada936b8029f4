package io.dayuan.passes.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.notifications.service.Notifier;
import io.dayuan.passes.AdmitState;
import io.dayuan.passes.Pass;
import io.dayuan.passes.PassKind;
import io.dayuan.passes.PassesConfig;
import io.dayuan.passes.code.PassCodec;
import io.dayuan.passes.repository.PassRepository;
import io.dayuan.passes.repository.RevocationRepository;
import io.dayuan.people.Caller;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Issues, re-issues and revokes passes. */
@ApplicationScoped
public class PassService {

    @Inject
    Clock clock;

    /** The last second a code's uint32 epoch seconds can carry (2106-02-07). */
    private static final OffsetDateTime LAST_SECOND = OffsetDateTime.parse("2106-02-07T06:28:15Z");
    public static final int MAX_BATCH = 200;

    public record NewPass(@NotNull PassKind kind, @NotBlank @Size(max = 100) String holderName,
            @Id String personId, @Size(max = 16) String plate,
            @NotNull @Size(min = 1, max = PassCodec.MAX_SITES) @Id List<@NotNull String> siteIds,
            @NotNull OffsetDateTime validFrom, @NotNull OffsetDateTime validUntil,
            @DefaultValue("false") Boolean admitOnce) {
    }

    @Inject
    PassRepository repository;

    @Inject
    RevocationRepository revocations;

    @Inject
    SiteRepository sites;

    @Inject
    PersonRepository people;

    @Inject
    Caller caller;

    @Inject
    Notifier notifier;

    @Inject
    PassesConfig config;

    public Uni<Pass> issue(NewPass input) {
        return issueAll(List.of(input), "").map(passes -> passes.get(0));
    }

    /** A batch for a checkpoint: all passes or none. Errors name the field as inputs.<index>.<field>. */
    public Uni<List<Pass>> issueBatch(List<NewPass> inputs) {
        if (inputs.isEmpty() || inputs.size() > MAX_BATCH) {
            throw ApiException.validation("inputs", "a batch has 1 to " + MAX_BATCH + " passes");
        }
        return issueAll(inputs, null);
    }

    private Uni<List<Pass>> issueAll(List<NewPass> inputs, String singlePrefix) {
        List<Pass> passes = new ArrayList<>();
        Set<UUID> siteIds = new LinkedHashSet<>();
        Set<UUID> personIds = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = singlePrefix != null ? singlePrefix : "inputs." + i + ".";
            Pass pass = validated(inputs.get(i), prefix);
            passes.add(pass);
            siteIds.addAll(pass.siteIds);
            if (pass.personId != null) {
                personIds.add(pass.personId);
            }
        }
        return caller.person().chain(admin -> persistAll(passes, siteIds, personIds, admin.id));
    }

    @WithTransaction
    Uni<List<Pass>> persistAll(List<Pass> passes, Set<UUID> siteIds, Set<UUID> personIds, UUID issuedBy) {
        return sites.findByIds(siteIds).chain(found -> {
            if (found.size() != siteIds.size()) {
                UUID missing = siteIds.stream().filter(id -> found.stream().noneMatch(site -> site.id.equals(id)))
                        .findFirst().orElseThrow();
                throw ApiException.notFound("Site", missing);
            }
            return personIds.isEmpty() ? Uni.createFrom().item(List.<io.dayuan.people.Person> of())
                    : people.findByIds(personIds);
        }).chain(foundPeople -> {
            if (foundPeople.size() != personIds.size()) {
                UUID missing = personIds.stream()
                        .filter(id -> foundPeople.stream().noneMatch(person -> person.id.equals(id)))
                        .findFirst().orElseThrow();
                throw ApiException.notFound("Person", missing);
            }
            passes.forEach(pass -> pass.issuedBy = issuedBy);
            return repository.persist(passes.stream()).replaceWith(passes);
        }).call(repository::flush);
    }

    private static Pass validated(NewPass input, String prefix) {
        Pass pass = new Pass();
        pass.kind = input.kind();
        pass.holderName = input.holderName().strip();
        pass.personId = Ids.parse(prefix + "personId", input.personId());
        String plate = input.plate() == null || input.plate().isBlank() ? null
                : input.plate().strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (input.kind() == PassKind.VEHICLE && plate == null) {
            throw ApiException.validation(prefix + "plate", "a vehicle pass needs the plate");
        }
        pass.plate = plate;
        List<UUID> siteIds = new ArrayList<>();
        for (int i = 0; i < input.siteIds().size(); i++) {
            UUID site = Ids.parse(prefix + "siteIds." + i, input.siteIds().get(i));
            if (siteIds.contains(site)) {
                throw ApiException.validation(prefix + "siteIds", "a site is listed twice");
            }
            siteIds.add(site);
        }
        pass.siteIds = siteIds;
        if (input.validFrom().toEpochSecond() < 0) {
            throw ApiException.validation(prefix + "validFrom", "validFrom is before 1970");
        }
        if (!input.validUntil().isAfter(input.validFrom())) {
            throw ApiException.validation(prefix + "validUntil", "validUntil must be after validFrom");
        }
        if (input.validUntil().isAfter(LAST_SECOND)) {
            throw ApiException.validation(prefix + "validUntil", "validUntil is after " + LAST_SECOND);
        }
        pass.validFrom = input.validFrom();
        pass.validUntil = input.validUntil();
        pass.admitOnce = Boolean.TRUE.equals(input.admitOnce());
        pass.admitState = pass.admitOnce ? AdmitState.UNUSED : null;
        pass.generation = 1;
        return pass;
    }

    /** The caller's own pass for the site, made on first request. */
    public Uni<Pass> myPass(String siteIdText) {
        UUID siteId = Ids.parse("siteId", siteIdText);
        return caller.person().chain(person -> personal(person.id, person.name, siteId));
    }

    @WithTransaction
    Uni<Pass> personal(UUID personId, String name, UUID siteId) {
        return sites.require(siteId).chain(() -> repository.personal(personId, siteId)).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            OffsetDateTime now = clock.now();
            return repository.createPersonalIfAbsent(personId, name, siteId, now, now.plus(config.personalPassValidity()))
                    .chain(() -> repository.personal(personId, siteId));
        });
    }

    /** A new generation of the pass: codes made before scan as REVOKED (online now, offline after a kit sync). */
    @WithTransaction
    public Uni<Pass> reissue(String idText) {
        UUID id = Ids.parse("id", idText);
        return repository.lock(id).onItem().ifNull().failWith(() -> ApiException.notFound("Pass", id))
                .chain(pass -> {
                    if (pass.revokedAt != null) {
                        throw ApiException.conflict("Pass " + id + " is revoked; issue a new pass");
                    }
                    pass.generation++;
                    return revocations.log(pass.id, pass.generation).replaceWith(pass);
                });
    }

    @WithTransaction
    public Uni<Pass> revoke(String idText, String reason) {
        UUID id = Ids.parse("id", idText);
        if (reason != null && reason.length() > 500) {
            throw ApiException.validation("reason", "reason has at most 500 characters");
        }
        return repository.lock(id).onItem().ifNull().failWith(() -> ApiException.notFound("Pass", id))
                .chain(pass -> pass.revokedAt != null ? Uni.createFrom().item(pass) : revoked(pass, reason));
    }

    private Uni<Pass> revoked(Pass pass, String reason) {
        pass.revokedAt = clock.now();
        pass.revokedReason = reason == null || reason.isBlank() ? null : reason.strip();
        Uni<Void> told = pass.personId == null ? Uni.createFrom().voidItem()
                : notifier.notify(pass.personId, PassTexts.revoked(pass));
        return revocations.log(pass.id, null).call(() -> told).replaceWith(pass);
    }

    /**
     * The visit pass of an approved visit (issue 6): a PERSON pass for the visitor, admitted once (one entry,
     * one exit) within the visit's window at its site. Idempotent per visit: a second call returns the pass made
     * by the first. Joins the caller's transaction when there is one.
     */
    @WithTransaction
    public Uni<Pass> issueVisitPass(UUID visitId, UUID siteId, String holderName, String plate,
            OffsetDateTime validFrom, OffsetDateTime validUntil) {
        if (holderName == null || holderName.isBlank()) {
            throw ApiException.validation("holderName", "a visit pass needs the visitor's name");
        }
        if (validFrom == null || validUntil == null) {
            throw ApiException.validation(validFrom == null ? "validFrom" : "validUntil", "a visit pass needs its window");
        }
        return repository.forVisit(visitId).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            Pass pass = validated(new NewPass(PassKind.PERSON, holderName, null, plate, List.of(siteId.toString()),
                    validFrom, validUntil, true), "");
            pass.visitId = visitId;
            return sites.require(siteId).chain(() -> repository.persist(pass));
        });
    }

    /** Revokes the pass of a visit (cancelled, rejected); null when the visit has none. */
    @WithTransaction
    public Uni<Pass> revokeVisitPass(UUID visitId, String reason) {
        return repository.forVisit(visitId).chain(found -> found == null ? Uni.createFrom().nullItem()
                : revoke(found.id.toString(), reason));
    }
}
