package io.dayuan.gates;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

@Entity
@Description("A gate of a site, where guards scan passes and access devices stand")
public class Gate extends Identified {

    @Ignore
    public UUID siteId;

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    @NonNull
    public GateKind kind;
}
