package io.dayuan.people;

import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.dayuan.people.service.PersonService;
import io.dayuan.people.service.PersonService.Sighting;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Who is calling in this request: their token, their roles, and their {@link Person}. */
@RequestScoped
public class Caller {

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PersonService people;

    @Inject
    PeopleConfig config;

    private Uni<Person> person;

    /** The verified identity; authentication is lazy, so it is only resolved when an operation asks. */
    public Uni<SecurityIdentity> identity() {
        return identities.getDeferredIdentity();
    }

    /** The caller's person, created on first sight; looked up once per request. */
    public Uni<Person> person() {
        if (person == null) {
            person = identity().chain(identity -> identity.isAnonymous()
                    ? Uni.createFrom().failure(new UnauthorizedException())
                    : people.recordSighting(sighting(identity))).memoize().indefinitely();
        }
        return person;
    }

    public Uni<Boolean> hasRole(String role) {
        return identity().map(identity -> identity.hasRole(role));
    }

    private Sighting sighting(SecurityIdentity identity) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String name = Stream.of(token.<String> getClaim("name"), token.<String> getClaim("preferred_username"),
                token.getSubject()).filter(value -> value != null && !value.isBlank()).findFirst().orElseThrow();
        List<String> roles = Stream.of(Role.values()).map(Role::tokenRole).filter(identity::hasRole).toList();
        String locale = token.getClaim("locale");
        Object dingTalk = token.getClaim(config.dingTalkUserIdClaim());
        return new Sighting(token.getSubject(), name, token.getClaim("phone_number"), roles,
                locale == null ? null : (locale.startsWith("en") ? "en" : "zh-CN"),
                dingTalk == null || dingTalk.toString().isBlank() ? null : dingTalk.toString().strip());
    }
}
