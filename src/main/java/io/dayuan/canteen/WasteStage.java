package io.dayuan.canteen;

import org.eclipse.microprofile.graphql.Description;

@Description("Where food was wasted: in preparation, cooked and not served, left on plates, spoiled in storage")
public enum WasteStage {
    PREPARATION, OVERPRODUCTION, PLATE, SPOILAGE
}
