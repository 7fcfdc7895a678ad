package vn.parsipas.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Listens to a server-sent-events stream as a browser would, collecting the events it receives. */
public final class SseClient implements AutoCloseable {
    /** A received event: its name and its data. */
    public record Received(String name, String data) {
    }

    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final InputStream stream;
    private final Thread reader;

    private final Consumer<Received> listener;

    /** Opens the stream with {@code token} as its bearer token, as a fetch-based EventSource would send it. */
    public SseClient(String url, String token) throws Exception {
        this(url, token, event -> { });
    }

    /** Also hands every event to {@code listener} as it arrives (the benchmark times them). */
    public SseClient(String url, String token, Consumer<Received> listener) throws Exception {
        this.listener = listener;
        HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SSE stream answered " + response.statusCode() + ", Retry-After: "
                    + response.headers().firstValue("Retry-After").orElse("none"));
        }
        stream = response.body();
        reader = new Thread(this::read, "sse-client");
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

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    Received event = new Received(name, data.toString());
                    events.add(event);
                    listener.accept(event);
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
