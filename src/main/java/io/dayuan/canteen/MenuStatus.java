package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("DRAFT: seen by canteen managers only; PUBLISHED: seen by everyone")
public enum MenuStatus {
    DRAFT, PUBLISHED
}
