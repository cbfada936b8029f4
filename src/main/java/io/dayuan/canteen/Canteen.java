package io.dayuan.canteen;

import java.util.UUID;

import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

@Entity
@Description("A kitchen of a site that serves meals")
public class Canteen extends Identified {

    @Ignore
    public UUID siteId;

    @NonNull
    public String name;
}
