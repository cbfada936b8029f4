package io.dayuan.notifications.channel;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The JPush (极光推送) aggregator (off until the app key and master secret are set). */
@ConfigMapping(prefix = "dayuan.notifications.jpush")
public interface JPushConfig {

    /** The app's AppKey in the JPush console. */
    Optional<String> appKey();

    /** The app's Master Secret in the JPush console. */
    Optional<String> masterSecret();

    @WithDefault("https://api.jpush.cn")
    String url();

    /** Whether iOS pushes go to APNs production (false: the sandbox of development builds). */
    @WithDefault("true")
    boolean apnsProduction();
}
