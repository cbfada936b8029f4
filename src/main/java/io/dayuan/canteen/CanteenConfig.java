package io.dayuan.canteen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The canteen's settings: default registration cut-offs (a canteen may set its own) and the planning sample. */
@ConfigMapping(prefix = "dayuan.canteen")
public interface CanteenConfig {

    Cutoffs cutoff();

    WalkIn walkIn();

    /** Until when people may register for a meal by default: days before the meal's date, at a local time. */
    interface Cutoffs {

        Breakfast breakfast();

        Lunch lunch();

        Dinner dinner();
    }

    interface Breakfast {

        @WithDefault("1")
        int daysBefore();

        /** HH:mm in the site's zone. */
        @WithDefault("20:00")
        String time();
    }

    interface Lunch {

        @WithDefault("0")
        int daysBefore();

        @WithDefault("10:00")
        String time();
    }

    interface Dinner {

        @WithDefault("0")
        int daysBefore();

        @WithDefault("15:00")
        String time();
    }

    interface WalkIn {

        /** How many recent comparable meals the walk-in average of the plan is taken from. */
        @WithDefault("8")
        int sampleMeals();
    }
}
