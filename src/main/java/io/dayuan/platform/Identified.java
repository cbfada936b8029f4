package io.dayuan.platform;

import java.util.UUID;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.MappedSuperclass;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** An entity with a UUID key, served to the app as a GraphQL {@code ID!}. */
@MappedSuperclass
public abstract class Identified {

    @jakarta.persistence.Id
    @GeneratedValue
    @Id
    @NonNull
    public UUID id;
}
