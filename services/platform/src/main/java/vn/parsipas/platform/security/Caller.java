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

    /** Agency codes whose data this caller may see; null means all of them. */
    public Set<String> visibleAgencies() {
        if (isCoordinator() || identity.hasRole(Roles.OPERATOR)) {
            return null;
        }
        String agency = agency();
        return agency == null ? Set.of() : Set.of(agency);
    }

    /** Refuses (403) a caller who may not act for this agency. */
    public void requireAgency(String agencyCode) {
        Set<String> visible = visibleAgencies();
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
