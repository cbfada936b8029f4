package io.dayuan.canteen.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.canteen.DishRating;
import io.dayuan.canteen.MenuItem;
import io.dayuan.canteen.MenuStatus;
import io.dayuan.canteen.Suggestion;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.DishRatingRepository;
import io.dayuan.canteen.repository.MenuItemRepository;
import io.dayuan.canteen.repository.SuggestionRepository;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Ratings of dishes served, and the suggestion box. */
@ApplicationScoped
public class FeedbackService {

    @Inject
    Clock clock;

    @Inject
    DishRatingRepository ratings;

    @Inject
    MenuItemRepository items;

    @Inject
    MenuService menus;

    @Inject
    MealService meals;

    @Inject
    CanteenRepository canteens;

    @Inject
    SuggestionRepository suggestions;

    @Inject
    Notifier notifier;

    /**
     * Rates a dish as served on a menu: the menu is published and its date has come (in the site's zone). One
     * rating per person and menu item; rating again changes it.
     */
    @WithTransaction
    public Uni<DishRating> rate(UUID personId, UUID menuItemId, int stars, String comment) {
        if (stars < 1 || stars > 5) {
            throw ApiException.validation("stars", "stars is between 1 and 5");
        }
        if (comment != null && comment.length() > 500) {
            throw ApiException.validation("comment", "comment has at most 500 characters");
        }
        return items.findById(menuItemId).onItem().ifNull().failWith(() -> ApiException.notFound("Menu item", menuItemId))
                .call(this::requireServed)
                .chain(item -> ratings.findOf(menuItemId, personId).chain(existing -> {
                    DishRating rating = existing != null ? existing : new DishRating();
                    rating.menuItemId = menuItemId;
                    rating.dishId = item.dishId;
                    rating.personId = personId;
                    rating.stars = stars;
                    rating.comment = comment == null || comment.isBlank() ? null : comment.strip();
                    rating.updatedAt = clock.now();
                    return existing != null ? Uni.createFrom().item(rating) : ratings.persist(rating);
                }));
    }

    /** VALIDATION (menuItemId) unless the item's menu is published and its day has come in the site's zone. */
    private Uni<Void> requireServed(MenuItem item) {
        return menus.require(item.menuId).chain(menu -> canteens.require(menu.canteenId).chain(meals::today)
                .invoke(today -> {
                    if (menu.status != MenuStatus.PUBLISHED || menu.date.isAfter(today)) {
                        throw ApiException.validation("menuItemId", "Only dishes already served can be rated");
                    }
                })).replaceWithVoid();
    }

    @WithSession
    public Uni<List<DishRating>> ratingsOf(UUID dishId) {
        return ratings.newestOf(dishId, 100);
    }

    @WithTransaction
    public Uni<Suggestion> suggest(UUID personId, UUID canteenId, String text, boolean anonymous) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw ApiException.validation("text", "text has 1 to 1000 characters");
        }
        return canteens.require(canteenId).chain(() -> {
            Suggestion suggestion = new Suggestion();
            suggestion.canteenId = canteenId;
            suggestion.personId = anonymous ? null : personId;
            suggestion.text = text.strip();
            return suggestions.persist(suggestion);
        });
    }

    /** Answers a suggestion (again, to change the answer); tells its author unless it was anonymous. */
    @WithTransaction
    public Uni<Suggestion> answer(UUID personId, UUID id, String answer) {
        if (answer == null || answer.isBlank() || answer.length() > 1000) {
            throw ApiException.validation("answer", "answer has 1 to 1000 characters");
        }
        return suggestions.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Suggestion", id))
                .chain(suggestion -> {
                    suggestion.answer = answer.strip();
                    suggestion.answeredAt = clock.now();
                    suggestion.answeredBy = personId;
                    if (suggestion.personId == null) {
                        return Uni.createFrom().item(suggestion);
                    }
                    return notifier.notify(suggestion.personId, CanteenTexts.suggestionAnswered(suggestion))
                            .replaceWith(suggestion);
                });
    }

    /** All suggestions of a canteen (managers), or the caller's own (everyone else). */
    @WithSession
    public Uni<List<Suggestion>> suggestions(UUID canteenId, UUID personId, boolean all) {
        return canteens.require(canteenId).chain(() -> all
                ? suggestions.ofCanteen(canteenId, null) : suggestions.ofCanteen(canteenId, personId));
    }
}
