package io.dayuan.visits;

/** How far a visit's access devices have got, as a guard sees it. */
public enum DeviceState {
    /** no device at the site is told about this visit */
    NONE,
    /** devices will be told before the visitor arrives */
    SCHEDULED,
    /** every device knows the visitor */
    PUSHED,
    /** telling a device failed (it is retried); the visitor may have to be let in by hand */
    FAILED,
    /** the visitor was removed from the devices */
    REMOVED
}
