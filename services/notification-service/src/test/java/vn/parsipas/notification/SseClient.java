package vn.parsipas.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.devstack.OpenApiContract;

/**
 * Listens to a server-sent-events stream as a browser would, collecting the events it receives. In the
 * tests that check the API against the service's own /q/openapi ({@link OpenApiContract}), the answer
 * that opens the stream and every event are checked too; an event that differs fails the test when the
 * client is closed.
 */
public final class SseClient implements AutoCloseable {
    /** A received event: its name and its data. */
    public record Received(String name, String data) {
    }

    private final String url;
    private final boolean checked = OpenApiContract.registered();
    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final List<String> divergences = new CopyOnWriteArrayList<>();
    private final InputStream stream;
    private final Thread reader;

    private final Consumer<Received> listener;

    /** Opens the stream with {@code token} as its bearer token, as a fetch-based EventSource would send it. */
    public SseClient(String url, String token) throws Exception {
        this(url, token, event -> { });
    }

    /**
     * Also hands every event to {@code listener} as it arrives (the benchmark times them). Returns once
     * the stream is open: the server's first heartbeat comes at once.
     */
    public SseClient(String url, String token, Consumer<Received> listener) throws Exception {
        this.url = url;
        this.listener = listener;
        HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        stream = response.body();
        if (response.statusCode() != 200) {
            if (checked) {
                OpenApiContract.checkStream(url, response.statusCode(), response.headers().map(),
                        new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            }
            throw new IllegalStateException("SSE stream answered " + response.statusCode() + ", Retry-After: "
                    + response.headers().firstValue("Retry-After").orElse("none"));
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> readLine(lines)).get(10, TimeUnit.SECONDS);
        if (checked) {
            OpenApiContract.checkStream(url, 200, response.headers().map(), first);
        }
        reader = new Thread(() -> read(lines), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the server has ended the stream (e.g. when the token expired). */
    public boolean ended() {
        return !reader.isAlive();
    }

    public List<Received> events() {
        return List.copyOf(events);
    }

    private void read(BufferedReader lines) {
        try (lines) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    Received event = new Received(name, data.toString());
                    events.add(event);
                    listener.accept(event);
                    if (checked) {
                        check(name, id, event.data());
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The event by its fields, as the document's schema of the stream gives it. */
    private void check(String name, String id, String data) {
        try {
            ObjectNode fields = EventJson.mapper().createObjectNode().put("event", name).put("id", id);
            fields.set("data", EventJson.mapper().readTree(data));
            OpenApiContract.checkStreamEvent(url, fields.toString());
        } catch (JsonProcessingException notJson) {
            divergences.add("An event's data is not JSON: " + data);
        } catch (AssertionError divergence) {
            divergences.add(divergence.getMessage());
        }
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the stream; fails if an event received differed from the document. */
    @Override
    public void close() throws IOException {
        stream.close();
        if (!divergences.isEmpty()) {
            throw new AssertionError(String.join("\n", divergences));
        }
    }
}
