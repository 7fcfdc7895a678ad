package vn.parsipas.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;

/**
 * A real HTTPS server (Vert.x, its own instance) in the test JVM that receives the webhooks, with the
 * self-signed certificate of {@code src/test/resources/webhook-tls} (the test JVM trusts it, see the
 * POM). Every request is recorded by path; a path can be told to answer 500 a number of times first,
 * or to behave as a hostile receiver: trickle its answer a byte at a time, or stream an endless body.
 */
public final class WebhookReceiver {
    public static final String STORE_PASSWORD = "local-only-webhook";
    public static final Path TRUST_STORE = Path.of("src/test/resources/webhook-tls/trust.p12").toAbsolutePath();
    private static WebhookReceiver shared;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Hostile> hostile = new ConcurrentHashMap<>();
    private volatile Consumer<Call> listener = call -> { };

    /** How a hostile path answers: one byte every half second, or 64 KB every 5 ms, for as long as the caller listens. */
    public enum Hostile {
        TRICKLE(500, 1), ENDLESS(5, 64 * 1024);

        final long every;
        final int bytes;

        Hostile(long every, int bytes) {
            this.every = every;
            this.bytes = bytes;
        }
    }

    /** A received call: its headers (lower-case names), the raw body and the status it was answered with. */
    public record Call(Map<String, String> headers, byte[] rawBody, int answered) {
        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /**
         * The check a receiver makes (docs/notification-service.md): {@code X-Parsipas-Signature: t=<unix>,v1=<hex>}
         * where hex is the HMAC-SHA256 of {@code <t>.<raw body>} with the agency's secret.
         */
        public boolean signedWith(String secret) {
            String signature = header("X-Parsipas-Signature");
            if (signature == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
                return false;
            }
            String t = signature.substring(2, signature.indexOf(','));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                String expected = java.util.HexFormat.of().formatHex(mac.doFinal(rawBody));
                return t.equals(header("X-Parsipas-Timestamp")) && java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        signature.substring(signature.indexOf("v1=") + 3).getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private WebhookReceiver() throws Exception {
        HttpServerOptions tls = new HttpServerOptions().setSsl(true).setKeyCertOptions(new PfxOptions()
                .setPath(TRUST_STORE.resolveSibling("receiver.p12").toString()).setPassword(STORE_PASSWORD));
        server = vertx.createHttpServer(tls).requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            AtomicInteger left = failuresLeft.get(path);
            Hostile behaviour = hostile.get(path);
            int status = left != null && left.getAndDecrement() > 0 ? 500 : behaviour != null ? 200 : 204;
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            Call call = new Call(headers, body.getBytes(), status);
            calls.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(call);
            listener.accept(call);
            if (behaviour != null) {
                stream(request.response().setStatusCode(status).setChunked(true), behaviour);
            } else {
                request.response().setStatusCode(status).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void stream(HttpServerResponse response, Hostile behaviour) {
        Buffer chunk = Buffer.buffer(new byte[behaviour.bytes]);
        long timer = vertx.setPeriodic(behaviour.every, id -> {
            if (!response.closed() && !response.writeQueueFull()) {
                response.write(chunk);
            }
        });
        response.closeHandler(closed -> vertx.cancelTimer(timer));
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
        return "https://127.0.0.1:" + server.actualPort() + path;
    }

    public int port() {
        return server.actualPort();
    }

    /** Also hands every call to {@code listener} as it arrives (the benchmark times them). */
    public void onCall(Consumer<Call> listener) {
        this.listener = listener;
    }

    /** The next {@code times} calls to the path are answered 500. */
    public void failNext(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
    }

    /** Every call to the path is answered 200 and then a body that trickles or never ends. */
    public void behave(String path, Hostile behaviour) {
        hostile.put(path, behaviour);
    }

    public List<Call> calls(String path) {
        return List.copyOf(calls.getOrDefault(path, List.of()));
    }

    /** Calls answered 2xx. */
    public List<Call> delivered(String path) {
        return calls(path).stream().filter(call -> call.answered() < 300).toList();
    }
}
