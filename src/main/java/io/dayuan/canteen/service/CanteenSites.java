package io.dayuan.canteen.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.Dish;
import io.dayuan.canteen.LeftoverOffer;
import io.dayuan.canteen.Menu;
import io.dayuan.canteen.Suggestion;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.DishRepository;
import io.dayuan.canteen.repository.LeftoverOfferRepository;
import io.dayuan.canteen.repository.MenuItemRepository;
import io.dayuan.canteen.repository.MenuRepository;
import io.dayuan.canteen.repository.SuggestionRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The canteen's objects named by id, found only when the caller acts at their canteen's site: otherwise NOT_FOUND,
 * in the words used for an object that does not exist. The API classes call it before the service runs.
 */
@ApplicationScoped
public class CanteenSites {

    @Inject
    CanteenRepository canteens;

    @Inject
    DishRepository dishes;

    @Inject
    MenuRepository menus;

    @Inject
    MenuItemRepository items;

    @Inject
    SuggestionRepository suggestions;

    @Inject
    LeftoverOfferRepository offers;

    @Inject
    CallerSites callerSites;

    @WithSession
    public Uni<Canteen> canteen(String field, String canteenId) {
        UUID id = Ids.parse(field, canteenId);
        return canteens.require(id)
                .chain(canteen -> callerSites.requireVisible(canteen, found -> found.siteId, "Canteen", id));
    }

    @WithSession
    public Uni<Dish> dish(String field, String dishId) {
        UUID id = Ids.parse(field, dishId);
        return found(dishes.findById(id), "Dish", id).chain(dish -> visible(dish, dish.canteenId, "Dish", id));
    }

    @WithSession
    public Uni<Menu> menu(String field, String menuId) {
        UUID id = Ids.parse(field, menuId);
        return found(menus.findById(id), "Menu", id).chain(menu -> visible(menu, menu.canteenId, "Menu", id));
    }

    /** The menu that served the item. */
    @WithSession
    public Uni<Menu> menuOfItem(String field, String menuItemId) {
        UUID id = Ids.parse(field, menuItemId);
        return found(items.findById(id), "Menu item", id).map(item -> item.menuId).chain(menus::findById)
                .chain(menu -> visible(menu, menu.canteenId, "Menu item", id));
    }

    @WithSession
    public Uni<Suggestion> suggestion(String field, String suggestionId) {
        UUID id = Ids.parse(field, suggestionId);
        return found(suggestions.findById(id), "Suggestion", id)
                .chain(suggestion -> visible(suggestion, suggestion.canteenId, "Suggestion", id));
    }

    @WithSession
    public Uni<LeftoverOffer> offer(String field, String offerId) {
        UUID id = Ids.parse(field, offerId);
        return found(offers.findById(id), "Leftover offer", id)
                .chain(offer -> visible(offer, offer.canteenId, "Leftover offer", id));
    }

    private static <T> Uni<T> found(Uni<T> lookup, String type, UUID id) {
        return lookup.onItem().ifNull().failWith(() -> ApiException.notFound(type, id));
    }

    private <T> Uni<T> visible(T object, UUID canteenId, String type, UUID id) {
        return canteens.require(canteenId)
                .chain(canteen -> callerSites.requireVisible(object, ignored -> canteen.siteId, type, id));
    }
}
