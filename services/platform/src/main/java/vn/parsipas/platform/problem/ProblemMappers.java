package vn.parsipas.platform.problem;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Maps every failure of a request to RFC 9457 problem+json, once, for all services. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response response = respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
        if (e instanceof TooManyRequestsException tooMany) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(tooMany.retryAfter().toSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(400, "Invalid request", errors.size() + " field(s) are invalid", uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return respond(400, "Malformed request body", "The body is not valid JSON of the expected shape",
                uri, List.of(new Problem.FieldError(field, message)));
    }

    /** Quarkus maps this subtype itself; ours names the field the same way as for other JSON errors. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null && resource != null) {
            // JAX-RS says 404 when a query parameter does not convert (?limit=abc): it is a field error.
            List<Problem.FieldError> errors = UnreadableParameters.of(resource.getResourceMethod(), uri.getQueryParameters());
            if (!errors.isEmpty()) {
                return respond(400, "Invalid request", errors.size() + " field(s) are invalid", uri, errors);
            }
        }
        return respond(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
        return respond(500, "Internal error", "Something failed on our side; incident " + incident, uri, List.of());
    }

    public static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "create.request.leadAgency" → "leadAgency", "create.request.emails[0].&lt;list element&gt;" →
     * "emails[0]": the path inside the body, not the Java method nor the container element node.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
