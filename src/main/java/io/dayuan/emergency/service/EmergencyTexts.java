package io.dayuan.emergency.service;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;

/** The emergency notice: the sender's own words, the same in every language. */
final class EmergencyTexts {

    private EmergencyTexts() {
    }

    static Notice broadcast(String title, String body) {
        return new Notice(EmergencyService.KIND, new LocalizedText(title, title), new LocalizedText(body, body), null);
    }
}
