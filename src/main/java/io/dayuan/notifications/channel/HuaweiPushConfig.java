package io.dayuan.notifications.channel;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Huawei Push Kit (off until the app id and the OAuth client secret are set). */
@ConfigMapping(prefix = "dayuan.notifications.huawei")
public interface HuaweiPushConfig {

    /** The app's APP ID in AppGallery Connect. */
    Optional<String> appId();

    /** The OAuth 2 client id; for Push Kit the app id unless a separate server client was made. */
    Optional<String> clientId();

    /** The OAuth 2 client secret (the app's App Secret, or the server client's secret). */
    Optional<String> clientSecret();

    @WithDefault("https://push-api.cloud.huawei.com")
    String url();

    @WithDefault("https://oauth-login.cloud.huawei.com/oauth2/v3/token")
    String tokenUrl();
}
