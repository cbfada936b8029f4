package io.dayuan.visits;

/** Which driver talks to a device. */
public enum DeviceVendor {
    /** Hikvision ISAPI (face terminals of the DS-K1T series, ANPR cameras) */
    HIKVISION,
    /** an in-memory stand-in for dev mode and tests */
    SIMULATOR
}
