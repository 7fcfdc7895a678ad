package vn.parsipas.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.delivery.Backoff;
import vn.parsipas.notification.delivery.Claimed;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.notification.delivery.DeliveryStore;
import vn.parsipas.notification.delivery.Pump;

/**
 * Calls the agencies' webhooks: claims due deliveries, POSTs the signed body, logs every attempt,
 * retries failures with exponential backoff and dead-letters a delivery after the last attempt.
 * Woken by every replica's committed deliveries (NOTIFY) and by polling.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

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

    private HttpClient http;
    private Pump pump;
    private volatile boolean stopped;

    void start(@Observes StartupEvent startup) {
        http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(50).setKeepAlive(true)
                .setConnectTimeout((int) config.webhook().timeout().toMillis()));
        pump = new Pump("webhooks", this::pass);
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
    }

    @Scheduled(every = "${parsipas.notification.webhook.poll:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void wake() {
        if (!stopped && pump != null) {
            pump.wake();
        }
    }

    /** One pass: sends the due webhook deliveries concurrently and settles them; returns how many it claimed. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        NotificationConfig.Webhook settings = config.webhook();
        return store.claim(Delivery.WEBHOOK, now, settings.timeout().multipliedBy(3), settings.batchSize(), false)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(claimed.stream().map(delivery -> deliver(delivery, now)).toList())
                                .andCollectFailures().replaceWith(claimed.size()));
    }

    private Uni<Void> deliver(Claimed delivery, Instant now) {
        if (delivery.webhookUrl() == null) {
            return store.skipped(List.of(delivery), now, "Cơ quan chưa đăng ký địa chỉ webhook");
        }
        if (delivery.secret() == null) {
            return store.skipped(List.of(delivery), now, "Chưa đặt khóa ký webhook cho cơ quan");
        }
        String body = delivery.payload() != null ? delivery.payload() : WebhookBody.json(delivery, now, config.publicUrl());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(delivery.webhookUrl())
                .setTimeout(config.webhook().timeout().toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(WebhookSigner.SIGNATURE, WebhookSigner.signature(delivery.secret(), body))
                .putHeader(WebhookSigner.DELIVERY, delivery.id())
                .putHeader(WebhookSigner.EVENT, WebhookBody.event(delivery.transition()))
                .putHeader(WebhookSigner.TIMESTAMP, String.valueOf(now.getEpochSecond()))
                .putHeader(WebhookSigner.ATTEMPT, String.valueOf(delivery.attempt()));
        long started = System.nanoTime();
        return http.request(request)
                .chain(call -> call.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> status >= 200 && status < 300 ? new Attempt(status, null)
                        : new Attempt(status, "HTTP " + status))
                .onFailure().recoverWithItem(failure -> new Attempt(null, failure.toString()))
                .chain(attempt -> settle(delivery, body, attempt, (System.nanoTime() - started) / 1_000_000, now));
    }

    private record Attempt(Integer status, String error) {
    }

    private Uni<Void> settle(Claimed delivery, String body, Attempt attempt, long millis, Instant now) {
        registry.counter("parsipas.webhook.attempts", "agency", delivery.agencyCode(),
                "outcome", attempt.error() == null ? "delivered" : "failed").increment();
        Uni<Void> logged = pool.withTransaction(sql -> sql.preparedQuery("insert into webhook_attempt "
                                + "(id, delivery_id, attempt, at, url, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                        .execute(Tuple.from(Arrays.asList(UUID.randomUUID().toString(), delivery.id(), delivery.attempt(),
                                DeliveryStore.utc(now), delivery.webhookUrl(), attempt.status(), attempt.error(), (int) millis)))
                        .chain(() -> sql.preparedQuery("update delivery set payload = $2 where id = $1 and payload is null")
                                .execute(Tuple.of(delivery.id(), body))))
                .replaceWithVoid();
        if (attempt.error() == null) {
            return logged.chain(() -> store.sent(List.of(delivery), clock.instant(), "Đã gửi webhook"));
        }
        Backoff backoff = new Backoff(config.webhook().backoffBase(), config.webhook().backoffMax(), config.webhook().maxAttempts());
        Instant retryAt = backoff.retryAt(now, delivery.attempt());
        if (retryAt == null) {
            LOG.warnf("webhook delivery %s to %s dead after %d attempts: %s", delivery.id(), delivery.agencyCode(),
                    delivery.attempt(), attempt.error());
            registry.counter("parsipas.webhook.dead.letters", "agency", delivery.agencyCode()).increment();
        }
        return logged.chain(() -> store.failed(List.of(delivery), now, attempt.error(), retryAt));
    }
}
