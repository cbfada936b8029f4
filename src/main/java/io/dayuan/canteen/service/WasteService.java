package io.dayuan.canteen.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.MealCovers;
import io.dayuan.canteen.WasteRecord;
import io.dayuan.canteen.WasteStage;
import io.dayuan.canteen.repository.CanteenRepository;
import io.dayuan.canteen.repository.MealCoversRepository;
import io.dayuan.canteen.repository.WasteRecordRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Waste events, covers served, and the waste report. */
@ApplicationScoped
public class WasteService {

    @Inject
    Clock clock;

    static final int MAX_REPORT_DAYS = 366;

    @Input("RecordWasteInput")
    public record WasteInput(@NotNull @Id String canteenId, @NotNull LocalDate date, @NotNull Meal meal,
            @NotNull WasteStage stage,
            @Description("Weight in grams, 1 to 500000") @Min(1) @Max(500_000) int weightGrams,
            @Id String dishId, @Size(max = 500) String reason,
            @Description("What the wasted food cost, in cents") @PositiveOrZero @Max(100_000_000) Integer costCents,
            @Description("Recorded during an unannounced inspection") Boolean inspection) {
    }

    public record StageGrams(@NonNull WasteStage stage, long grams,
            @Description("grams / covers of the period; null without covers") Double gramsPerCover) {
    }

    public record DayWaste(@NonNull LocalDate date, long grams, long covers, Double gramsPerCover) {
    }

    @Description("Waste and covers of a period")
    public record WastePeriod(@NonNull LocalDate from, @NonNull LocalDate to, long totalGrams, long covers,
            Double gramsPerCover) {
    }

    @Description("Waste of a canteen between two dates (inclusive), against the period of the same length just before")
    public record WasteReport(@NonNull LocalDate from, @NonNull LocalDate to, long totalGrams, long covers,
            @Description("totalGrams / covers; null without covers") Double gramsPerCover,
            @NonNull List<@NonNull StageGrams> byStage, @NonNull List<@NonNull DayWaste> byDay,
            @Description("Waste records made during unannounced inspections") long inspectionRecords,
            @Description("Sum of the recorded costs, in cents") long costCents,
            @NonNull WastePeriod previous,
            @Description("Relative change of totalGrams against the previous period in percent; null if it had none") Double totalGramsChangePercent,
            @Description("Relative change of gramsPerCover against the previous period in percent; null if either is null") Double gramsPerCoverChangePercent) {
    }

    @Inject
    WasteRecordRepository records;

    @Inject
    MealCoversRepository covers;

    @Inject
    CanteenRepository canteens;

    @Inject
    DishService dishes;

    @Inject
    MealService meals;

    @WithTransaction
    public Uni<WasteRecord> record(UUID personId, WasteInput input) {
        UUID canteenId = Ids.parse("canteenId", input.canteenId());
        UUID dishId = Ids.parse("dishId", input.dishId());
        return canteens.require(canteenId).chain(canteen -> requireNotFuture(canteen, input.date()))
                .chain(() -> dishId == null ? Uni.createFrom().voidItem() : dishes.require(dishId).map(dish -> {
                    if (!dish.canteenId.equals(canteenId)) {
                        throw ApiException.validation("dishId", "The dish belongs to another canteen");
                    }
                    return null;
                }))
                .chain(() -> {
                    WasteRecord record = new WasteRecord();
                    record.canteenId = canteenId;
                    record.date = input.date();
                    record.meal = input.meal();
                    record.stage = input.stage();
                    record.weightGrams = input.weightGrams();
                    record.dishId = dishId;
                    record.reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
                    record.costCents = input.costCents();
                    record.inspection = Boolean.TRUE.equals(input.inspection());
                    record.recordedBy = personId;
                    return records.persist(record);
                });
    }

    /** Sets the covers served at a meal (replacing an earlier count). */
    @WithTransaction
    public Uni<Integer> recordCovers(UUID canteenId, LocalDate date, Meal meal, int count) {
        if (count < 0 || count > 100_000) {
            throw ApiException.validation("covers", "covers is between 0 and 100000");
        }
        return canteens.require(canteenId).chain(canteen -> requireNotFuture(canteen, date))
                .chain(() -> covers.findOf(canteenId, date, meal))
                .chain(existing -> {
                    MealCovers row = existing != null ? existing : new MealCovers();
                    row.canteenId = canteenId;
                    row.date = date;
                    row.meal = meal;
                    row.covers = count;
                    row.recordedAt = clock.now();
                    return existing != null ? Uni.createFrom().item(row) : covers.persist(row);
                })
                .map(row -> row.covers);
    }

    private Uni<Void> requireNotFuture(Canteen canteen, LocalDate date) {
        return meals.today(canteen).map(today -> {
            if (date.isAfter(today)) {
                throw ApiException.validation("date", "date is in the future");
            }
            return null;
        });
    }

    @WithSession
    public Uni<WasteReport> report(UUID canteenId, LocalDate from, LocalDate to) {
        MenuService.checkRange(from, to, MAX_REPORT_DAYS);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);
        return canteens.require(canteenId).chain(() -> figures(canteenId, previousFrom, to))
                .map(figures -> figures.report(from, to, previousFrom));
    }

    /** Grams by day and stage, covers by day, inspection count and cost of the days from..to (two queries). */
    Uni<Figures> figures(UUID canteenId, LocalDate from, LocalDate to) {
        return records.byDayAndStage(canteenId, from, to)
                .chain(waste -> covers.byDay(canteenId, from, to).map(coverRows -> Figures.of(waste, coverRows)));
    }

    /** Daily figures of a span of days, summed over any sub-period. */
    static final class Figures {
        final Map<LocalDate, Map<WasteStage, Long>> grams = new HashMap<>();
        final Map<LocalDate, Long> covers = new HashMap<>();
        final Map<LocalDate, Long> cost = new HashMap<>();
        final Map<LocalDate, Long> inspections = new HashMap<>();

        static Figures of(List<Object[]> waste, List<Object[]> coverRows) {
            Figures figures = new Figures();
            for (Object[] row : waste) {
                LocalDate date = (LocalDate) row[0];
                figures.grams.computeIfAbsent(date, d -> new EnumMap<>(WasteStage.class))
                        .merge((WasteStage) row[1], ((Number) row[2]).longValue(), Long::sum);
                figures.cost.merge(date, ((Number) row[3]).longValue(), Long::sum);
                figures.inspections.merge(date, ((Number) row[4]).longValue(), Long::sum);
            }
            for (Object[] row : coverRows) {
                figures.covers.put((LocalDate) row[0], ((Number) row[1]).longValue());
            }
            return figures;
        }

        long grams(LocalDate from, LocalDate to, WasteStage stage) {
            long sum = 0;
            for (var day : grams.entrySet()) {
                if (!day.getKey().isBefore(from) && !day.getKey().isAfter(to)) {
                    sum += stage == null ? day.getValue().values().stream().mapToLong(Long::longValue).sum()
                            : day.getValue().getOrDefault(stage, 0L);
                }
            }
            return sum;
        }

        static long sum(Map<LocalDate, Long> values, LocalDate from, LocalDate to) {
            return values.entrySet().stream().filter(day -> !day.getKey().isBefore(from) && !day.getKey().isAfter(to))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long covers(LocalDate from, LocalDate to) {
            return sum(covers, from, to);
        }

        List<StageGrams> byStage(LocalDate from, LocalDate to) {
            long served = covers(from, to);
            List<StageGrams> result = new ArrayList<>();
            for (WasteStage stage : WasteStage.values()) {
                long sum = grams(from, to, stage);
                result.add(new StageGrams(stage, sum, perCover(sum, served)));
            }
            return result;
        }

        WasteReport report(LocalDate from, LocalDate to, LocalDate previousFrom) {
            LocalDate previousTo = from.minusDays(1);
            long total = grams(from, to, null);
            long served = covers(from, to);
            List<DayWaste> byDay = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                long dayGrams = grams(date, date, null);
                long dayCovers = covers.getOrDefault(date, 0L);
                if (dayGrams > 0 || dayCovers > 0) {
                    byDay.add(new DayWaste(date, dayGrams, dayCovers, perCover(dayGrams, dayCovers)));
                }
            }
            long previousTotal = grams(previousFrom, previousTo, null);
            long previousCovers = covers(previousFrom, previousTo);
            WastePeriod previous = new WastePeriod(previousFrom, previousTo, previousTotal, previousCovers,
                    perCover(previousTotal, previousCovers));
            Double perCover = perCover(total, served);
            return new WasteReport(from, to, total, served, perCover, byStage(from, to), byDay,
                    sum(inspections, from, to), sum(cost, from, to), previous,
                    changePercent(total, previousTotal == 0 ? null : (double) previousTotal),
                    perCover == null ? null : changePercent(perCover, previous.gramsPerCover()));
        }
    }

    static Double perCover(long grams, long covers) {
        return covers == 0 ? null : (double) grams / covers;
    }

    static Double changePercent(double now, Double before) {
        return before == null || before == 0 ? null : (now - before) * 100.0 / before;
    }
}
