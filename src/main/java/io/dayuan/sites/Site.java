package io.dayuan.sites;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

/** A compound with its own gates, rooms and canteens (院区). */
@Entity
@Description("A compound with its own gates, rooms and canteens")
public class Site {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @Id
    @GeneratedValue
    public UUID id;

    public String name;

    @Description("IANA time zone in which the site's dates are read")
    public String timeZone;

    @Ignore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
