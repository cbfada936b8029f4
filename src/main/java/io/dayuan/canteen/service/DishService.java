package io.dayuan.canteen.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.dayuan.canteen.Allergen;
import io.dayuan.canteen.Dish;
import io.dayuan.canteen.DishCategory;
import io.dayuan.canteen.DishTag;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.DishRatingRepository;
import io.dayuan.canteen.repository.DishRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Batches;
import io.dayuan.platform.Ids;
import io.dayuan.platform.UniqueNames;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DishService {

    static final String URL = "https?://\\S+";

    public record NewDish(@NotNull @Id String canteenId, @NotBlank @Size(max = 100) String name,
            DishCategory category, List<Allergen> allergens, List<DishTag> tags,
            @Description("Price for staff in cents") @PositiveOrZero @Max(1_000_000) Integer priceCents,
            @Description("Price for guests in cents") @PositiveOrZero @Max(1_000_000) Integer guestPriceCents,
            @Size(max = 500) @Pattern(regexp = URL) String photoUrl) {
    }

    @Description("Changes to a dish; fields left out (null) stay as they are")
    @Input("UpdateDishInput")
    public record DishChanges(@NotNull @Id String id, @Size(max = 100) @Pattern(regexp = ".*\\S.*") String name,
            DishCategory category, List<Allergen> allergens, List<DishTag> tags,
            @PositiveOrZero @Max(1_000_000) Integer staffPriceCents,
            @PositiveOrZero @Max(1_000_000) Integer guestPriceCents,
            @Size(max = 500) @Pattern(regexp = URL) String photoUrl) {
    }

    /** A dish's average rating over all menus that served it. */
    public record RatingSummary(Double average, long count) {
    }

    @Inject
    DishRepository repository;

    @Inject
    DishRatingRepository ratings;

    @Inject
    CanteenRepository canteens;

    @WithTransaction
    public Uni<Dish> create(NewDish input) {
        Dish dish = new Dish();
        dish.canteenId = Ids.parse("canteenId", input.canteenId());
        dish.name = input.name().strip();
        dish.category = input.category();
        dish.allergens = distinct(input.allergens());
        dish.tags = distinct(input.tags());
        dish.staffPriceCents = input.priceCents();
        dish.guestPriceCents = input.guestPriceCents() != null ? input.guestPriceCents() : input.priceCents();
        dish.photoUrl = input.photoUrl();
        return canteens.require(dish.canteenId).chain(() -> requireUniqueName(dish))
                .chain(() -> repository.persist(dish));
    }

    @WithTransaction
    public Uni<Dish> update(DishChanges changes) {
        UUID id = Ids.parse("id", changes.id());
        return require(id).chain(dish -> {
            if (changes.category() != null) {
                dish.category = changes.category();
            }
            if (changes.allergens() != null) {
                dish.allergens = distinct(changes.allergens());
            }
            if (changes.tags() != null) {
                dish.tags = distinct(changes.tags());
            }
            if (changes.staffPriceCents() != null) {
                dish.staffPriceCents = changes.staffPriceCents();
            }
            if (changes.guestPriceCents() != null) {
                dish.guestPriceCents = changes.guestPriceCents();
            }
            if (changes.photoUrl() != null) {
                dish.photoUrl = changes.photoUrl();
            }
            if (changes.name() == null || changes.name().strip().equals(dish.name)) {
                return Uni.createFrom().item(dish);
            }
            dish.name = changes.name().strip();
            return requireUniqueName(dish).replaceWith(dish);
        });
    }

    @WithSession
    public Uni<List<Dish>> list(UUID canteenId) {
        return canteens.require(canteenId)
                .chain(() -> repository.ofCanteen(canteenId));
    }

    @WithSession
    public Uni<Dish> require(UUID id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Dish", id));
    }

    /** The dishes of the given ids, in their order (one query): the answer of a batch resolver. */
    @WithSession
    public Uni<List<Dish>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, repository::byIds);
    }

    @WithSession
    public Uni<Map<UUID, Dish>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return repository.byIds(ids)
                .map(found -> found.stream().collect(Collectors.toMap(dish -> dish.id, dish -> dish)));
    }

    /** Average stars and number of ratings of each dish, in the order given (one query). */
    @WithSession
    public Uni<List<RatingSummary>> ratings(List<UUID> dishIds) {
        return ratings.averages(new HashSet<>(dishIds)).map(rows -> {
                    Map<UUID, RatingSummary> byDish = rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                            row -> new RatingSummary((Double) row[1], (Long) row[2])));
                    return dishIds.stream().map(id -> byDish.getOrDefault(id, new RatingSummary(null, 0))).toList();
                });
    }

    private Uni<Void> requireUniqueName(Dish dish) {
        return UniqueNames.require(repository.countNamed(dish.canteenId, dish.name, dish.id),
                "The canteen has a dish named " + dish.name + " already");
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
