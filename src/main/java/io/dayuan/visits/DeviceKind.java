package io.dayuan.visits;

/** What an access device recognises: faces at a door or plates at a barrier. */
public enum DeviceKind {
    FACE_TERMINAL,
    PLATE_CAMERA
}
