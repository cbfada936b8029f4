package io.dayuan.notifications;

/**
 * What a feature tells a person: a kind (for preferences, e.g. {@code BOOKING_REMINDER}), a title and body in
 * both languages, and a link into the app (e.g. {@code dayuan://bookings/<id>}).
 */
public record Notice(String kind, LocalizedText title, LocalizedText body, String link) {
}
