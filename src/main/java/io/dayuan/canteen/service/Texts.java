package io.dayuan.canteen.service;

import io.dayuan.canteen.Meal;

/** Names of meals in the texts that reach people. */
final class Texts {

    private Texts() {
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
