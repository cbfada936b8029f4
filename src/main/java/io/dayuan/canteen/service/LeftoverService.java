package io.dayuan.canteen.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.canteen.LeftoverClaim;
import io.dayuan.canteen.LeftoverOffer;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.LeftoverClaimRepository;
import io.dayuan.canteen.repository.LeftoverOfferRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Randomness;
import io.dayuan.platform.events.Events;
import io.dayuan.platform.events.Topic;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Leftover exchange (剩余菜品换购): the manager offers portions left after a meal, staff claim them. */
@ApplicationScoped
public class LeftoverService {

    @Inject
    Clock clock;

    private static final char[] CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY34679".toCharArray();

    @Input("OfferLeftoversInput")
    public record LeftoverInput(@NotNull @Id String canteenId, @NotNull @Id String dishId, @NotNull LocalDate date,
            @NotNull Meal meal, @Min(1) @Max(1000) int portions,
            @Description("Price per portion in cents; 0 for free") @Min(0) @Max(100_000) int priceCents,
            @NotNull @Description("Claims close at this time") OffsetDateTime availableUntil) {
    }

    @Description("A leftover offer as it changes: when offered and after each claim")
    public record LeftoverOfferUpdate(@NonNull @Id String offerId, @NonNull @Id String canteenId,
            @NonNull @Id String dishId, int portions, int remainingPortions, int priceCents,
            @NonNull String availableUntil) {

        /** Leftover offers of every canteen as they change, on every replica. */
        public static Topic<LeftoverOfferUpdate> topic() {
            return new Topic<>("canteen.leftover-offers", LeftoverOfferUpdate::toJson, LeftoverOfferUpdate::fromJson);
        }

        static LeftoverOfferUpdate of(LeftoverOffer offer) {
            return new LeftoverOfferUpdate(offer.id.toString(), offer.canteenId.toString(), offer.dishId.toString(),
                    offer.portions, offer.getRemainingPortions(), offer.priceCents, offer.availableUntil.toString());
        }

        public JsonObject toJson() {
            return new JsonObject().put("offerId", offerId).put("canteenId", canteenId).put("dishId", dishId)
                    .put("portions", portions).put("remainingPortions", remainingPortions)
                    .put("priceCents", priceCents).put("availableUntil", availableUntil);
        }

        public static LeftoverOfferUpdate fromJson(JsonObject json) {
            return new LeftoverOfferUpdate(json.getString("offerId"), json.getString("canteenId"),
                    json.getString("dishId"), json.getInteger("portions"), json.getInteger("remainingPortions"),
                    json.getInteger("priceCents"), json.getString("availableUntil"));
        }
    }

    @Inject
    LeftoverOfferRepository offers;

    @Inject
    LeftoverClaimRepository claims;

    @Inject
    CanteenRepository canteens;

    @Inject
    DishService dishes;

    @Inject
    Events events;

    @WithTransaction
    public Uni<LeftoverOffer> offer(UUID personId, LeftoverInput input) {
        UUID canteenId = Ids.parse("canteenId", input.canteenId());
        UUID dishId = Ids.parse("dishId", input.dishId());
        if (!input.availableUntil().isAfter(clock.now())) {
            throw ApiException.validation("availableUntil", "availableUntil must be in the future");
        }
        if (input.availableUntil().isAfter(clock.now().plusDays(2))) {
            throw ApiException.validation("availableUntil", "Leftovers are offered for at most two days");
        }
        return canteens.require(canteenId).chain(() -> dishes.require(dishId)).chain(dish -> {
            if (!dish.canteenId.equals(canteenId)) {
                throw ApiException.validation("dishId", "The dish belongs to another canteen");
            }
            LeftoverOffer offer = new LeftoverOffer();
            offer.canteenId = canteenId;
            offer.dishId = dishId;
            offer.date = input.date();
            offer.meal = input.meal();
            offer.portions = input.portions();
            offer.priceCents = input.priceCents();
            offer.availableUntil = input.availableUntil();
            offer.offeredBy = personId;
            return offers.persist(offer);
        }).call(this::announce);
    }

    /**
     * Claims portions of an offer. The conditional update takes the offer's row lock, so concurrent claims are
     * counted one after the other and never exceed the portions: the ones that find too few left get CONFLICT,
     * and so do claims once the offer closed (availableUntil passed).
     */
    @WithTransaction
    public Uni<LeftoverClaim> claim(UUID personId, UUID offerId, int portions) {
        if (portions < 1 || portions > 10) {
            throw ApiException.validation("portions", "portions is between 1 and 10");
        }
        return require(offerId)
                .call(offer -> claims.countOf(offerId, personId).map(mine -> {
                    if (mine > 0) {
                        throw ApiException.conflict("You claimed from this offer already");
                    }
                    return null;
                }))
                .call(offer -> offers.take(offerId, portions, clock.now()).map(updated -> {
                            if (updated == 0) {
                                throw ApiException.conflict(offer.availableUntil.isAfter(clock.now())
                                        ? "Not enough portions left"
                                        : "The offer closed at " + offer.availableUntil);
                            }
                            return null;
                        }))
                .call(offers::refresh)
                .chain(offer -> {
                    LeftoverClaim claim = new LeftoverClaim();
                    claim.offerId = offerId;
                    claim.personId = personId;
                    claim.portions = portions;
                    claim.pickupCode = pickupCode();
                    return claims.persist(claim).call(() -> announce(offer));
                });
    }

    @WithSession
    public Uni<List<LeftoverOffer>> open(UUID canteenId) {
        return canteens.require(canteenId).chain(() -> offers.openAt(canteenId, clock.now()));
    }

    @WithSession
    public Uni<List<LeftoverClaim>> claimsOf(UUID offerId) {
        return require(offerId).chain(() -> claims.ofOffer(offerId));
    }

    @WithSession
    public Uni<List<LeftoverClaim>> mine(UUID personId) {
        return claims.ofPersonSince(personId, clock.now().minusDays(7));
    }

    @WithSession
    public Uni<LeftoverOffer> require(UUID id) {
        return offers.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Leftover offer", id));
    }

    private Uni<Void> announce(LeftoverOffer offer) {
        return events.publish(LeftoverOfferUpdate.topic(), LeftoverOfferUpdate.of(offer));
    }

    static String pickupCode() {
        return Randomness.code(CODE_ALPHABET, 6);
    }
}
