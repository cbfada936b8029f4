package io.dayuan.people;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.dayuan.people.service.PersonService;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class PeopleApi {

    @Inject
    Caller caller;

    @Inject
    PersonService service;

    @Inject
    SiteRepository sites;

    @Inject
    CallerSites callerSites;

    @Inject
    @Any
    Instance<PhoneSharing> sharing;

    @Query
    @Authenticated
    @Description("The signed-in person, created from the token on first sight. Any role.")
    public Uni<@NonNull Person> me() {
        return caller.person();
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("People known to the service, by name: those holding the role (any when left out) whose home site is "
            + "siteId (any when left out). An admin of sites sees only people who belong to one of them; FORBIDDEN "
            + "for a siteId the caller does not act at. Role: admin.")
    public Uni<@NonNull List<@NonNull Person>> people(@Name("role") Role role, @Name("siteId") @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        Uni<Void> allowed = site == null ? Uni.createFrom().voidItem() : callerSites.requireSite(site);
        return allowed.chain(() -> service.list(role == null ? null : role.tokenRole(), site))
                .chain(callerSites::filterPeople);
    }

    @Mutation("setPersonSite")
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets a person's home site (e.g. the compound a guard works at); a null siteId clears it. Role "
            + "notifications about a site reach the holders of the role at that site and those without a home site. "
            + "FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull Person> setPersonSite(@Name("personId") @NonNull @Id String personId,
            @Name("siteId") @Id String siteId) {
        UUID person = Ids.parse("personId", personId);
        UUID site = Ids.parse("siteId", siteId);
        Uni<Void> allowed = site == null ? Uni.createFrom().voidItem() : callerSites.requireSite(site);
        return allowed.chain(() -> service.setSite(person, site));
    }

    @Mutation("setPersonDingTalkId")
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets the DingTalk user id (userid in the organisation's DingTalk, 1 to 64 letters, digits, '_', '-', "
            + "'.', '@') that the person's DingTalk work notices go to; null clears it (no more work notices). A token "
            + "carrying the id in its DingTalk claim sets it too. VALIDATION names dingTalkUserId; NOT_FOUND for an "
            + "unknown person. Role: admin.")
    public Uni<@NonNull Person> setPersonDingTalkId(@Name("personId") @NonNull @Id String personId,
            @Name("dingTalkUserId") String dingTalkUserId) {
        UUID person = Ids.parse("personId", personId);
        String userId = dingTalkUserId == null ? null : dingTalkUserId.strip();
        if (userId != null && !userId.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw ApiException.validation("dingTalkUserId",
                    "dingTalkUserId must be 1 to 64 letters, digits, '_', '-', '.' or '@'");
        }
        return service.setDingTalkUserId(person, userId);
    }

    @Description("The person's mobile number (E.164). Personal information: null unless the caller is the person, "
            + "an admin, or a guard while the person hosts a visit at the gate (approved or checked in, its window "
            + "open) and may have to be called")
    public Uni<List<String>> phone(@Source List<Person> persons) {
        return caller.identity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().item(persons.stream().map(person -> (String) null).toList());
            }
            if (identity.hasRole(Roles.ADMIN)) {
                return Uni.createFrom().item(persons.stream().map(person -> person.phone).toList());
            }
            String subject = ((JsonWebToken) identity.getPrincipal()).getSubject();
            return shared(identity, persons).map(shared -> persons.stream()
                    .map(person -> subject.equals(person.subject) || shared.contains(person.id) ? person.phone : null)
                    .toList());
        });
    }

    private Uni<Set<UUID>> shared(SecurityIdentity identity, List<Person> persons) {
        List<UUID> ids = persons.stream().filter(person -> person.phone != null).map(person -> person.id).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Multi.createFrom().iterable(sharing).onItem().transformToUniAndConcatenate(
                feature -> feature.sharedWith(identity, ids)).collect().in(HashSet::new, Set::addAll);
    }

    @Description("The person's home site; null when not assigned to a site")
    public Uni<List<Site>> site(@Source List<Person> persons) {
        return sites.inOrderOf(persons.stream().map(person -> person.siteId).toList());
    }
}
