package io.dayuan.rooms;

/** What a meeting room is fitted with. */
public enum Equipment {
    PROJECTOR,
    SCREEN_CAST,
    VIDEO_CONFERENCE,
    MICROPHONE,
    WHITEBOARD
}
