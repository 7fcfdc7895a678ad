package vn.parsipas.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A real HTTP server (Vert.x, its own instance) in the test JVM that receives the webhooks: every
 * request is recorded by path, and a path can be told to answer 500 a number of times first.
 */
public final class WebhookReceiver {
    private static WebhookReceiver shared;

    private final HttpServer server;
    private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private volatile Consumer<Call> listener = call -> { };

    /** A received call: its headers (lower-case names), the raw body and the status it was answered with. */
    public record Call(Map<String, String> headers, byte[] rawBody, int answered) {
        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private WebhookReceiver() throws Exception {
        server = Vertx.vertx().createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            AtomicInteger left = failuresLeft.get(path);
            int status = left != null && left.getAndDecrement() > 0 ? 500 : 204;
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            Call call = new Call(headers, body.getBytes(), status);
            calls.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(call);
            listener.accept(call);
            request.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    public static synchronized WebhookReceiver shared() {
        if (shared == null) {
            try {
                shared = new WebhookReceiver();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the webhook receiver", e);
            }
        }
        return shared;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Also hands every call to {@code listener} as it arrives (the benchmark times them). */
    public void onCall(Consumer<Call> listener) {
        this.listener = listener;
    }

    /** The next {@code times} calls to the path are answered 500. */
    public void failNext(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    public List<Call> calls(String path) {
        return List.copyOf(calls.getOrDefault(path, List.of()));
    }

    /** Calls answered 2xx. */
    public List<Call> delivered(String path) {
        return calls(path).stream().filter(call -> call.answered() < 300).toList();
    }
}
