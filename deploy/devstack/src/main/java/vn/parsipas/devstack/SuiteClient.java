package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an external system or an agency's browser does against the running suite: gets a token
 * from Keycloak (client credentials or password grant) and calls the REST APIs with it.
 */
public final class SuiteClient {
    /** The demo users' password in the local realm (deploy/keycloak/parsipas-realm.json). */
    public static final String DEMO_PASSWORD = "local-only-demo";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** A status and a body, as the caller sees them. */
    public record Answer(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;

    public SuiteClient(String keycloakUrl) {
        this.tokenEndpoint = keycloakUrl + "/realms/" + Keycloak.REALM + "/protocol/openid-connect/token";
    }

    /** An external system's token: client credentials of a confidential client (local secrets). */
    public String systemToken(String clientId) {
        return token("grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc("local-only-" + clientId + "-secret"));
    }

    /** A person's token through the public web client, as the browser app gets it. */
    public String userToken(String username) {
        return token("grant_type=password&client_id=parsipas-web&username=" + enc(username)
                + "&password=" + enc(DEMO_PASSWORD));
    }

    public Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    public Answer post(String url, String token, String json) {
        return post(url, token, json, Map.of());
    }

    /** A POST with extra headers, e.g. the {@code Idempotency-Key} that makes a retry safe. */
    public Answer post(String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Answer put(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private String token(String form) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.status() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused a token: " + answer.status() + " " + answer.body());
        }
        return token.group(1);
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
