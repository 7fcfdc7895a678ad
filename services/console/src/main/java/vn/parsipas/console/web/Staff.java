package vn.parsipas.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person as the pages need them: name, agency (the {@code agency} claim) and role. */
@Named("staff")
@RequestScoped
public class Staff {
    public static final String COORDINATOR = "coordinator";
    public static final String AGENCY_STAFF = "agency-staff";
    /** Runs the platform: sees the services' dead letters (Bản ghi bị từ chối), no business data. */
    public static final String OPERATOR = "operator";

    @Inject
    SecurityIdentity identity;

    /** The ID token of a signed-in person; the access token of a bearer call to the console's API. */
    @Inject
    JsonWebToken idToken;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public boolean isCoordinator() {
        return identity.hasRole(COORDINATOR);
    }

    public boolean isOperator() {
        return identity.hasRole(OPERATOR);
    }

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Given and family name as Keycloak holds them, else the user name. */
    public String displayName() {
        String given = idToken.getClaim("given_name");
        String family = idToken.getClaim("family_name");
        String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return name.isEmpty() ? username() : name;
    }

    /** The agency the person works for, or null when the account has none. */
    public String agency() {
        Object agency = idToken.getClaim("agency");
        return agency == null ? null : agency.toString().replace("\"", "");
    }

    /** The agency, refusing (the forbidden page) an account that belongs to none. */
    public String requireAgency() {
        String agency = agency();
        if (agency == null || agency.isBlank()) {
            throw new ForbiddenException("the account has no agency");
        }
        return agency;
    }
}
