package io.dayuan.notifications;

import io.dayuan.platform.ApiException;

/** Which push provider a device may be registered with: one the service sends to, and that fits the platform. */
final class DeviceProviders {

    private DeviceProviders() {
    }

    /** The provider of the device (as the platform and token imply when none is given), or VALIDATION on provider. */
    static PushProvider check(DevicePlatform platform, String token, PushProvider provider) {
        if (provider == null) {
            return PushProvider.implied(platform, token.strip());
        }
        if (!PushProvider.SUPPORTED.contains(provider)) {
            throw ApiException.validation("provider", provider + " push is not supported; register the phone "
                    + "through JPUSH, which reaches " + provider + " phones through their vendor channel");
        }
        if (provider == PushProvider.APNS && platform != DevicePlatform.IOS) {
            throw ApiException.validation("provider", "APNS is for IOS devices");
        }
        if (provider == PushProvider.HUAWEI && platform != DevicePlatform.ANDROID) {
            throw ApiException.validation("provider", "HUAWEI (Push Kit) is for ANDROID devices");
        }
        return provider;
    }
}
