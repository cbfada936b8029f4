package io.dayuan.people;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.dayuan.platform.graphql.SessionPerField;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class PeopleApi {

    @Inject
    Caller caller;

    @Query
    @Authenticated
    @Description("The signed-in person, created from the token on first sight. Any role.")
    public Uni<@NonNull Person> me() {
        return caller.person();
    }
}
