package io.dayuan.emergency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many emergency broadcasts a site may get, so that a mistake cannot flood phones. */
@ConfigMapping(prefix = "dayuan.emergency")
public interface EmergencyConfig {

    /** At most this many broadcasts per site in any window. */
    @WithDefault("3")
    int limit();

    /** The window of the limit, counted back from now. */
    @WithDefault("PT10M")
    Duration window();
}
