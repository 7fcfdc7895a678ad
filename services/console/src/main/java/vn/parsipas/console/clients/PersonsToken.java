package vn.parsipas.console.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;

/**
 * Calls the services as the signed-in person: their access token from the session (refreshed by
 * quarkus-oidc when it expires) as the bearer token. The console holds no credential of its own for
 * the services, so each service applies its own scoping to the person.
 */
@ApplicationScoped
public class PersonsToken implements ClientRequestFilter {
    @Inject
    AccessTokenCredential accessToken;

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.getToken());
        }
    }
}
