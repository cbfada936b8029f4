package io.dayuan.visits;

/** What a blocklist entry matches. */
public enum BlockKind {
    PHONE,
    ID_CARD,
    PLATE
}
