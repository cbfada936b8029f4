package io.dayuan.rooms.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.dayuan.rooms.Frequency;
import io.dayuan.rooms.Room;
import io.dayuan.rooms.service.BookingService.NewBooking;
import io.dayuan.rooms.service.BookingService.Occurrence;
import io.dayuan.rooms.service.BookingService.Recurrence;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Recurrence expansion for arbitrary series in zones with and without daylight saving time: it ends where count or
 * until says, every occurrence starts at the first one's local time in the site's zone, never more than a year
 * ahead, strictly one after another.
 */
class RecurrencePropertyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 4, 1, 0, 0, 0, ZoneOffset.UTC);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneOffset.UTC);

    /** A series asked for: the first start (local, in its zone), its length, the recurrence and the room's cleanup. */
    record Series(ZonedDateTime first, int minutes, Recurrence recurrence, int cleanupMinutes) {

        Period step() {
            int interval = recurrence.interval() == null ? 1 : recurrence.interval();
            return recurrence.frequency() == Frequency.DAILY ? Period.ofDays(interval) : Period.ofWeeks(interval);
        }

        List<Occurrence> expand() {
            OffsetDateTime start = first.toOffsetDateTime();
            NewBooking input = new NewBooking("room", "例会", start, start.plusMinutes(minutes), null, null, recurrence,
                    null);
            Room room = new Room();
            room.cleanupMinutes = cleanupMinutes;
            return BookingService.occurrences(input, room, first.getZone(), NOW);
        }

        LocalDate limit() {
            return NOW.atZoneSameInstant(first.getZone()).toLocalDate().plusYears(1);
        }

        /** Occurrences closer than their length and cleanup would overlap each other. */
        boolean tooClose() {
            return Duration.ofMinutes(minutes + cleanupMinutes).compareTo(Duration.ofDays(step().getDays())) > 0;
        }

        Series withCount(int count) {
            return new Series(first, minutes, new Recurrence(recurrence.frequency(), recurrence.interval(), count, null),
                    cleanupMinutes);
        }
    }

    @Provide
    Arbitrary<Series> series() {
        Arbitrary<ZonedDateTime> firsts = Combinators.combine(Arbitraries.of(ZONES),
                Arbitraries.integers().between(1, 120), Arbitraries.integers().between(6 * 4, 20 * 4))
                .as((zone, days, quarter) -> NOW.atZoneSameInstant(zone).toLocalDate().plusDays(days)
                        .atTime(LocalTime.of(quarter / 4, quarter % 4 * 15)).atZone(zone));
        Arbitrary<Recurrence> recurrences = Combinators.combine(Arbitraries.of(Frequency.class),
                Arbitraries.integers().between(1, 4).injectNull(0.3), Arbitraries.integers().between(1, 80),
                Arbitraries.integers().between(-10, 500), Arbitraries.of(true, false))
                .as((frequency, interval, count, untilDays, byCount) -> new Recurrence(frequency, interval,
                        byCount ? count : null, byCount ? null : NOW.toLocalDate().plusDays(untilDays)));
        return Combinators.combine(firsts, Arbitraries.integers().between(15, 240), recurrences,
                Arbitraries.integers().between(0, 30)).as(Series::new);
    }

    @Property(tries = 500)
    void aSeriesEndsWhereItsCountOrUntilSays(@ForAll("series") Series series) {
        List<Occurrence> occurrences = expandedOrRefused(series);
        if (occurrences == null) {
            return;
        }
        Recurrence recurrence = series.recurrence();
        if (recurrence.count() != null) {
            assertThat(occurrences).hasSize(recurrence.count());
        } else {
            LocalDate last = occurrences.get(occurrences.size() - 1).date();
            assertThat(last).isBeforeOrEqualTo(recurrence.until());
            assertThat(last.plus(series.step())).isAfter(recurrence.until());
        }
    }

    @Property(tries = 500)
    void everyOccurrenceStartsAtTheSameLocalTimeOneStepAfterTheLast(@ForAll("series") Series series) {
        List<Occurrence> occurrences = expandedOrRefused(series);
        if (occurrences == null) {
            return;
        }
        ZoneId zone = series.first().getZone();
        for (int i = 0; i < occurrences.size(); i++) {
            Occurrence occurrence = occurrences.get(i);
            ZonedDateTime local = occurrence.start().atZoneSameInstant(zone);
            assertThat(local.toLocalTime()).isEqualTo(series.first().toLocalTime());
            assertThat(occurrence.date()).isEqualTo(series.first().toLocalDate().plus(series.step().multipliedBy(i)));
            assertThat(Duration.between(occurrence.start(), occurrence.end())).isEqualTo(Duration.ofMinutes(series.minutes()));
            assertThat(occurrence.heldUntil()).isEqualTo(occurrence.end().plusMinutes(series.cleanupMinutes()));
            if (i > 0) {
                assertThat(occurrence.start()).isAfter(occurrences.get(i - 1).heldUntil().minusNanos(1));
            }
        }
    }

    @Property(tries = 500)
    void noOccurrenceIsMoreThanAYearAheadAndALongerSeriesIsRefused(@ForAll("series") Series series) {
        List<Occurrence> occurrences = expandedOrRefused(series);
        LocalDate reached = series.recurrence().count() == null ? series.recurrence().until()
                : series.first().toLocalDate().plus(series.step().multipliedBy(series.recurrence().count() - 1));
        boolean tooFar = reached.isAfter(series.limit());
        boolean tooClose = series.tooClose();
        boolean endsBeforeStart = series.recurrence().until() != null
                && series.recurrence().until().isBefore(series.first().toLocalDate());
        assertThat(occurrences == null).isEqualTo(tooFar || tooClose || endsBeforeStart);
        if (occurrences != null) {
            assertThat(occurrences).allSatisfy(o -> assertThat(o.date()).isBeforeOrEqualTo(series.limit()));
        }
    }

    @Property(tries = 300)
    void theLastOccurrenceMayFallOnTheLimitButNotADayAfterIt(@ForAll("series") Series series) {
        Assume.that(!series.tooClose());
        int within = 0;
        while (!series.first().toLocalDate().plus(series.step().multipliedBy(within)).isAfter(series.limit())) {
            within++;
        }
        List<Occurrence> upToTheLimit = series.withCount(within).expand();
        assertThat(upToTheLimit).hasSize(within);
        assertThat(upToTheLimit.get(within - 1).date().plus(series.step())).isAfter(series.limit());
        Series oneMore = series.withCount(within + 1);
        assertThat(catchThrowableOfType(ApiException.class, oneMore::expand))
                .as("a series one occurrence past the limit").isNotNull();
    }

    /** The occurrences, or null when the series is refused (always as VALIDATION naming a recurrence field). */
    private static List<Occurrence> expandedOrRefused(Series series) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> series.expand());
        if (refused != null) {
            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(refused.field()).startsWith("recurrence.");
            return null;
        }
        return series.expand();
    }
}
