package io.dayuan.canteen;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.service.CanteenReportService;
import io.dayuan.canteen.service.CanteenReportService.CanteenReport;
import io.dayuan.canteen.service.CanteenService;
import io.dayuan.canteen.service.CanteenService.NewCanteen;
import io.dayuan.canteen.service.CanteenSites;
import io.dayuan.canteen.service.DishService;
import io.dayuan.canteen.service.DishService.DishChanges;
import io.dayuan.canteen.service.DishService.NewDish;
import io.dayuan.canteen.service.DishService.RatingSummary;
import io.dayuan.canteen.service.FeedbackService;
import io.dayuan.canteen.service.MealService;
import io.dayuan.canteen.service.MealService.Cutoff;
import io.dayuan.canteen.service.MealService.PlannedMeal;
import io.dayuan.canteen.service.MenuService;
import io.dayuan.canteen.service.MenuService.MenuInput;
import io.dayuan.canteen.service.WasteService;
import io.dayuan.canteen.service.WasteService.WasteInput;
import io.dayuan.canteen.service.WasteService.WasteReport;
import io.dayuan.people.Caller;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.platform.graphql.Subscriptions;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class CanteenApi {

    static final String NOT_FOUND = "A canteen of a site the caller does not act at is NOT_FOUND. ";
    static final String NOT_FOUND_FEED = "A canteen of a site the caller does not act at is NOT_FOUND (one event "
            + "that is null, with the error).";

    @Inject
    Subscriptions subscriptions;

    @Inject
    CanteenRepository repository;

    @Inject
    CanteenService service;

    @Inject
    SiteRepository sites;

    @Inject
    DishService dishes;

    @Inject
    MenuService menus;

    @Inject
    MealService meals;

    @Inject
    WasteService waste;

    @Inject
    FeedbackService feedback;

    @Inject
    CanteenReportService reports;

    @Inject
    Caller caller;

    @Inject
    Events events;

    @Inject
    CallerSites callerSites;

    @Inject
    CanteenSites canteenSites;

    @Query
    @Authenticated
    @Description("The canteens of a site, or of every site the caller acts at; FORBIDDEN for a siteId the caller does "
            + "not act at. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Canteen>> canteens(@Name("siteId") @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        Uni<Void> allowed = site == null ? Uni.createFrom().voidItem() : callerSites.requireSite(site);
        return allowed.chain(() -> repository.listBySite(site))
                .chain(found -> callerSites.filter(found, canteen -> canteen.siteId));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Adds a canteen to a site. FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull Canteen> createCanteen(@Name("input") @NonNull @Valid NewCanteen input) {
        return callerSites.requireSite(Ids.parse("siteId", input.siteId())).chain(() -> service.create(input));
    }

    @Description("The site the canteen belongs to")
    @NonNull
    public Uni<List<@NonNull Site>> site(@Source List<Canteen> canteens) {
        return sites.inOrderOf(canteens.stream().map(canteen -> canteen.siteId).toList());
    }

    // ---- dishes

    @Query
    @Authenticated
    @Description("The dish library of a canteen. A canteen of a site the caller does not act at is NOT_FOUND. Any "
            + "signed-in role.")
    public Uni<@NonNull List<@NonNull Dish>> dishes(@Name("canteenId") @NonNull @Id String canteenId) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> dishes.list(canteen.id));
    }

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Adds a dish to a canteen's library; priceCents is the staff price, guestPriceCents defaults to it. "
            + "A canteen of a site the caller does not act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull Dish> createDish(@Name("input") @NonNull @Valid NewDish input) {
        return canteenSites.canteen("canteenId", input.canteenId()).chain(() -> dishes.create(input));
    }

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Changes a dish; fields left out stay as they are. A dish of a site the caller does not act at is "
            + "NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull Dish> updateDish(@Name("input") @NonNull @Valid DishChanges input) {
        return canteenSites.dish("id", input.id()).chain(() -> dishes.update(input));
    }

    @Description("Average stars (1-5) the dish received on all menus; null before its first rating")
    public Uni<List<Double>> averageRating(@Source List<Dish> rated) {
        return dishes.ratings(rated.stream().map(dish -> dish.id).toList())
                .map(summaries -> summaries.stream().map(RatingSummary::average).toList());
    }

    @Description("How many ratings the dish received")
    @NonNull
    public Uni<List<@NonNull Integer>> ratingCount(@Source List<Dish> rated) {
        return dishes.ratings(rated.stream().map(dish -> dish.id).toList())
                .map(summaries -> summaries.stream().map(summary -> (int) summary.count()).toList());
    }

    @Query
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("The latest ratings of a dish with their comments (at most 100). A dish of a site the caller does not "
            + "act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull List<@NonNull DishRating>> dishRatings(@Name("dishId") @NonNull @Id String dishId) {
        return canteenSites.dish("dishId", dishId).chain(dish -> feedback.ratingsOf(dish.id));
    }

    // ---- menus

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Saves the menu of a canteen, date and meal. A draft is replaced by the new one. A published menu is "
            + "corrected at once: it stays published, revision goes up, correctedAt, correctionNote (from note) and "
            + "previousDishNames show what changed, and diners are told again. A canteen of a site the caller does not "
            + "act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull Menu> saveMenu(@Name("input") @NonNull @Valid MenuInput input) {
        return canteenSites.canteen("canteenId", input.canteenId()).chain(() -> menus.save(input));
    }

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Publishes a draft menu: staff see it from now on, every staff member is notified and menuPublished "
            + "subscribers are told. A menu of a site the caller does not act at is NOT_FOUND. Role: canteen-manager, "
            + "admin.")
    public Uni<@NonNull Menu> publishMenu(@Name("id") @NonNull @Id String id) {
        return canteenSites.menu("id", id).chain(menu -> menus.publish(menu.id));
    }

    @Query
    @Authenticated
    @WithSession // one session for the site check and the list: the canteen is read once
    @Description("The menus of a canteen between two dates (at most 62 days). Canteen managers and admins see drafts "
            + "too; everyone else sees published menus only. A canteen of a site the caller does not act at is "
            + "NOT_FOUND. Any signed-in role.")
    public Uni<@NonNull List<@NonNull Menu>> menus(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("from") @NonNull LocalDate from, @Name("to") @NonNull LocalDate to) {
        return canteenSites.canteen("canteenId", canteenId)
                .chain(canteen -> managing().chain(manager -> menus.list(canteen.id, from, to, manager)));
    }

    @Query
    @Authenticated
    @Description("One menu; a draft only for canteen managers and admins (NOT_FOUND for others), a menu of a site the "
            + "caller does not act at NOT_FOUND. Any signed-in role.")
    public Uni<@NonNull Menu> menu(@Name("id") @NonNull @Id String id) {
        return managing().chain(manager -> canteenSites.menu("id", id).map(menu -> {
            if (menu.status != MenuStatus.PUBLISHED && !manager) {
                throw ApiException.notFound("Menu", menu.id);
            }
            return menu;
        }));
    }

    @Description("The dishes of the menu, in the order the kitchen listed them")
    @NonNull
    public Uni<List<@NonNull List<@NonNull MenuItem>>> items(@Source List<Menu> listed) {
        return menus.itemsOf(listed);
    }

    @Description("The dish served")
    @NonNull
    public Uni<List<@NonNull Dish>> dish(@Source List<MenuItem> served) {
        return dishes.inOrderOf(served.stream().map(item -> item.dishId).toList());
    }

    @Subscription
    @Description("Menus of a canteen as they are published or corrected. " + NOT_FOUND_FEED + " Any signed-in role.")
    // nullable as gateEvents: the site refusal needs the database, so it comes after the subscription started
    public Multi<MenuPublication> menuPublished(@Name("canteenId") @NonNull @Id String canteenId) {
        String id = Ids.parse("canteenId", canteenId).toString();
        return subscriptions.open(() -> canteenSites.canteen("canteenId", canteenId).onItem()
                .transformToMulti(visible -> events.on(MenuPublication.topic()))
                .filter(published -> id.equals(published.canteenId())));
    }

    // ---- meal registration

    @Query
    @Authenticated
    @Description("Until when people may register for each meal of a canteen. " + NOT_FOUND + "Any signed-in role.")
    public Uni<@NonNull List<@NonNull Cutoff>> mealCutoffs(@Name("canteenId") @NonNull @Id String canteenId) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> meals.cutoffs(canteen.id));
    }

    @Mutation("setMealCutoff")
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Sets a canteen's cut-off for a meal: registration closes daysBefore days ahead of the meal's date at "
            + "the time 'at' (HH:mm) of the site's zone. " + NOT_FOUND + "Role: canteen-manager, admin.")
    public Uni<@NonNull Cutoff> setMealCutoff(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("meal") @NonNull Meal meal, @Name("daysBefore") @Min(0) @Max(14) int daysBefore,
            @Name("at") @NonNull String at) {
        return canteenSites.canteen("canteenId", canteenId)
                .chain(canteen -> meals.setCutoff(canteen.id, meal, daysBefore, at));
    }

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Says the caller will eat this meal at this canteen (报餐); registering again is harmless. Until the "
            + "canteen's cut-off, else VALIDATION (field date); CONFLICT if registered at another canteen. " + NOT_FOUND
            + "Role: staff.")
    public Uni<@NonNull MealRegistration> registerMeal(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("date") @NonNull LocalDate date, @Name("meal") @NonNull Meal meal) {
        return canteenSites.canteen("canteenId", canteenId)
                .chain(canteen -> caller.person().chain(person -> meals.register(person.id, canteen.id, date, meal)));
    }

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Takes back the caller's registration, until the cut-off (VALIDATION, field date, after it); the "
            + "caller's own, wherever its canteen is. Role: staff.")
    public Uni<@NonNull Boolean> cancelMealRegistration(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("date") @NonNull LocalDate date, @Name("meal") @NonNull Meal meal) {
        UUID id = Ids.parse("canteenId", canteenId);
        return caller.person().chain(person -> meals.cancel(person.id, id, date, meal));
    }

    @Query
    @RolesAllowed(Roles.STAFF)
    @Description("The caller's registrations between two dates. Role: staff.")
    public Uni<@NonNull List<@NonNull MealRegistration>> myMealRegistrations(@Name("from") @NonNull LocalDate from,
            @Name("to") @NonNull LocalDate to) {
        return caller.person().chain(person -> meals.mine(person.id, from, to));
    }

    @Query
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("For each meal of the days from..to (at most 31): registrations and suggested portions = "
            + "registrations + round(average of covers - registrations over the last comparable meals). "
            + NOT_FOUND + "Role: canteen-manager, admin.")
    public Uni<@NonNull List<@NonNull PlannedMeal>> mealPlan(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("from") @NonNull LocalDate from, @Name("to") @NonNull LocalDate to) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> meals.plan(canteen.id, from, to));
    }

    // ---- waste

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Records food thrown away (1 g to 500 kg) at a meal, not in the future. A canteen of a site the caller "
            + "does not act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull WasteRecord> recordWaste(@Name("input") @NonNull @Valid WasteInput input) {
        return canteenSites.canteen("canteenId", input.canteenId())
                .chain(() -> caller.person()).chain(person -> waste.record(person.id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Sets the number of diners served at a meal (replacing an earlier count); returns it. " + NOT_FOUND
            + "Role: canteen-manager, admin.")
    public Uni<@NonNull Integer> recordCovers(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("date") @NonNull LocalDate date, @Name("meal") @NonNull Meal meal, @Name("covers") int covers) {
        return canteenSites.canteen("canteenId", canteenId)
                .chain(canteen -> waste.recordCovers(canteen.id, date, meal, covers));
    }

    @Query
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Waste between two dates (inclusive, at most 366 days) against the period of the same length just "
            + "before. A canteen of a site the caller does not act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull WasteReport> wasteReport(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("from") @NonNull LocalDate from, @Name("to") @NonNull LocalDate to) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> waste.report(canteen.id, from, to));
    }

    @Query
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("The figures reported under the anti-food-waste law for a period (at most 366 days). "
            + NOT_FOUND + "Role: canteen-manager, admin.")
    public Uni<@NonNull CanteenReport> canteenReport(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("from") @NonNull LocalDate from, @Name("to") @NonNull LocalDate to) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> reports.report(canteen.id, from, to));
    }

    // ---- feedback

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Rates a dish as served on a published menu whose date has come: 1-5 stars and an optional comment "
            + "(at most 500 characters). Rating again changes the rating. A menu item of a site the caller does not act "
            + "at is NOT_FOUND. Role: staff.")
    public Uni<@NonNull DishRating> rateDish(@Name("menuItemId") @NonNull @Id String menuItemId,
            @Name("stars") int stars, @Name("comment") String comment) {
        UUID id = Ids.parse("menuItemId", menuItemId);
        return canteenSites.menuOfItem("menuItemId", menuItemId).chain(() -> caller.person())
                .chain(person -> feedback.rate(person.id, id, stars, comment));
    }

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Puts a suggestion (1-1000 characters) in a canteen's box; an anonymous one keeps no trace of its "
            + "author. " + NOT_FOUND + "Role: staff.")
    public Uni<@NonNull Suggestion> submitSuggestion(@Name("canteenId") @NonNull @Id String canteenId,
            @Name("text") @NonNull String text, @Name("anonymous") @DefaultValue("false") boolean anonymous) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> caller.person()
                .chain(person -> feedback.suggest(person.id, canteen.id, text, anonymous)));
    }

    @Mutation
    @RolesAllowed({ Roles.CANTEEN_MANAGER, Roles.ADMIN })
    @Description("Answers a suggestion; its author (unless anonymous) is notified. A suggestion of a site the caller "
            + "does not act at is NOT_FOUND. Role: canteen-manager, admin.")
    public Uni<@NonNull Suggestion> answerSuggestion(@Name("id") @NonNull @Id String id,
            @Name("answer") @NonNull String answer) {
        return canteenSites.suggestion("id", id)
                .chain(suggestion -> caller.person().chain(person -> feedback.answer(person.id, suggestion.id, answer)));
    }

    @Query
    @Authenticated
    @Description("A canteen's suggestions: all of them for canteen managers and admins, the caller's own (not "
            + "anonymous) for everyone else. " + NOT_FOUND + "Any signed-in role.")
    public Uni<@NonNull List<@NonNull Suggestion>> suggestions(@Name("canteenId") @NonNull @Id String canteenId) {
        return canteenSites.canteen("canteenId", canteenId).chain(canteen -> managing().chain(manager -> manager
                ? feedback.suggestions(canteen.id, null, true)
                : caller.person().chain(person -> feedback.suggestions(canteen.id, person.id, false))));
    }

    private Uni<Boolean> managing() {
        return caller.identity().map(identity -> identity.hasRole(Roles.CANTEEN_MANAGER) || identity.hasRole(Roles.ADMIN));
    }
}
