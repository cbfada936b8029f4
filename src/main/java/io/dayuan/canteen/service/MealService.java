package io.dayuan.canteen.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.CanteenConfig;
import io.dayuan.canteen.DayMeal;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.MealCutoff;
import io.dayuan.canteen.MealRegistration;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.MealCoversRepository;
import io.dayuan.canteen.repository.MealCutoffRepository;
import io.dayuan.canteen.repository.MealRegistrationRepository;
import io.dayuan.canteen.repository.MenuRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Meal registration (报餐) with its cut-offs, the covers served, and the manager's planning view. */
@ApplicationScoped
public class MealService {

    @Inject
    Clock clock;

    /** How far back the walk-in history reaches. */
    static final int HISTORY_DAYS = 180;

    @Description("Until when people may register for (or cancel) a meal: daysBefore days ahead of the meal's date, at the given time of the site's zone")
    public record Cutoff(@NonNull Meal meal, int daysBefore, @NonNull @Description("HH:mm") String at,
            @Description("false when the configured default applies") boolean custom) {

        ZonedDateTime deadline(LocalDate date, ZoneId zone) {
            return date.minusDays(daysBefore).atTime(LocalTime.parse(at)).atZone(zone);
        }
    }

    @Description("A coming meal as the kitchen plans it")
    public record PlannedMeal(@NonNull LocalDate date, @NonNull Meal meal,
            @Description("People registered so far") long registrations,
            @Description("Average of (covers - registrations) over the recent comparable meals; null without history") Double walkInAverage,
            @Description("How many recent comparable meals the average is taken from") int sampleMeals,
            @Description("registrations + round(walkInAverage), at least 0") long suggestedPortions,
            @Description("Portions planned on the menu, null without a menu") Long plannedPortions,
            @NonNull @Description("When registration closes") OffsetDateTime registrationClosesAt) {
    }

    @Inject
    CanteenConfig config;

    @Inject
    CanteenRepository canteens;

    @Inject
    SiteRepository sites;

    @Inject
    MealCutoffRepository cutoffs;

    @Inject
    MealRegistrationRepository registrations;

    @Inject
    MenuRepository menus;

    @Inject
    MealCoversRepository covers;

    Cutoff defaultCutoff(Meal meal) {
        return switch (meal) {
            case BREAKFAST -> new Cutoff(meal, config.cutoff().breakfast().daysBefore(),
                    config.cutoff().breakfast().time(), false);
            case LUNCH -> new Cutoff(meal, config.cutoff().lunch().daysBefore(), config.cutoff().lunch().time(), false);
            case DINNER -> new Cutoff(meal, config.cutoff().dinner().daysBefore(), config.cutoff().dinner().time(),
                    false);
        };
    }

    /** The cut-offs of a canteen for its three meals. */
    @WithSession
    public Uni<List<Cutoff>> cutoffs(UUID canteenId) {
        return canteens.require(canteenId).chain(() -> cutoffs.ofCanteen(canteenId)).map(own -> {
            Map<Meal, MealCutoff> byMeal = new HashMap<>();
            own.forEach(cutoff -> byMeal.put(cutoff.meal, cutoff));
            List<Cutoff> result = new ArrayList<>();
            for (Meal meal : Meal.values()) {
                MealCutoff set = byMeal.get(meal);
                result.add(set == null ? defaultCutoff(meal)
                        : new Cutoff(meal, set.daysBefore, set.atTime.toString(), true));
            }
            return result;
        });
    }

    @WithTransaction
    public Uni<Cutoff> setCutoff(UUID canteenId, Meal meal, int daysBefore, String at) {
        LocalTime time = parseTime(at);
        return canteens.require(canteenId)
                .chain(() -> cutoffs.findOf(canteenId, meal))
                .chain(existing -> {
                    MealCutoff cutoff = existing != null ? existing : new MealCutoff();
                    cutoff.canteenId = canteenId;
                    cutoff.meal = meal;
                    cutoff.daysBefore = daysBefore;
                    cutoff.atTime = time;
                    return existing != null ? Uni.createFrom().item(cutoff) : cutoffs.persist(cutoff);
                })
                .map(cutoff -> new Cutoff(meal, daysBefore, time.toString(), true));
    }

    @WithTransaction
    public Uni<MealRegistration> register(UUID personId, UUID canteenId, LocalDate date, Meal meal) {
        return requireOpen(canteenId, date, meal)
                .chain(() -> registrations.findOf(personId, date, meal))
                .chain(existing -> {
                    if (existing != null) {
                        if (existing.canteenId.equals(canteenId)) {
                            return Uni.createFrom().item(existing);
                        }
                        throw ApiException.conflict("Registered for this meal at another canteen already");
                    }
                    MealRegistration registration = new MealRegistration();
                    registration.canteenId = canteenId;
                    registration.personId = personId;
                    registration.date = date;
                    registration.meal = meal;
                    return registrations.persist(registration);
                });
    }

    @WithTransaction
    public Uni<Boolean> cancel(UUID personId, UUID canteenId, LocalDate date, Meal meal) {
        return requireOpen(canteenId, date, meal)
                .chain(() -> registrations.deleteOf(personId, canteenId, date, meal))
                .map(deleted -> {
                    if (deleted == 0) {
                        throw ApiException.notFound("Registration for " + date + " " + meal + " at canteen", canteenId);
                    }
                    return true;
                });
    }

    @WithSession
    public Uni<List<MealRegistration>> mine(UUID personId, LocalDate from, LocalDate to) {
        MenuService.checkRange(from, to, MenuService.MAX_DAYS);
        return registrations.ofPerson(personId, from, to);
    }

    /** VALIDATION (field date) once the meal's cut-off has passed in the site's time zone. */
    private Uni<Void> requireOpen(UUID canteenId, LocalDate date, Meal meal) {
        return canteens.require(canteenId).chain(canteen -> sites.findById(canteen.siteId))
                .chain(site -> cutoffs(canteenId).map(all -> all.get(meal.ordinal()).deadline(date, site.zone())))
                .invoke(deadline -> {
                    if (!clock.now().atZoneSameInstant(deadline.getZone()).isBefore(deadline)) {
                        throw ApiException.validation("date", "Registration for " + date + " " + meal
                                + " closed at " + deadline.toOffsetDateTime());
                    }
                }).replaceWithVoid();
    }

    /**
     * For each meal of the days from..to: registrations, and a suggestion of portions: registrations plus the
     * average of (covers - registrations) over the last N earlier meals of the same kind at this canteen whose
     * covers were recorded (N = dayuan.canteen.walk-in.sample-meals), rounded half up; never below 0.
     */
    @WithSession
    public Uni<List<PlannedMeal>> plan(UUID canteenId, LocalDate from, LocalDate to) {
        MenuService.checkRange(from, to, 31);
        return canteens.require(canteenId).chain(canteen -> sites.findById(canteen.siteId))
                .chain(site -> cutoffs(canteenId).map(all -> deadlines(all, site.zone())))
                .chain(deadlines -> planFigures(canteenId, from, to)
                        .map(figures -> planned(from, to, figures, deadlines)));
    }

    /** What the plan is made of, read in three queries one after another (one session serves one at a time). */
    private record PlanFigures(Map<DayMeal, Long> registered, Map<DayMeal, Long> portions,
            Map<Meal, List<Long>> walkIns) {
    }

    private Uni<PlanFigures> planFigures(UUID canteenId, LocalDate from, LocalDate to) {
        return registrations.countByDayMeal(canteenId, from, to)
                .chain(registered -> menus.plannedPortions(canteenId, from, to)
                        .chain(portions -> history(canteenId, from)
                                .map(walkIns -> new PlanFigures(registered, portions, walkIns))));
    }

    /** When registration for a meal of a day closes, in the site's zone. */
    private static Function<DayMeal, OffsetDateTime> deadlines(List<Cutoff> cutoffs, ZoneId zone) {
        return key -> cutoffs.get(key.meal().ordinal()).deadline(key.date(), zone).toOffsetDateTime();
    }

    private static List<PlannedMeal> planned(LocalDate from, LocalDate to, PlanFigures figures,
            Function<DayMeal, OffsetDateTime> deadline) {
        List<PlannedMeal> result = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Meal meal : Meal.values()) {
                DayMeal key = new DayMeal(date, meal);
                long count = figures.registered().getOrDefault(key, 0L);
                List<Long> sample = figures.walkIns().getOrDefault(meal, List.of());
                Double average = sample.isEmpty() ? null
                        : sample.stream().mapToLong(Long::longValue).average().orElseThrow();
                result.add(new PlannedMeal(date, meal, count, average, sample.size(), suggest(count, average),
                        figures.portions().get(key), deadline.apply(key)));
            }
        }
        return result;
    }

    static long suggest(long registrations, Double walkInAverage) {
        return Math.max(0, registrations + (walkInAverage == null ? 0 : Math.round(walkInAverage)));
    }

    /** covers - registrations of the last N meals of each kind before the given date, newest first. */
    private Uni<Map<Meal, List<Long>>> history(UUID canteenId, LocalDate before) {
        return covers.walkIns(canteenId, before, before.minusDays(HISTORY_DAYS)).map(rows -> {
            Map<Meal, List<Long>> byMeal = new HashMap<>();
            for (Object[] row : rows) {
                List<Long> sample = byMeal.computeIfAbsent((Meal) row[0], meal -> new ArrayList<>());
                if (sample.size() < config.walkIn().sampleMeals()) {
                    sample.add(((Number) row[1]).longValue());
                }
            }
            return byMeal;
        });
    }

    static LocalTime parseTime(String at) {
        try {
            LocalTime time = LocalTime.parse(at);
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw ApiException.validation("at", "at is a time of day as HH:mm");
            }
            return time;
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation("at", "at is a time of day as HH:mm");
        }
    }

    /** The canteen and the current date in its site's zone. */
    @WithSession
    public Uni<LocalDate> today(Canteen canteen) {
        return sites.findById(canteen.siteId).map(site -> clock.today(site.zone()));
    }
}
