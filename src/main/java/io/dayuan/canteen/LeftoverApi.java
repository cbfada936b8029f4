package io.dayuan.canteen;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.canteen.service.CanteenSites;
import io.dayuan.canteen.service.DishService;
import io.dayuan.canteen.service.LeftoverService;
import io.dayuan.canteen.service.LeftoverService.LeftoverInput;
import io.dayuan.canteen.service.LeftoverService.LeftoverOfferUpdate;
import io.dayuan.people.Caller;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.platform.graphql.Subscriptions;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The leftover exchange: dishes left after a meal, offered to staff and claimed with a pickup code. */
@GraphQLApi
@SessionPerField
public class LeftoverApi {

    private static final String OFFER_NOT_FOUND = "An offer of a site the caller does not act at is NOT_FOUND. ";

    @Inject
    CanteenSites canteenSites;

    @Inject
    LeftoverService leftovers;

    @Inject
    DishService dishes;

    @Inject
    Caller caller;

    @Inject
    Events events;

    @Inject
    Subscriptions subscriptions;

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Offers portions of a dish left after a meal until a time (at most two days ahead). "
            + CanteenApi.NOT_FOUND + "Role: canteen-manager, admin.")
    public Uni<@NonNull LeftoverOffer> offerLeftovers(@Name("input") @NonNull @Valid LeftoverInput input) {
        return canteenSites.canteen("canteenId", input.canteenId()).chain(() -> caller.person())
                .chain(person -> leftovers.offer(person.id, input));
    }

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Claims portions (1-10) of a leftover offer, once per person; the answer carries the pickup code. "
            + "CONFLICT when too few portions are left, when the offer closed, or on a second claim. " + OFFER_NOT_FOUND
            + "Role: staff.")
    public Uni<@NonNull LeftoverClaim> claimLeftovers(@Name("offerId") @NonNull @Id String offerId,
            @Name("portions") @DefaultValue("1") Integer portions) {
        UUID id = Ids.parse("offerId", offerId);
        return canteenSites.offer("offerId", offerId).chain(() -> caller.person())
                .chain(person -> leftovers.claim(person.id, id, portions == null ? 1 : portions));
    }

    @Query
    @Authenticated
    @Description("The leftover offers of a canteen that still take claims. " + CanteenApi.NOT_FOUND
            + "Any signed-in role.")
    public Uni<@NonNull List<@NonNull LeftoverOffer>> openLeftoverOffers(@Name("canteenId") @NonNull @Id String canteenId) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> leftovers.open(canteen.id));
    }

    @Query
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("The claims of an offer with their pickup codes. " + OFFER_NOT_FOUND
            + "Role: canteen-manager, admin.")
    public Uni<@NonNull List<@NonNull LeftoverClaim>> leftoverClaims(@Name("offerId") @NonNull @Id String offerId) {
        return canteenSites.offer("offerId", offerId).chain(offer -> leftovers.claimsOf(offer.id));
    }

    @Query
    @RolesAllowed(Roles.STAFF)
    @Description("The caller's claims of the last seven days. Role: staff.")
    public Uni<@NonNull List<@NonNull LeftoverClaim>> myLeftoverClaims() {
        return caller.person().chain(person -> leftovers.mine(person.id));
    }

    @Name("dish")
    @Description("The dish offered")
    @NonNull
    public Uni<List<@NonNull Dish>> offeredDish(@Source List<LeftoverOffer> offered) {
        return dishes.inOrderOf(offered.stream().map(offer -> offer.dishId).toList());
    }

    @Subscription
    @Description("Leftover offers of a canteen as they are made and claimed. " + CanteenApi.NOT_FOUND_FEED
            + " Any signed-in role.")
    // nullable as gateEvents: the site refusal needs the database, so it comes after the subscription started
    public Multi<LeftoverOfferUpdate> leftoverOffers(@Name("canteenId") @NonNull @Id String canteenId) {
        String id = Ids.parse("canteenId", canteenId).toString();
        return subscriptions.open(() -> canteenSites.canteen("canteenId", canteenId).onItem()
                .transformToMulti(visible -> events.on(LeftoverOfferUpdate.topic()))
                .filter(update -> id.equals(update.canteenId())));
    }
}
