package vn.parsipas.notification.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;

/**
 * One POST to a receiver, bounded whatever the receiver does: the whole exchange has a deadline
 * (a receiver trickling its answer is cut off), and at most {@code maxBytes} of the answer are read
 * (an endless body is never buffered). Either way the connection is reset, never returned to the pool.
 */
final class WebhookCall {
    /** How a call ended: the receiver's status, or why there is none (a cause for the service's log only). */
    record Outcome(Integer status, boolean timedOut, Throwable failure) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private WebhookCall() {
    }

    static Uni<Outcome> post(Vertx vertx, HttpClient http, RequestOptions options, Buffer body, Duration deadline, int maxBytes) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            long timer = vertx.setTimer(deadline.toMillis(), id -> end(emitter, done, sent, new Outcome(null, true, null)));
            emitter.onTermination(() -> vertx.cancelTimer(timer));
            http.request(options).onFailure(failure -> end(emitter, done, sent, new Outcome(null, false, failure)))
                    .onSuccess(request -> {
                        request.exceptionHandler(failure -> end(emitter, done, sent, new Outcome(null, false, failure)));
                        sent.set(request);
                        if (done.get()) {
                            request.reset();
                            return;
                        }
                        request.send(body).onFailure(failure -> end(emitter, done, sent, new Outcome(null, false, failure)))
                                .onSuccess(response -> {
                                    Outcome answered = new Outcome(response.statusCode(), false, null);
                                    AtomicLong read = new AtomicLong();
                                    response.handler(chunk -> {
                                        if (read.addAndGet(chunk.length()) > maxBytes) {
                                            end(emitter, done, sent, answered);
                                        }
                                    });
                                    response.exceptionHandler(failure -> end(emitter, done, sent, new Outcome(null, false, failure)));
                                    response.endHandler(ended -> {
                                        if (done.compareAndSet(false, true)) {
                                            emitter.complete(answered);
                                        }
                                    });
                                });
                    });
        });
    }

    /** Settles the call once; an exchange still open is reset so that nothing more is read or waited for. */
    private static void end(UniEmitter<? super Outcome> emitter, AtomicBoolean done, AtomicReference<HttpClientRequest> sent,
            Outcome outcome) {
        if (done.compareAndSet(false, true)) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            emitter.complete(outcome);
        }
    }
}
