package io.dayuan.notifications;

/** A text that reaches people: Simplified Chinese by default, English for a person who chose it. */
public record LocalizedText(String zh, String en) {

    public String in(String locale) {
        return locale != null && locale.startsWith("en") && en != null && !en.isBlank() ? en : zh;
    }
}
