package io.dayuan.canteen.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.canteen.Meal;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.DishRatingRepository;
import io.dayuan.canteen.repository.LeftoverOfferRepository;
import io.dayuan.canteen.repository.MealCoversRepository;
import io.dayuan.canteen.repository.MealRegistrationRepository;
import io.dayuan.canteen.service.WasteService.StageGrams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The figures a canteen reports under the anti-food-waste law, for any period. */
@ApplicationScoped
public class CanteenReportService {

    public record MealFigures(@NonNull Meal meal, long registrations, long covers,
            @Description("covers / registrations; null without registrations") Double coversPerRegistration) {
    }

    public record DishScore(@NonNull String dishName, double averageRating, long ratings) {
    }

    @Description("A canteen's figures between two dates (inclusive)")
    public record CanteenReport(@NonNull LocalDate from, @NonNull LocalDate to, long covers, long registrations,
            @Description("covers / registrations; null without registrations") Double coversPerRegistration,
            @NonNull List<@NonNull MealFigures> byMeal, long wasteGrams,
            @Description("wasteGrams / covers; null without covers") Double wasteGramsPerCover,
            @NonNull @Description("Waste by stage, with grams per cover") List<@NonNull StageGrams> wasteByStage,
            long leftoverPortionsOffered, long leftoverPortionsClaimed,
            @Description("Average stars of the dishes served in the period; null without ratings") Double averageRating,
            long ratings, @NonNull @Description("Dishes served in the period, best rated first") List<@NonNull DishScore> dishRatings) {
    }

    @Inject
    CanteenRepository canteens;

    @Inject
    MealRegistrationRepository registrations;

    @Inject
    MealCoversRepository covers;

    @Inject
    LeftoverOfferRepository offers;

    @Inject
    DishRatingRepository ratings;

    @Inject
    WasteService waste;

    @WithSession
    public Uni<CanteenReport> report(UUID canteenId, LocalDate from, LocalDate to) {
        MenuService.checkRange(from, to, WasteService.MAX_REPORT_DAYS);
        return canteens.require(canteenId).chain(() -> mealRows(canteenId, from, to))
                .chain(meals -> leftoversAndScores(canteenId, from, to, meals))
                .chain(read -> waste.figures(canteenId, from, to).map(figures -> build(from, to, read, figures)));
    }

    /** The rows the report is made of besides the waste figures, read one query after another. */
    private record Read(MealRows meals, Object[] leftovers, List<Object[]> scores) {
    }

    /** (meal, registrations) and (meal, covers) rows. */
    private record MealRows(List<Object[]> registered, List<Object[]> served) {
    }

    private Uni<MealRows> mealRows(UUID canteenId, LocalDate from, LocalDate to) {
        return registrations.countByMeal(canteenId, from, to)
                .chain(registered -> covers.byMeal(canteenId, from, to)
                        .map(served -> new MealRows(registered, served)));
    }

    private Uni<Read> leftoversAndScores(UUID canteenId, LocalDate from, LocalDate to, MealRows meals) {
        return offers.totals(canteenId, from, to)
                .chain(leftovers -> ratings.scores(canteenId, from, to)
                        .map(scores -> new Read(meals, leftovers, scores)));
    }

    private static CanteenReport build(LocalDate from, LocalDate to, Read read, WasteService.Figures figures) {
        List<Object[]> scores = read.scores();
        Object[] leftovers = read.leftovers();
        Map<Meal, Long> registrations = new EnumMap<>(Meal.class);
        read.meals().registered().forEach(row -> registrations.put((Meal) row[0], number(row[1])));
        Map<Meal, Long> covers = new EnumMap<>(Meal.class);
        read.meals().served().forEach(row -> covers.put((Meal) row[0], number(row[1])));
        List<MealFigures> byMeal = new ArrayList<>();
        for (Meal meal : Meal.values()) {
            long r = registrations.getOrDefault(meal, 0L);
            long c = covers.getOrDefault(meal, 0L);
            byMeal.add(new MealFigures(meal, r, c, r == 0 ? null : (double) c / r));
        }
        long totalRegistrations = registrations.values().stream().mapToLong(Long::longValue).sum();
        long totalCovers = covers.values().stream().mapToLong(Long::longValue).sum();
        long grams = figures.grams(from, to, null);
        List<DishScore> dishScores = scores.stream()
                .map(row -> new DishScore((String) row[0], ((Number) row[1]).doubleValue(), number(row[2]))).toList();
        long ratingCount = dishScores.stream().mapToLong(DishScore::ratings).sum();
        Double average = ratingCount == 0 ? null
                : dishScores.stream().mapToDouble(score -> score.averageRating() * score.ratings()).sum() / ratingCount;
        return new CanteenReport(from, to, totalCovers, totalRegistrations,
                totalRegistrations == 0 ? null : (double) totalCovers / totalRegistrations, byMeal, grams,
                WasteService.perCover(grams, totalCovers), figures.byStage(from, to), number(leftovers[0]),
                number(leftovers[1]), average, ratingCount, dishScores);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
