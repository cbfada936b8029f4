package io.dayuan.canteen.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.Dish;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.Menu;
import io.dayuan.canteen.MenuItem;
import io.dayuan.canteen.MenuPublication;
import io.dayuan.canteen.MenuStatus;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.MenuItemRepository;
import io.dayuan.canteen.repository.MenuRepository;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.events.Events;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MenuService {

    @Inject
    Clock clock;

    static final int MAX_DAYS = 62;

    @Input("MenuItemInput")
    public record MenuItemInput(@NotNull @Id String dishId, @PositiveOrZero @Max(100_000) Integer plannedPortions) {
    }

    @Input("SaveMenuInput")
    public record MenuInput(@NotNull @Id String canteenId, @NotNull LocalDate date, @NotNull Meal meal,
            @NotNull @Size(min = 1, max = 40) List<@NotNull @Valid MenuItemInput> items,
            @Description("Why a published menu is corrected; shown to diners") @Size(max = 500) String note) {
    }

    @Inject
    MenuRepository repository;

    @Inject
    MenuItemRepository items;

    @Inject
    CanteenRepository canteens;

    @Inject
    DishService dishes;

    @Inject
    Notifier notifier;

    @Inject
    Events events;

    /**
     * Saves the menu of a canteen, date and meal. A draft is replaced. A published menu is corrected at once: it
     * stays published, its revision goes up, and it keeps the names of the dishes it listed before; diners are told.
     */
    @WithTransaction
    public Uni<Menu> save(MenuInput input) {
        UUID canteenId = Ids.parse("canteenId", input.canteenId());
        List<UUID> dishIds = new ArrayList<>();
        for (MenuItemInput item : input.items()) {
            UUID dishId = Ids.parse("items.dishId", item.dishId());
            if (dishIds.contains(dishId)) {
                throw ApiException.validation("items", "A dish is listed twice: " + dishId);
            }
            dishIds.add(dishId);
        }
        return canteens.require(canteenId).chain(canteen -> dishes.byIds(dishIds)
                .invoke(found -> requireDishes(found, dishIds, canteenId))
                .chain(() -> repository.findOf(canteenId, input.date(), input.meal()))
                .chain(existing -> saveInto(canteen, existing, input, dishIds)));
    }

    /** NOT_FOUND for a dish that does not exist, VALIDATION (items) for one of another canteen. */
    private static void requireDishes(Map<UUID, Dish> found, List<UUID> dishIds, UUID canteenId) {
        for (UUID dishId : dishIds) {
            Dish dish = found.get(dishId);
            if (dish == null) {
                throw ApiException.notFound("Dish", dishId);
            }
            if (!dish.canteenId.equals(canteenId)) {
                throw ApiException.validation("items", "Dish " + dishId + " belongs to another canteen");
            }
        }
    }

    /** A new draft, a draft replaced, or a published menu corrected. */
    private Uni<Menu> saveInto(Canteen canteen, Menu existing, MenuInput input, List<UUID> dishIds) {
        if (existing == null) {
            Menu menu = new Menu();
            menu.canteenId = canteen.id;
            menu.date = input.date();
            menu.meal = input.meal();
            menu.status = MenuStatus.DRAFT;
            menu.updatedAt = clock.now();
            return repository.persist(menu).chain(() -> replaceItems(menu, input.items(), dishIds));
        }
        existing.updatedAt = clock.now();
        if (existing.status == MenuStatus.DRAFT) {
            return replaceItems(existing, input.items(), dishIds);
        }
        return correct(canteen, existing, input, dishIds);
    }

    private Uni<Menu> correct(Canteen canteen, Menu menu, MenuInput input, List<UUID> dishIds) {
        return items.ofMenu(menu.id)
                .chain(before -> dishes.byIds(before.stream().map(item -> item.dishId).toList())
                        .map(named -> before.stream().map(item -> named.get(item.dishId).name).toList()))
                .chain(previousNames -> {
                    menu.previousDishNames = previousNames;
                    menu.revision++;
                    menu.correctedAt = clock.now();
                    menu.correctionNote = input.note() == null || input.note().isBlank() ? null : input.note().strip();
                    return replaceItems(menu, input.items(), dishIds);
                })
                .call(saved -> announce(canteen, saved, true));
    }

    /** Keeps items whose dish stays (so their ratings stay), drops the others, adds the new ones. */
    private Uni<Menu> replaceItems(Menu menu, List<MenuItemInput> wanted, List<UUID> dishIds) {
        return items.ofMenu(menu.id).chain(current -> {
            Map<UUID, MenuItem> byDish = current.stream().collect(Collectors.toMap(item -> item.dishId, Function.identity()));
            Set<UUID> kept = new HashSet<>(dishIds);
            List<UUID> dropped = current.stream().filter(item -> !kept.contains(item.dishId)).map(item -> item.id).toList();
            List<MenuItem> added = new ArrayList<>();
            for (int position = 0; position < wanted.size(); position++) {
                MenuItem item = byDish.get(dishIds.get(position));
                if (item == null) {
                    item = new MenuItem();
                    item.menuId = menu.id;
                    item.dishId = dishIds.get(position);
                    added.add(item);
                }
                item.plannedPortions = wanted.get(position).plannedPortions();
                item.position = position;
            }
            Uni<Long> drop = dropped.isEmpty() ? Uni.createFrom().item(0L) : items.deleteByIds(dropped);
            // the same dishes again add nothing: Panache cannot persist an empty list
            Uni<Void> add = added.isEmpty() ? Uni.createFrom().voidItem() : items.persist(added);
            return drop.chain(() -> add).replaceWith(menu);
        });
    }

    @WithTransaction
    public Uni<Menu> publish(UUID id) {
        return require(id).chain(menu -> {
            if (menu.status == MenuStatus.PUBLISHED) {
                throw ApiException.conflict("The menu is published already; save it again to correct it");
            }
            menu.status = MenuStatus.PUBLISHED;
            menu.revision = 1;
            menu.publishedAt = clock.now();
            menu.updatedAt = menu.publishedAt;
            return canteens.require(menu.canteenId).chain(canteen -> announce(canteen, menu, false)).replaceWith(menu);
        });
    }

    /** Tells the canteen's diners (everyone with the staff role) and the menuPublished subscribers. */
    private Uni<Void> announce(Canteen canteen, Menu menu, boolean correction) {
        Notice notice = CanteenTexts.menuAnnounced(canteen, menu, correction);
        MenuPublication event = new MenuPublication(menu.id.toString(), canteen.id.toString(), menu.date, menu.meal,
                menu.revision, correction);
        return notifier.notifyRole(Roles.STAFF, notice).chain(() -> events.publish(MenuPublication.topic(), event));
    }

    /**
     * The menus of a canteen between two dates; drafts only when asked for (managers). The caller has found the
     * canteen already (CanteenApi checks it and its site), so it is not looked up again.
     */
    @WithSession
    public Uni<List<Menu>> list(UUID canteenId, LocalDate from, LocalDate to, boolean withDrafts) {
        checkRange(from, to, MAX_DAYS);
        return repository.inRange(canteenId, from, to, withDrafts);
    }

    @WithSession
    public Uni<Menu> require(UUID id) {
        return repository.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Menu", id));
    }

    /** The items of each menu, in the menus' order (one query). */
    @WithSession
    public Uni<List<List<MenuItem>>> itemsOf(List<Menu> menus) {
        Set<UUID> ids = menus.stream().map(menu -> menu.id).collect(Collectors.toSet());
        return items.ofMenus(ids).map(found -> {
            Map<UUID, List<MenuItem>> byMenu = found.stream().collect(Collectors.groupingBy(item -> item.menuId));
            return menus.stream().map(menu -> byMenu.getOrDefault(menu.id, List.of())).toList();
        });
    }

    static void checkRange(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw ApiException.validation("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw ApiException.validation("to", "At most " + maxDays + " days at once");
        }
    }
}
