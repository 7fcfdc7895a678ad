package vn.parsipas.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the services need it: a coordinator sees everything; agency staff see their
 * own agency (the {@code agency} claim); a data provider is its client id and may push only what
 * its token lists. Queries take {@link #visibleAgencies()} so the restriction is applied in SQL.
 * The operator role never widens the agencies whose business data a caller sees or acts for (also
 * when the same user is agency staff); it only opens operational data ({@link #operationalAgencies()}).
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public boolean isCoordinator() {
        return identity.hasRole(Roles.COORDINATOR);
    }

    /** The caller's agency code, or null when the token carries none. */
    public String agency() {
        Object agency = claim("agency");
        return agency == null ? null : agency instanceof JsonString json ? json.getString() : agency.toString();
    }

    /** Agency codes whose business data this caller may see; null means all of them (coordinators only). */
    public Set<String> visibleAgencies() {
        if (isCoordinator()) {
            return null;
        }
        String agency = agency();
        return agency == null ? Set.of() : Set.of(agency);
    }

    /** Refuses (403) a caller who may not see or act for this agency's business data. */
    public void requireAgency(String agencyCode) {
        require(visibleAgencies(), agencyCode);
    }

    /**
     * Agency codes whose operational data (delivery counts and logs, dead letters) this caller may
     * see: all of them for an operator or a coordinator, else as {@link #visibleAgencies()}.
     */
    public Set<String> operationalAgencies() {
        return identity.hasRole(Roles.OPERATOR) ? null : visibleAgencies();
    }

    /** Refuses (403) a caller who may not see this agency's operational data. */
    public void requireOperationalAgency(String agencyCode) {
        require(operationalAgencies(), agencyCode);
    }

    private static void require(Set<String> visible, String agencyCode) {
        if (visible != null && !visible.contains(agencyCode)) {
            throw new ForbiddenException("not allowed to act for agency " + agencyCode);
        }
    }

    /** The authenticated client (the token's {@code azp}): a data provider's source. */
    public String clientId() {
        Object azp = claim("azp");
        return azp == null ? name() : azp instanceof JsonString json ? json.getString() : azp.toString();
    }

    public Set<String> allowedIndicators() {
        return stringSet("allowed_indicators");
    }

    public Set<String> allowedQuestionnaires() {
        return stringSet("allowed_questionnaires");
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** A claim of the bearer token; null without one (anonymous, or a test identity without claims). */
    private Object claim(String name) {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(name) : null;
    }

    private Set<String> stringSet(String claim) {
        Object value = claim(claim);
        if (value instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
