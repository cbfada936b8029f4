package io.dayuan.sites;

import java.time.ZoneId;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

/** A compound with its own gates, rooms and canteens (院区). */
@Entity
@Description("A compound with its own gates, rooms and canteens")
public class Site extends Identified {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @NonNull
    public String name;

    @Description("IANA time zone in which the site's dates are read")
    @NonNull
    public String timeZone;

    @Description("The site's postal address, shown to visitors")
    public String address;

    @Description("How a visitor finds the gate and where to go once inside, shown with the visitor's pass")
    public String visitorDirections;

    @Ignore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
