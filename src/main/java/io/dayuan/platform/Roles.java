package io.dayuan.platform;

/** The role names of the token's {@code groups} (or Keycloak's {@code realm_access.roles}) claim. */
public final class Roles {

    public static final String STAFF = "staff";
    public static final String GUARD = "guard";
    public static final String CANTEEN_MANAGER = "canteen-manager";
    public static final String FACILITIES = "facilities";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
