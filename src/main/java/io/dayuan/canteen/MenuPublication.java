package io.dayuan.canteen;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.events.Topic;
import io.vertx.core.json.JsonObject;

@Description("A menu was published or corrected")
public record MenuPublication(@NonNull @Id String menuId, @NonNull @Id String canteenId, @NonNull LocalDate date,
        @NonNull Meal meal, int revision, boolean corrected) {

    /** Menus of every canteen as they are published or corrected, on every replica. */
    public static Topic<MenuPublication> topic() {
        return new Topic<>("canteen.menu-published", MenuPublication::toJson, MenuPublication::fromJson);
    }

    public JsonObject toJson() {
        return new JsonObject().put("canteenId", canteenId).put("menuId", menuId).put("date", date.toString())
                .put("meal", meal.name()).put("revision", revision).put("corrected", corrected);
    }

    public static MenuPublication fromJson(JsonObject json) {
        return new MenuPublication(json.getString("menuId"), json.getString("canteenId"),
                LocalDate.parse(json.getString("date")), Meal.valueOf(json.getString("meal")),
                json.getInteger("revision"), json.getBoolean("corrected"));
    }
}
