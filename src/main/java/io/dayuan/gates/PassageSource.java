package io.dayuan.gates;

/** What saw someone pass: a guard scanning a pass, an access device, or a guard by hand. */
public enum PassageSource {
    SCAN,
    DEVICE,
    GUARD
}
