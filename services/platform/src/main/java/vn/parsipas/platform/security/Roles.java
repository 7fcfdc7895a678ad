package vn.parsipas.platform.security;

/** Realm roles of the parsipas Keycloak realm (deploy/keycloak). */
public final class Roles {
    /** Authors plans, sees and manages everything. */
    public static final String COORDINATOR = "coordinator";
    /** Sees and acts on its own agency only; the agency is the token's {@code agency} claim. */
    public static final String AGENCY_STAFF = "agency-staff";
    /** An external system; pushes only what its client is registered for. */
    public static final String DATA_PROVIDER = "data-provider";
    /** Health, metrics and, in demo profiles, the clock. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
