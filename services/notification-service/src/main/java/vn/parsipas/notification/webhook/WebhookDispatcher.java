package vn.parsipas.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.delivery.Backoff;
import vn.parsipas.notification.delivery.Claimed;
import vn.parsipas.notification.delivery.DeliveryStore;
import vn.parsipas.platform.pump.Pump;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.platform.tracing.EventSpans;
import vn.parsipas.platform.tracing.Traceparent;
import vn.parsipas.platform.webhook.WebhookTargets;

/**
 * Calls the agencies' webhooks: claims due deliveries (a few per agency at a time), POSTs each
 * signed body to the address its host resolved to and was checked against (pinned), and settles each
 * delivery as soon as its own call ends: logs the attempt, retries failures with exponential backoff,
 * dead-letters after the last attempt. No call waits for another, and each is bounded in time and in
 * what it reads ({@link WebhookCall}). Woken by every replica's committed deliveries (NOTIFY), by each
 * call that ends and by polling. What agencies read of a failure is generic: no address, no exception.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String TIMED_OUT = "Máy nhận không trả lời xong trong thời hạn";
    static final String UNREACHABLE = "Không kết nối được tới máy nhận";
    static final String INTERNAL = "Địa chỉ webhook trỏ vào mạng nội bộ, không được phép gửi";
    static final String INTERRUPTED = "Lần gửi bị gián đoạn (dịch vụ dừng khi đang gửi)";

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    DeliveryStore store;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookSecrets secrets;

    @Inject
    EventSpans spans;

    private HttpClient http;
    private volatile Pump pump;
    private final AtomicInteger inFlight = new AtomicInteger();

    void start(@Observes StartupEvent startup) {
        // The delivery's own span carries the trace to the receiver (traceparent header); Vert.x adds none of its own.
        http = vertx.getDelegate().createHttpClient(new HttpClientOptions().setMaxPoolSize(50).setKeepAlive(true)
                .setConnectTimeout((int) config.webhook().timeout().toMillis()).setTracingPolicy(TracingPolicy.IGNORE));
        pump = Pump.of("webhooks", this::pass);
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (pump != null) {
            pump.stop();
        }
    }

    @Scheduled(every = "${parsipas.notification.webhook.poll:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void wake() {
        if (pump != null) {
            pump.wake();
        }
    }

    /** One pass: claims as many due deliveries as there are free places and starts their calls; returns how many. */
    public Uni<Integer> pass() {
        NotificationConfig.Webhook settings = config.webhook();
        int free = settings.batchSize() - inFlight.get();
        if (free <= 0) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        return store.claimWebhooks(now, settings.timeout().multipliedBy(3), free, settings.perAgency()).map(claimed -> {
            for (Claimed delivery : claimed) {
                inFlight.incrementAndGet();
                deliver(delivery, now).onTermination().invoke(() -> {
                    inFlight.decrementAndGet();
                    wake();
                }).subscribe().with(settled -> { }, failure -> LOG.warnf("webhook delivery %s: settling failed, the lease "
                        + "expiry retries it: %s", delivery.id(), failure.toString()));
            }
            return claimed.size();
        });
    }

    /** What became of one delivery: skipped (with the reason), or attempted (status or generic error). */
    private record Result(Claimed delivery, String skipped, String body, Integer status, String error, int millis,
            boolean retry) {
        boolean delivered() {
            return skipped == null && error == null;
        }
    }

    private Uni<Void> deliver(Claimed delivery, Instant now) {
        Uni<Void> lost = delivery.reclaimed() ? logAttempt(delivery, delivery.attempt() - 1, null, INTERRUPTED, 0)
                : Uni.createFrom().voidItem();
        if (delivery.attempt() > config.webhook().maxAttempts()) {
            return lost.chain(() -> failed(new Result(delivery, null, null, null, INTERRUPTED, 0, false), now));
        }
        // Each attempt is a span of the trace of the event that planned the delivery; the receiver gets its traceparent.
        Span span = spans.start("webhook delivery", SpanKind.CLIENT, delivery.traceparent());
        span.setAttribute("parsipas.delivery.id", delivery.id());
        span.setAttribute("parsipas.delivery.attempt", delivery.attempt());
        span.setAttribute("parsipas.agency", delivery.agencyCode());
        return lost.chain(() -> send(delivery, now, Traceparent.of(span.getSpanContext())))
                .invoke(result -> {
                    if (result.status() != null) {
                        span.setAttribute("http.response.status_code", result.status());
                    }
                    if (!result.delivered()) {
                        span.setStatus(StatusCode.ERROR, result.skipped() != null ? result.skipped() : result.error());
                    }
                })
                .chain(result -> settle(result, now))
                .onTermination().invoke(span::end);
    }

    private Uni<Result> send(Claimed delivery, Instant now, String traceparent) {
        if (delivery.webhookUrl() == null) {
            return Uni.createFrom().item(new Result(delivery, "Cơ quan chưa đăng ký địa chỉ webhook", null, null, null, 0, false));
        }
        if (delivery.secret() == null) {
            return Uni.createFrom().item(new Result(delivery, "Chưa đặt khóa ký webhook cho cơ quan", null, null, null, 0, false));
        }
        String body = delivery.payload() != null ? delivery.payload() : WebhookBody.json(delivery, now, config.publicUrl());
        Duration deadline = config.webhook().timeout();
        long started = System.nanoTime();
        String problem = targets.problem(delivery.webhookUrl());
        if (problem != null) {
            LOG.warnf("webhook delivery %s to %s refused: %s", delivery.id(), delivery.agencyCode(), problem);
            return Uni.createFrom().item(new Result(delivery, null, body, null, INTERNAL, 0, false));
        }
        URI url = URI.create(delivery.webhookUrl());
        String secret = secrets.reveal(delivery.agencyCode(), delivery.secret(), delivery.secretEncrypted());
        return targets.resolve(url).ifNoItem().after(deadline).fail()
                .chain(address -> WebhookCall.post(vertx.getDelegate(), http, request(delivery, url, address, secret, body, traceparent),
                        Buffer.buffer(body), remaining(deadline, started), config.webhook().maxResponseBytes()))
                .map(outcome -> {
                    String error = outcome.delivered() ? null : outcome.status() != null ? "HTTP " + outcome.status()
                            : outcome.timedOut() ? TIMED_OUT : UNREACHABLE;
                    if (error != null) {
                        LOG.infof("webhook delivery %s attempt %d: %s", delivery.id(), delivery.attempt(),
                                outcome.failure() != null ? outcome.failure().toString() : error);
                    }
                    return new Result(delivery, null, body, outcome.status(), error, millis(started), true);
                })
                .onFailure().recoverWithItem(failure -> {
                    boolean refused = failure instanceof WebhookTargets.RefusedException;
                    LOG.infof("webhook delivery %s attempt %d: %s", delivery.id(), delivery.attempt(), failure.toString());
                    String error = refused ? INTERNAL : failure instanceof TimeoutException ? TIMED_OUT : UNREACHABLE;
                    return new Result(delivery, null, body, null, error, millis(started), !refused);
                });
    }

    private RequestOptions request(Claimed delivery, URI url, InetAddress address, String secret, String body, String traceparent) {
        int port = url.getPort() > 0 ? url.getPort() : 443;
        // The receiver bounds replays against its own clock: wall-clock time, not the service's (shiftable) business clock.
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(WebhookSigner.SIGNATURE, WebhookSigner.signature(secret, timestamp, body))
                .putHeader(WebhookSigner.DELIVERY, delivery.id())
                .putHeader(WebhookSigner.EVENT, WebhookBody.event(delivery.transition()))
                .putHeader(WebhookSigner.TIMESTAMP, String.valueOf(timestamp))
                .putHeader(WebhookSigner.ATTEMPT, String.valueOf(delivery.attempt()));
        if (traceparent != null) {
            options.putHeader(Traceparent.HEADER, traceparent);
        }
        return options;
    }

    /** Logs the attempt and settles the delivery: sent, skipped, retried later or dead-lettered. */
    private Uni<Void> settle(Result result, Instant now) {
        Claimed delivery = result.delivery();
        if (result.skipped() != null) {
            return store.skipped(List.of(delivery), now, result.skipped());
        }
        registry.counter("parsipas.webhook.attempts", "agency", delivery.agencyCode(),
                "outcome", result.delivered() ? "delivered" : "failed").increment();
        if (result.delivered()) {
            return delivered(result);
        }
        Uni<Void> logged = logAttempt(delivery, delivery.attempt(), result.status(), result.error(), result.millis());
        if (delivery.payload() == null) {
            logged = logged.chain(() -> pool.preparedQuery("update delivery set payload = $2 where id = $1 and payload is null")
                    .execute(Tuple.of(delivery.id(), result.body())).replaceWithVoid());
        }
        return logged.chain(() -> failed(result, now));
    }

    /**
     * A delivered webhook, in one statement (the common case, so one round trip): the attempt logged, the
     * delivery sent with the body it was sent with, "notified" in the alert's timeline.
     */
    private Uni<Void> delivered(Result result) {
        Claimed delivery = result.delivery();
        return pool.preparedQuery("with attempt as (insert into webhook_attempt (id, delivery_id, attempt, at, url, status_code, "
                        + "duration_ms) values ($1, $2, $3, $4, $5, $6, $7)), "
                        + "sent as (update delivery set status = 'sent', sent_at = $4, last_error = null, payload = coalesce(payload, $8) "
                        + "where id = $2 and status = 'sending' returning alert_id, agency_code, channel, transition) "
                        + "insert into alert_timeline (alert_id, at, type, agency_code, detail) "
                        + "select alert_id, $4, 'notified', agency_code, 'Đã gửi webhook (' || channel || ', ' || transition || ')' from sent")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID().toString(), delivery.id(), delivery.attempt(),
                        BusinessTime.utc(clock.instant()), String.valueOf(delivery.webhookUrl()), result.status(), result.millis(),
                        result.body())))
                .replaceWithVoid();
    }

    private Uni<Void> logAttempt(Claimed delivery, int attempt, Integer status, String error, int millis) {
        return pool.preparedQuery("insert into webhook_attempt (id, delivery_id, attempt, at, url, status_code, error, duration_ms) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(UUID.randomUUID().toString(), delivery.id(), attempt,
                        BusinessTime.utc(clock.instant()), String.valueOf(delivery.webhookUrl()), status, error, millis)))
                .replaceWithVoid();
    }

    private Uni<Void> failed(Result result, Instant now) {
        Claimed delivery = result.delivery();
        Backoff backoff = new Backoff(config.webhook().backoffBase(), config.webhook().backoffMax(), config.webhook().maxAttempts());
        Instant retryAt = result.retry() ? backoff.retryAt(now, delivery.attempt()) : null;
        if (retryAt == null) {
            LOG.warnf("webhook delivery %s to %s dead after %d attempts: %s", delivery.id(), delivery.agencyCode(),
                    delivery.attempt(), result.error());
            registry.counter("parsipas.webhook.dead.letters", "agency", delivery.agencyCode()).increment();
        }
        return store.failed(List.of(delivery), now, result.error(), retryAt);
    }

    private static Duration remaining(Duration deadline, long started) {
        Duration left = deadline.minusNanos(System.nanoTime() - started);
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }

    private static int millis(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
