package io.dayuan.notifications;

import java.util.Set;

import org.eclipse.microprofile.graphql.Description;

import io.dayuan.notifications.channel.ApnsSender;

@Description("The push service a device token belongs to: FCM, APNS (iOS device tokens), HUAWEI (Huawei Push Kit) "
        + "or JPUSH (the JPush aggregator, which reaches Xiaomi, OPPO, vivo and Honor phones through their vendor "
        + "channels). HONOR, XIAOMI, OPPO and VIVO directly are not supported (registerDevice refuses them with "
        + "VALIDATION): register their phones through JPUSH")
public enum PushProvider {
    FCM,
    APNS,
    HUAWEI,
    HONOR,
    XIAOMI,
    OPPO,
    VIVO,
    JPUSH;

    /** The providers this service can send to; a device of any other is refused at registration. */
    public static final Set<PushProvider> SUPPORTED = Set.of(FCM, APNS, HUAWEI, JPUSH);

    /** Today's routing of a device registered without a provider: APNs for an iOS APNs device token, FCM else. */
    public static PushProvider implied(DevicePlatform platform, String token) {
        return platform == DevicePlatform.IOS && ApnsSender.isApnsToken(token) ? APNS : FCM;
    }
}
