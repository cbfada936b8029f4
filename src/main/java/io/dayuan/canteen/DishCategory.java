package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("The kind of dish")
public enum DishCategory {
    STAPLE, MEAT, VEGETABLE, SOUP, DESSERT, DRINK
}
