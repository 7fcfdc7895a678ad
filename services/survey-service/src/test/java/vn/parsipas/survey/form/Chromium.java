package vn.parsipas.survey.form;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket
 * client: no driver binary, no browser download. Fails, not skips, when Chromium is missing.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of(System.getenv().getOrDefault("PARSIPAS_CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static Chromium start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("Chromium is missing at " + BINARY + ": the browser test needs Debian's chromium package"
                    + " (DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; .ci/run does it)");
        }
        Path profile = Files.createTempDirectory("parsipas-chromium");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=412,915",
                "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive() || Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
        if (!process.isAlive()) {
            throw new AssertionError("Chromium exited at start: " + Files.readString(profile.resolve("chromium.log")));
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = Stream.of(JSON.treeToValue(targets, JsonNode[].class)).filter(target -> "page".equals(target.path("type").asText()))
                .findFirst().orElseThrow().get("webSocketDebuggerUrl").asText();
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].received(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(process, profile, socket);
        return self[0];
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(String method, Map<String, Object> parameters) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(parameters));
        socket.sendText(command.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode message = answer.get(30, TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + " failed: " + message.get("error"));
        }
        return message.get("result");
    }

    void open(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
    }

    /** Runs JavaScript in the page; the value it returns, as text. */
    String evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).get("result");
        return result.path("value").asText(null);
    }

    /** What a person reads on the page once it has loaded. */
    String text() throws Exception {
        return evaluate("document.readyState === 'complete' ? document.body.innerText : ''");
    }

    /** Focuses a field and types into it, as a keyboard would. */
    void type(String elementId, String text) throws Exception {
        evaluate("document.getElementById('" + elementId + "').focus()");
        send("Input.insertText", Map.of("text", text));
    }

    void click(String selector) throws Exception {
        String found = evaluate("(() => { const e = document.querySelector('" + selector + "'); if (e) { e.click(); return 'ok'; } return 'missing'; })()");
        if (!"ok".equals(found)) {
            throw new AssertionError("nothing to click at " + selector + " on a page that reads: " + text());
        }
    }

    void screenshot(Path file) throws Exception {
        String png = send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Chromium may still be writing its profile while it exits; the temp folder is throwaway.
        }
    }
}
