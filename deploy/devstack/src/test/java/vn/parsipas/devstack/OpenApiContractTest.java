package vn.parsipas.devstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;

/**
 * The filter fails a call whose answer the service's own document does not declare, and lets a true one
 * pass; a live stream's answer and events are checked the same way.
 */
class OpenApiContractTest {
    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/api/things/{name}": {"get": {
              "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"description": "a thing", "content": {"application/json": {"schema": {
                "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}}}}},
              "/api/things/{name}/stream": {"get": {
              "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
              "responses": {"200": {"description": "changes", "content": {"text/event-stream": {"schema": {
                "type": "object", "required": ["event", "data"], "properties": {"event": {"enum": ["renamed"]},
                "data": {"type": "object", "required": ["name"]}}}}}}}}}}}""";
    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, DOCUMENT));
        server.createContext("/api/things/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/api/things/true" -> answer(exchange, 200, "{\"name\": \"true\"}");
                case "/api/things/renamed" -> answer(exchange, 200, "{\"title\": \"renamed\"}");
                default -> answer(exchange, 418, "{\"name\": \"teapot\"}");
            }
        });
        server.start();
        RestAssured.port = server.getAddress().getPort();
        new OpenApiContract().beforeAll(null);
    }

    @AfterAll
    static void stop() {
        RestAssured.reset();
        server.stop(0);
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        given().get("/api/things/true").then().statusCode(200);
    }

    @Test
    void aBodyOutsideItsSchemaOrAStatusTheDocumentDoesNotDeclareFails() {
        assertThatThrownBy(() -> given().get("/api/things/renamed")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Object has missing required properties ([\"name\"])");
        assertThatThrownBy(() -> given().get("/api/things/teapot")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    @Test
    void aStreamIsCheckedByItsStatusAndMediaTypeAndEachEventByTheStreamsSchema() {
        String url = "http://127.0.0.1:" + RestAssured.port + "/api/things/true/stream";
        OpenApiContract.checkStream(url, 200, Map.of("Content-Type", List.of("text/event-stream")), ": heartbeat");
        OpenApiContract.checkStreamEvent(url, "{\"event\": \"renamed\", \"data\": {\"name\": \"true\"}}");

        assertThatThrownBy(() -> OpenApiContract.checkStream(url, 200, Map.of("Content-Type", List.of("application/json")), "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/json");
        assertThatThrownBy(() -> OpenApiContract.checkStream(url, 429, Map.of(), "")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("429");
        assertThatThrownBy(() -> OpenApiContract.checkStreamEvent(url, "{\"event\": \"deleted\", \"data\": {}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("deleted").hasMessageContaining("name");
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() {
        assertThat(given().get("/q/openapi").statusCode()).isEqualTo(200);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
