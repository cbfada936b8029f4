package io.dayuan.canteen;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

@Entity
@Description("A kitchen of a site that serves meals")
public class Canteen {

    @Id
    @GeneratedValue
    public UUID id;

    @Ignore
    public UUID siteId;

    public String name;
}
