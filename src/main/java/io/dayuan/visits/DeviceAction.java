package io.dayuan.visits;

/** What a device job tells a device. */
public enum DeviceAction {
    PUSH_PERSON,
    REMOVE_PERSON,
    PUSH_PLATE,
    REMOVE_PLATE;

    public boolean push() {
        return this == PUSH_PERSON || this == PUSH_PLATE;
    }
}
