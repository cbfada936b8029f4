package io.dayuan.canteen;

import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

import io.dayuan.platform.Identified;

@Entity
@Description("A dish on a menu")
public class MenuItem extends Identified {

    @Ignore
    public UUID menuId;

    @Ignore
    public UUID dishId;

    @Description("Portions the kitchen plans to cook")
    public Integer plannedPortions;

    @Ignore
    public int position;
}
