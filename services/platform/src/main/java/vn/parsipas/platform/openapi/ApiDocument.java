package vn.parsipas.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.problem.Problem;

/**
 * What every service's /q/openapi says the same way. Every operation of {@code /api/} lists the
 * refusals the platform answers for it: 400 (a parameter or the body is invalid; the problem's
 * {@code errors} name each field), 401, 403, 404 (a path with an id) and 413 (a body over
 * {@code quarkus.http.limits.max-body-size}) and 500, each an RFC 9457 problem, and where it takes an
 * {@code Idempotency-Key}, 409 (in use) and 422 (reused with another body); a response an operation
 * declares itself is kept, and any refusal it declares without a body (409, 422, 429 …) gets the
 * problem's. And a property the schema does not require may be null, as the answers write an absent
 * value as {@code null}.
 */
public class ApiDocument implements OASFilter {
    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> components = openAPI.getComponents().getSchemas();
            components.values().forEach(schema -> nullableWhenOptional(schema, components));
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> refusals(path, operation));
            }
        });
    }

    /** 3.0 cannot say "this $ref or null", so an optional property that refers to a schema gets a copy of it that may be null. */
    private static void nullableWhenOptional(Schema schema, Map<String, Schema> components) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            Schema target = property.getRef() == null ? property
                    : nullableCopy(components.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1)));
            if (required.contains(name) || target == null || target.getType() == null || target.getType().contains(SchemaType.NULL)) {
                return;
            }
            target.addType(SchemaType.NULL);
            if (target != property) {
                schema.addProperty(name, target);
            }
        });
    }

    private static Schema nullableCopy(Schema referred) {
        if (referred == null || referred.getType() == null) {
            return null;
        }
        Schema copy = OASFactory.createSchema().type(new ArrayList<>(referred.getType())).format(referred.getFormat())
                .description(referred.getDescription()).properties(referred.getProperties()).required(referred.getRequired())
                .items(referred.getItems()).additionalPropertiesSchema(referred.getAdditionalPropertiesSchema());
        if (referred.getEnumeration() != null) {
            copy.enumeration(new ArrayList<>(referred.getEnumeration())).addEnumeration(null);
        }
        return copy;
    }

    private static void refusals(String path, Operation operation) {
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (input) {
            problem(operation, "400", "Invalid input: the problem's errors name each offending field");
        }
        problem(operation, "401", "No valid bearer token (missing, expired, or not for the audience parsipas-api)");
        problem(operation, "403", "The token's roles or agency do not allow this");
        if (path.contains("{")) {
            problem(operation, "404", "No such resource, or not one the caller may see");
        }
        problem(operation, "500", "An unexpected failure; the problem's detail names the incident to report");
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> IdempotencyKey.HEADER.equalsIgnoreCase(parameter.getName()))) {
            problem(operation, "409", IdempotencyKey.IN_USE);
            problem(operation, "422", IdempotencyKey.REUSED);
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            boolean refusal = status.matches("[45]\\d\\d") && !"413".equals(status);
            if (refusal && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.content(problemContent());
            }
        });
        // 413 has no problem body: the server refuses an oversized body before reading it.
        if (operation.getRequestBody() != null && !operation.getResponses().hasAPIResponse("413")) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                    .description("The body is larger than the service accepts (quarkus.http.limits.max-body-size)"));
        }
    }

    private static void problem(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        }
    }

    /** An application/problem+json body: the platform's {@link Problem}. */
    public static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .properties(Map.of("field", text("the offending field, as a path in the body ('answers[0].score'), a parameter or a header"),
                        "message", text("what is wrong with it")));
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("An RFC 9457 problem detail")
                .addRequired("title").addRequired("status")
                .addProperty("type", text("about:blank"))
                .addProperty("title", text("the status' short meaning"))
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))
                .addProperty("detail", text("what went wrong, for a person"))
                .addProperty("instance", text("the request's path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(fieldError));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(SchemaType.STRING)).description(description);
    }
}
