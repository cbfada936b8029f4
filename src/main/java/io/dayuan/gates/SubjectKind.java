package io.dayuan.gates;

/** Who or what passed a gate. */
public enum SubjectKind {
    PERSON,
    VISITOR,
    VEHICLE
}
