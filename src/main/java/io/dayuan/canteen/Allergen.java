package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("The fourteen allergens that menus declare")
public enum Allergen {
    GLUTEN, CRUSTACEANS, EGGS, FISH, PEANUTS, SOY, MILK, TREE_NUTS, CELERY, MUSTARD, SESAME, SULPHITES, LUPIN, MOLLUSCS
}
