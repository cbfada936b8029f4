package io.dayuan.gates;

/** What a guard's live gate feed reports. */
public enum GateEventKind {
    /** someone or a vehicle went through */
    PASSAGE,
    /** a pass or a person was refused */
    DENIED,
    /** something a guard must look at: a blocklisted visitor, a pass admitted twice offline, a failed device push */
    ALERT
}
