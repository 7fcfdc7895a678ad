package vn.parsipas.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.atlassian.oai.validator.schema.SchemaValidator;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Checks every REST Assured call of a service's tests against the service's own {@code /q/openapi},
 * so a divergence between the API and its published contract fails the build. Registered once
 * per service by its test stereotype ({@code @ExtendWith(OpenApiContract.class)}).
 *
 * <p>Each answer to a path under {@code /api/} must be declared for its operation — the status,
 * the media type and the body's schema. The request must match the document when the service took
 * it (status below 400): a request the document calls invalid must be refused, and a refused one
 * is a test of that refusal, so its own shape is not held against it. An import refuses item by
 * item: an answer whose {@code status} is WARNING or ERROR counts as a refusal.
 *
 * <p>A live stream ({@code text/event-stream}) never ends, so REST Assured cannot read it: the tests'
 * stream client hands its answer to {@link #checkStream} and each event to {@link #checkStreamEvent}.
 */
public final class OpenApiContract implements BeforeAllCallback, Filter {
    private static final OpenApiContract FILTER = new OpenApiContract();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVENT_STREAM = "text/event-stream";
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

    /** A service's document, as the validator of its answers and as the schemas of its streams' events. */
    private record Contract(OpenApiInteractionValidator validator, OpenAPI document, SchemaValidator schemas) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** Whether a test class of this JVM registered the contract; a benchmark does not (it times, it does not check). */
    public static boolean registered() {
        return RestAssured.filters().contains(FILTER);
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        URI uri = URI.create(requestSpec.getURI());
        if (uri.getPath().startsWith("/api/")) {
            check(uri, RestAssuredRequest.of(requestSpec), RestAssuredResponse.of(response),
                    response.statusCode() < 400 && !refusedInPart(response));
        }
        return response;
    }

    /**
     * Checks the answer to a GET of a live stream as any answer is checked: status, media type,
     * headers, and a refusal's body. The validator does not read a {@code text/event-stream} body (it
     * validates JSON and forms only), so {@code body} is whatever was read of it; the events are
     * checked one by one by {@link #checkStreamEvent}.
     */
    public static void checkStream(String url, int status, Map<String, List<String>> headers, String body) {
        URI uri = URI.create(url);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach(response::withHeader);
        check(uri, SimpleRequest.Builder.get(uri.getPath()).withHeader("Accept", EVENT_STREAM).build(), response.build(),
                status < 400);
    }

    /**
     * Checks one event of the live stream at {@code url}, given as a JSON object of its fields ({@code event},
     * {@code id} and {@code data}, the data as JSON), against the schema the document gives the stream's 200 answer.
     */
    public static void checkStreamEvent(String url, String event) {
        URI uri = URI.create(url);
        Contract contract = contract(uri);
        MediaType stream = contract.document().getPaths().entrySet().stream()
                .filter(path -> template(path.getKey()).matcher(uri.getPath()).matches())
                .map(path -> path.getValue().getGet()).map(Operation::getResponses)
                .map(responses -> responses.get("200")).filter(ok -> ok != null && ok.getContent() != null)
                .map(ok -> ok.getContent().get(EVENT_STREAM)).filter(media -> media != null && media.getSchema() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The service's /q/openapi declares no " + EVENT_STREAM + " answer to GET "
                        + uri.getPath()));
        ValidationReport report = contract.schemas().validate(event, stream.getSchema(), "event");
        if (report.hasErrors()) {
            throw new AssertionError("An event of GET " + uri.getPath() + " differs from the service's /q/openapi: " + event
                    + "\n" + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    private static void check(URI uri, Request request, com.atlassian.oai.validator.model.Response response, boolean accepted) {
        OpenApiInteractionValidator validator = contract(uri).validator();
        ValidationReport report = validator.validateResponse(uri.getPath(), request.getMethod(), response);
        if (accepted) {
            report = report.merge(validator.validateRequest(request));
        }
        if (report.hasErrors()) {
            throw new AssertionError("The call differs from the service's /q/openapi: " + request.getMethod() + " "
                    + uri.getPath() + " answered " + response.getStatus() + "\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    private static boolean refusedInPart(Response response) {
        String contentType = response.getContentType();
        if (contentType == null || !contentType.startsWith("application/json")) {
            return false;
        }
        Object status = response.jsonPath().get("status");
        return "WARNING".equals(status) || "ERROR".equals(status);
    }

    /** "/api/v1/agencies/{code}/alerts/stream" matches any value of each parameter. */
    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    private static Contract contract(URI uri) {
        return CONTRACTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), OpenApiContract::load);
    }

    private static Contract load(String base) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + document.statusCode());
            }
            // Who may call is the services' security tests' business; REST Assured adds the token after this filter.
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request.security.missing",
                            ValidationReport.Level.IGNORE).build())
                    .build();
            ParseOptions resolve = new ParseOptions();
            resolve.setResolve(true);
            OpenAPI parsed = new OpenAPIParser().readContents(document.body(), null, resolve).getOpenAPI();
            return new Contract(validator, parsed, new SchemaValidator(parsed, new MessageResolver()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + base + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
