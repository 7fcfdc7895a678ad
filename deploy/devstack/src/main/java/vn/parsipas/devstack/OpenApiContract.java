package vn.parsipas.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

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
 */
public final class OpenApiContract implements BeforeAllCallback, Filter {
    private static final OpenApiContract FILTER = new OpenApiContract();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        URI uri = URI.create(requestSpec.getURI());
        if (!uri.getPath().startsWith("/api/")) {
            return response;
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(),
                OpenApiContract::load);
        Request request = RestAssuredRequest.of(requestSpec);
        ValidationReport report = validator.validateResponse(uri.getPath(), request.getMethod(), RestAssuredResponse.of(response));
        if (response.statusCode() < 400 && !refusedInPart(response)) {
            report = report.merge(validator.validateRequest(request));
        }
        if (report.hasErrors()) {
            throw new AssertionError("The call differs from the service's /q/openapi: " + request.getMethod() + " "
                    + uri.getPath() + " answered " + response.statusCode() + "\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
        return response;
    }

    private static boolean refusedInPart(Response response) {
        String contentType = response.getContentType();
        if (contentType == null || !contentType.startsWith("application/json")) {
            return false;
        }
        Object status = response.jsonPath().get("status");
        return "WARNING".equals(status) || "ERROR".equals(status);
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + document.statusCode());
            }
            // Who may call is the services' security tests' business; REST Assured adds the token after this filter.
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request.security.missing",
                            ValidationReport.Level.IGNORE).build())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + base + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
