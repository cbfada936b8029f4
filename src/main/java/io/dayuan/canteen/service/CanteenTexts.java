package io.dayuan.canteen.service;

import io.dayuan.canteen.Canteen;
import io.dayuan.canteen.Meal;
import io.dayuan.canteen.Menu;
import io.dayuan.canteen.Suggestion;
import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;

/** The canteen's texts that reach people: its notifications, in Chinese and English. */
final class CanteenTexts {

    private CanteenTexts() {
    }

    /** To the diners: a menu is published, or corrected (with the manager's note). */
    static Notice menuAnnounced(Canteen canteen, Menu menu, boolean correction) {
        String date = menu.date.toString();
        LocalizedText title = correction
                ? new LocalizedText(canteen.name + " " + date + " " + zh(menu.meal) + "菜单已更正",
                        canteen.name + ": " + en(menu.meal) + " menu for " + date + " corrected")
                : new LocalizedText(canteen.name + " " + date + " " + zh(menu.meal) + "菜单已发布",
                        canteen.name + ": " + en(menu.meal) + " menu for " + date + " is out");
        String noteZh = menu.correctionNote == null ? "" : "说明：" + menu.correctionNote;
        String noteEn = menu.correctionNote == null ? "" : "Note: " + menu.correctionNote;
        LocalizedText body = correction
                ? new LocalizedText("菜单有调整，请查看最新菜品。" + noteZh, "The menu changed, see the latest dishes. " + noteEn)
                : new LocalizedText("查看菜品并报餐。", "See the dishes and register for the meal.");
        return new Notice(correction ? "MENU_CORRECTED" : "MENU_PUBLISHED", title, body, "dayuan://menus/" + menu.id);
    }

    /** To a suggestion's author: the canteen's answer. */
    static Notice suggestionAnswered(Suggestion suggestion) {
        return new Notice("CANTEEN_SUGGESTION_ANSWERED",
                new LocalizedText("食堂回复了您的建议", "The canteen answered your suggestion"),
                new LocalizedText(suggestion.answer, suggestion.answer),
                "dayuan://canteens/" + suggestion.canteenId + "/suggestions/" + suggestion.id);
    }

    static String zh(Meal meal) {
        return switch (meal) {
            case BREAKFAST -> "早餐";
            case LUNCH -> "午餐";
            case DINNER -> "晚餐";
        };
    }

    static String en(Meal meal) {
        return switch (meal) {
            case BREAKFAST -> "breakfast";
            case LUNCH -> "lunch";
            case DINNER -> "dinner";
        };
    }
}
