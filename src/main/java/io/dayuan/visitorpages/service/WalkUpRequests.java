package io.dayuan.visitorpages.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.ErrorCode;
import io.dayuan.sites.Site;
import io.dayuan.visitorpages.FieldError;
import io.dayuan.visitorpages.FieldError.Kind;
import io.dayuan.visitorpages.WalkUpForm;
import io.dayuan.visits.service.VisitService;
import io.dayuan.visits.service.VisitService.VisitRequest;
import io.dayuan.visits.service.VisitorInput;
import io.smallrye.mutiny.Uni;

/**
 * The walk-up form's {@code requestVisit}: every field checked at once by the API's own rules (the request's
 * constraints, then {@link VisitorInput}), so the visitor sees all that is wrong in one go; then the visits service
 * decides as it does for the API (rate limits, unknown hosts parked, the same answer for every host phone).
 */
@ApplicationScoped
public class WalkUpRequests {

    /** The request sent, or the fields at fault, or the rate limit hit. */
    public record Outcome(boolean sent, List<FieldError> errors, boolean rateLimited) {
    }

    /** The fields in the order the form shows them, which is the order of its error list. */
    static final List<String> FORM_ORDER = List.of("hostPhone", "visitorName", "visitorPhone", "purpose", "date",
            "fromTime", "untilTime", "plate");

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    VisitService visits;

    public Uni<Outcome> submit(Site site, WalkUpForm form, String client) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = parse(errors, "date", form.date, LocalDate::parse, Kind.DATE);
        LocalTime from = parse(errors, "fromTime", form.fromTime, LocalTime::parse, Kind.TIME);
        LocalTime until = parse(errors, "untilTime", form.untilTime, LocalTime::parse, Kind.TIME);
        VisitRequest request = new VisitRequest(site.id.toString(), form.hostPhone, form.visitorName,
                form.visitorPhone, form.purpose, at(site, date, from), at(site, date, until), form.plate, null, null,
                null);
        for (ConstraintViolation<VisitRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            if (field.startsWith("arrive")) {
                continue; // the date and time fields said what is missing
            }
            boolean tooLong = violation.getConstraintDescriptor().getAnnotation() instanceof Size;
            add(errors, ApiException.validation(field, tooLong ? violation.getMessage() : field + " is required"),
                    tooLong ? Kind.TOO_LONG : Kind.REQUIRED);
        }
        check(errors, () -> VisitorInput.mobile("hostPhone", form.hostPhone));
        check(errors, () -> VisitorInput.mobile("visitorPhone", form.visitorPhone));
        check(errors, () -> VisitorInput.plate("plate", form.plate));
        if (request.arriveFrom() != null && request.arriveUntil() != null) {
            check(errors, () -> VisitorInput.window(clock.now(), request.arriveFrom(), request.arriveUntil()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(error -> FORM_ORDER.indexOf(error.field())));
            return Uni.createFrom().item(new Outcome(false, errors, false));
        }
        return visits.request(request, client).map(visit -> new Outcome(true, List.of(), false))
                .onFailure(ApiException.class).recoverWithUni(failure -> refused((ApiException) failure));
    }

    private static Uni<Outcome> refused(ApiException failure) {
        if (failure.code() == ErrorCode.RATE_LIMITED) {
            return Uni.createFrom().item(new Outcome(false, List.of(), true));
        }
        if (failure.code() == ErrorCode.VALIDATION && failure.field() != null) {
            return Uni.createFrom().item(new Outcome(false, List.of(FieldError.of(failure)), false));
        }
        return Uni.createFrom().failure(failure);
    }

    private static OffsetDateTime at(Site site, LocalDate date, LocalTime time) {
        return date == null || time == null ? null : date.atTime(time).atZone(site.zone()).toOffsetDateTime();
    }

    private static <T> T parse(List<FieldError> errors, String field, String text, Function<String, T> parser,
            Kind malformed) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, Kind.REQUIRED, field + " is required"));
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, malformed, field + " is not valid"));
            return null;
        }
    }

    /** A check of VisitorInput; a field already at fault keeps its first error. */
    private static void check(List<FieldError> errors, Runnable check) {
        try {
            check.run();
        } catch (ApiException failure) {
            add(errors, failure, null);
        }
    }

    private static void add(List<FieldError> errors, ApiException failure, Kind kind) {
        FieldError error = FieldError.of(failure);
        if (kind != null) {
            error = new FieldError(error.field(), kind, error.apiMessage());
        }
        String field = error.field();
        if (errors.stream().noneMatch(known -> known.field().equals(field))) {
            errors.add(error);
        }
    }
}
