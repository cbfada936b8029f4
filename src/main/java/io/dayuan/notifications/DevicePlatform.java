package io.dayuan.notifications;

import org.eclipse.microprofile.graphql.Description;

@Description("The platform of a phone registered for push: ANDROID (an FCM token) or IOS (an APNs device token, or an "
        + "FCM token when the app uses Firebase on iOS)")
public enum DevicePlatform {
    ANDROID,
    IOS
}
