package io.dayuan.passes;

/** Where an admit-once pass is in its single use. */
public enum AdmitState {
    UNUSED,
    INSIDE,
    USED
}
