package io.dayuan.rooms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Meeting rooms' settings. */
@ConfigMapping(prefix = "dayuan.rooms")
public interface RoomsConfig {

    /** The organizer's reminder comes this many minutes before a meeting. */
    @WithDefault("15")
    int reminderMinutes();

    /** Tea, AV and video-conference setup tasks are due this many minutes before the start (cleaning at the end). */
    @WithDefault("30")
    int serviceLeadMinutes();

    /**
     * How often bookings not checked in by the end of their window are released; read by a {@code @Scheduled}
     * expression, its value is in application.properties.
     */
    String releaseEvery();

    /** Opening hours for the utilisation report, in each site's time zone. */
    OpeningHours openingHours();

    /** Calendar feeds ({@code GET /calendar/<token>.ics}). */
    Calendar calendar();

    interface OpeningHours {

        @WithDefault("08:00")
        LocalTime opens();

        @WithDefault("18:00")
        LocalTime closes();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> days();
    }

    interface Calendar {

        /** The public base URL of the feeds. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** How many days back a feed reaches. */
        @WithDefault("90")
        int pastDays();
    }
}
