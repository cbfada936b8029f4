package io.dayuan.gates;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

@Entity
@Description("A gate of a site, where guards scan passes and access devices stand")
public class Gate {

    @Id
    @GeneratedValue
    public UUID id;

    @Ignore
    public UUID siteId;

    public String name;

    @Enumerated(EnumType.STRING)
    public GateKind kind;
}
