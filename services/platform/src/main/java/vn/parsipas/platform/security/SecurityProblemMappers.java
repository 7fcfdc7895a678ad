package vn.parsipas.platform.security;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import vn.parsipas.platform.problem.ProblemMappers;

/**
 * 401 and 403 as problem+json, without internals. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so these failures reach the REST layer.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(ProblemMappers.respond(401, "Unauthorized",
                        "A valid bearer token from the parsipas realm is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parsipas\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.respond(403, "Forbidden", "Your role or agency does not allow this request", uri,
                List.of());
    }
}
