package io.dayuan.visits.rest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dayuan.gates.Direction;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.InputLimits;
import io.dayuan.platform.Ids;
import io.dayuan.visits.AccessDevice;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.service.DeviceEvents;
import io.dayuan.visits.service.DeviceEvents.Outcome;
import io.dayuan.visits.service.DeviceEvents.Reported;
import io.dayuan.visits.service.DeviceService;
import io.dayuan.visits.service.VisitorInput;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.json.JsonObject;

/**
 * Events that access devices post: {@code POST /devices/{deviceId}/events}, authenticated per device with HTTP
 * Basic (any user name, the device's event secret as password; or {@code Bearer <secret>}). The body is either
 * Dayuan's form {@code {"serialNo", "employeeNo" | "plate", "direction": "IN"|"OUT", "time"}} or a Hikvision
 * access-control event {@code {"dateTime", "AccessControllerEvent": {"serialNo", "employeeNoString",
 * "attendanceStatus": "checkIn"|"checkOut"}}} or ANPR event {@code {"dateTime", "ANPR": {"licensePlate"}, "UUID"}}.
 */
@Path("/devices/{deviceId}/events")
@PermitAll
public class DeviceEventResource {

    @Inject
    Clock clock;

    /** Serials, employee numbers and plates: Hikvision's own fields hold at most 32 characters. */
    private static final int DEVICE_TEXT_LENGTH = 64;

    @Inject
    DeviceService devices;

    @Inject
    DeviceEvents events;

    @Inject
    VisitsConfig config;

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("deviceId") String deviceId, @HeaderParam("Authorization") String authorization,
            String body) throws Throwable {
        var id = Ids.parse("deviceId", deviceId);
        AccessDevice device = VertxContextSupport.subscribeAndAwait(() -> devices.authenticate(id, authorization));
        Reported reported = parse(body);
        Outcome outcome = VertxContextSupport.subscribeAndAwait(() -> events.record(device, reported));
        return Response.ok(new JsonObject().put("recorded", outcome.recorded())
                .put("visitId", outcome.visitId() == null ? null : outcome.visitId().toString())
                .put("visitStatus", outcome.visitStatus()).encode()).build();
    }

    private Reported parse(String body) {
        JsonObject json;
        try {
            json = new JsonObject(body == null ? "" : body);
        } catch (RuntimeException notJson) {
            throw ApiException.validation("body", "the event is not JSON");
        }
        JsonObject access = json.getJsonObject("AccessControllerEvent");
        JsonObject anpr = json.getJsonObject("ANPR");
        String serial;
        String employeeNo = null;
        String plate = null;
        Direction direction = null;
        String time;
        if (access != null) {
            serial = text("serialNo", access.getValue("serialNo"));
            employeeNo = text("employeeNoString", access.getValue("employeeNoString"));
            String status = access.getString("attendanceStatus");
            direction = "checkOut".equalsIgnoreCase(status) ? Direction.OUT
                    : "checkIn".equalsIgnoreCase(status) ? Direction.IN : null;
            time = json.getString("dateTime");
        } else if (anpr != null) {
            serial = text("serialNo", json.getValue("UUID", anpr.getValue("serialNo")));
            plate = text("plate", anpr.getValue("licensePlate"));
            time = json.getString("dateTime");
        } else {
            serial = text("serialNo", json.getValue("serialNo"));
            employeeNo = text("employeeNo", json.getValue("employeeNo"));
            plate = text("plate", json.getValue("plate"));
            String given = json.getString("direction");
            if (given != null) {
                try {
                    direction = Direction.valueOf(given.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.validation("direction", "direction is IN or OUT");
                }
            }
            time = json.getString("time");
        }
        if (serial == null || serial.isBlank() || serial.length() > 100) {
            throw ApiException.validation("serialNo", "the event's serial number is required");
        }
        if (employeeNo == null && plate == null) {
            throw ApiException.validation("employeeNo", "the event names an employeeNo or a plate");
        }
        return new Reported(serial, employeeNo, plate == null ? null : VisitorInput.plate("plate", plate), direction,
                time(time));
    }

    private OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return inRange(OffsetDateTime.parse(value));
        } catch (DateTimeParseException withoutOffset) {
            try {
                ZoneId zone = ZoneId.of(config.deviceTimeZone());
                return inRange(LocalDateTime.parse(value).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("time", "the event's time is not ISO-8601");
            }
        }
    }

    private OffsetDateTime inRange(OffsetDateTime time) {
        InputLimits.checkDate("time", time.toLocalDate(), clock.today(ZoneOffset.UTC));
        return time;
    }

    /** A device's field held to the rules of any input: a serial is never negative, text is clean and bounded. */
    private static String text(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.longValue() < 0) {
            throw ApiException.validation(field, field + " must not be negative");
        }
        String text = value.toString();
        InputLimits.checkText(field, text, DEVICE_TEXT_LENGTH);
        return text;
    }
}
