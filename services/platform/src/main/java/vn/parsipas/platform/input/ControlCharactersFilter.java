package vn.parsipas.platform.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.problem.ProblemMappers;

/**
 * Path and query parameters are codes, ids, dates and filters: a control character in one (NUL
 * included, which PostgreSQL refuses) is a 400 problem naming the parameter, never a query.
 */
public class ControlCharactersFilter {
    @ServerRequestFilter
    public Response refuseControlCharacters(UriInfo uri) {
        String refused = refused(uri.getPathParameters());
        refused = refused != null ? refused : refused(uri.getQueryParameters());
        if (refused == null) {
            return null;
        }
        return ProblemMappers.respond(400, "Invalid request", "A parameter holds a control character", uri,
                List.of(new Problem.FieldError(refused, "must not contain control characters")));
    }

    private static String refused(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (JsonLimits.lineProblem(parameter.getKey()) != null
                    || parameter.getValue().stream().anyMatch(value -> JsonLimits.lineProblem(value) != null)) {
                return JsonLimits.clip(parameter.getKey());
            }
        }
        return null;
    }
}
