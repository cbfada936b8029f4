package io.dayuan.gates;

/** What a gate lets through. */
public enum GateKind {
    PEDESTRIAN,
    VEHICLE,
    BOTH
}
