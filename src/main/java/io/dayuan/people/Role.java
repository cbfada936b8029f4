package io.dayuan.people;

import java.util.stream.Stream;

import io.dayuan.platform.Roles;

/** The roles of the product; in the token they are written in lower case with dashes. */
public enum Role {
    STAFF(Roles.STAFF),
    GUARD(Roles.GUARD),
    CANTEEN_MANAGER(Roles.CANTEEN_MANAGER),
    FACILITIES(Roles.FACILITIES),
    ADMIN(Roles.ADMIN);

    private final String tokenRole;

    Role(String tokenRole) {
        this.tokenRole = tokenRole;
    }

    public String tokenRole() {
        return tokenRole;
    }

    /** Token roles of other applications are not ours: they map to nothing. */
    static Stream<Role> fromTokenRole(String name) {
        return Stream.of(values()).filter(role -> role.tokenRole.equals(name));
    }
}
