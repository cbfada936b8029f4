package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("What diners look for in a dish")
public enum DishTag {
    VEGETARIAN, VEGAN, SPICY, HALAL, LOW_SALT, LOW_SUGAR, SIGNATURE, SEASONAL
}
