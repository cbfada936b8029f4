package io.dayuan.gates;

/** Through a gate into the site, or out of it. */
public enum Direction {
    IN,
    OUT
}
