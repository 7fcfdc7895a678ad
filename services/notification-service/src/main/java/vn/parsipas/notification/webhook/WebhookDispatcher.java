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

    /** One pass: sends the due webhook deliveries concurrently, then settles them together; returns how many it claimed. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        NotificationConfig.Webhook settings = config.webhook();
        return store.claim(Delivery.WEBHOOK, now, settings.timeout().multipliedBy(3), settings.batchSize(), false)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(claimed.stream().map(delivery -> send(delivery, now)).toList()).andCollectFailures()
                                .chain(results -> settle(results, now)).replaceWith(claimed.size()));
    }

    /** What became of one delivery: skipped (with the reason), or attempted (status or error). */
    private record Result(Claimed delivery, String skipped, String body, Integer status, String error, int millis) {
        boolean delivered() {
            return skipped == null && error == null;
        }
    }

    private Uni<Result> send(Claimed delivery, Instant now) {
        if (delivery.webhookUrl() == null) {
            return Uni.createFrom().item(new Result(delivery, "Cơ quan chưa đăng ký địa chỉ webhook", null, null, null, 0));
        }
        if (delivery.secret() == null) {
            return Uni.createFrom().item(new Result(delivery, "Chưa đặt khóa ký webhook cho cơ quan", null, null, null, 0));
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
                .map(status -> new Result(delivery, null, body, status, status >= 200 && status < 300 ? null : "HTTP " + status,
                        (int) ((System.nanoTime() - started) / 1_000_000)))
                .onFailure().recoverWithItem(failure -> new Result(delivery, null, body, null, failure.toString(),
                        (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    /** Logs every attempt and settles the pass's deliveries in a few statements, whatever their number. */
    private Uni<Void> settle(List<Result> results, Instant now) {
        List<Result> attempted = results.stream().filter(result -> result.skipped() == null).toList();
        List<Tuple> attempts = attempted.stream().map(r -> Tuple.from(Arrays.asList(UUID.randomUUID().toString(),
                r.delivery().id(), r.delivery().attempt(), DeliveryStore.utc(now), r.delivery().webhookUrl(), r.status(),
                r.error(), r.millis()))).toList();
        List<Tuple> payloads = attempted.stream().filter(r -> r.delivery().payload() == null)
                .map(r -> Tuple.of(r.delivery().id(), r.body())).toList();
        Uni<Void> chain = attempts.isEmpty() ? Uni.createFrom().voidItem() : pool.withTransaction(sql -> sql.preparedQuery(
                        "insert into webhook_attempt (id, delivery_id, attempt, at, url, status_code, error, duration_ms) "
                                + "values ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(attempts)
                .chain(() -> payloads.isEmpty() ? Uni.createFrom().voidItem()
                        : sql.preparedQuery("update delivery set payload = $2 where id = $1 and payload is null")
                                .executeBatch(payloads).replaceWithVoid()))
                .replaceWithVoid();
        List<Claimed> delivered = attempted.stream().filter(Result::delivered).map(Result::delivery).toList();
        chain = chain.chain(() -> store.sent(delivered, clock.instant(), "Đã gửi webhook"));
        for (Result result : results) {
            if (result.skipped() != null) {
                chain = chain.chain(() -> store.skipped(List.of(result.delivery()), now, result.skipped()));
            } else if (!result.delivered()) {
                chain = chain.chain(() -> failed(result, now));
            }
        }
        attempted.forEach(r -> registry.counter("parsipas.webhook.attempts", "agency", r.delivery().agencyCode(),
                "outcome", r.delivered() ? "delivered" : "failed").increment());
        return chain;
    }

    private Uni<Void> failed(Result result, Instant now) {
        Claimed delivery = result.delivery();
        Backoff backoff = new Backoff(config.webhook().backoffBase(), config.webhook().backoffMax(), config.webhook().maxAttempts());
        Instant retryAt = backoff.retryAt(now, delivery.attempt());
        if (retryAt == null) {
            LOG.warnf("webhook delivery %s to %s dead after %d attempts: %s", delivery.id(), delivery.agencyCode(),
                    delivery.attempt(), result.error());
            registry.counter("parsipas.webhook.dead.letters", "agency", delivery.agencyCode()).increment();
        }
        return store.failed(List.of(delivery), now, result.error(), retryAt);
    }
}
