package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("A meal of the day")
public enum Meal {
    BREAKFAST, LUNCH, DINNER
}
