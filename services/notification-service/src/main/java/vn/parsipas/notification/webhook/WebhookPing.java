package vn.parsipas.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * A test send to an agency's webhook, on request: one signed {@code ping} (event {@value #EVENT}),
 * answered at once with what the receiver said. It is not a delivery: nothing is retried or logged
 * as one, so an agency can check its receiver and its secret before alerts depend on them.
 */
@ApplicationScoped
public class WebhookPing {
    static final String EVENT = "ping";

    /** What the receiver answered: its HTTP status, or the error that prevented an answer. */
    public record Outcome(String url, Instant at, Integer statusCode, String error, int durationMs, boolean delivered) {
    }

    record Body(String event, String deliveryId, String agencyCode, Instant sentAt, String message) {
    }

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    private HttpClient http;

    void start(@Observes StartupEvent startup) {
        http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(4)
                .setConnectTimeout((int) config.webhook().timeout().toMillis()));
    }

    public Uni<Outcome> ping(String agencyCode) {
        return pool.preparedQuery("select g.webhook_url, s.secret from agency g left join webhook_secret s on s.agency_code = g.code "
                        + "where g.code = $1").execute(Tuple.of(agencyCode))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new NotFoundException("Agency", agencyCode);
                    }
                    var row = rows.iterator().next();
                    String url = row.getString("webhook_url");
                    String secret = row.getString("secret");
                    if (url == null) {
                        throw new ConflictException("agency " + agencyCode + " has no webhook URL in the directory");
                    }
                    if (secret == null) {
                        throw new ConflictException("agency " + agencyCode + " has no webhook secret: set one first");
                    }
                    return send(agencyCode, url, secret);
                });
    }

    private Uni<Outcome> send(String agencyCode, String url, String secret) {
        Instant now = clock.instant();
        String id = "ping-" + UUID.randomUUID();
        String body;
        try {
            body = EventJson.mapper().writeValueAsString(new Body(EVENT, id, agencyCode, now,
                    "Thử gửi webhook từ PAR·SIPAS: nếu nhận được thông báo này, địa chỉ và khóa ký đã đúng."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setTimeout(config.webhook().timeout().toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(WebhookSigner.SIGNATURE, WebhookSigner.signature(secret, body))
                .putHeader(WebhookSigner.DELIVERY, id)
                .putHeader(WebhookSigner.EVENT, EVENT)
                .putHeader(WebhookSigner.TIMESTAMP, String.valueOf(now.getEpochSecond()))
                .putHeader(WebhookSigner.ATTEMPT, "1");
        long started = System.nanoTime();
        return http.request(request)
                .chain(call -> call.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> new Outcome(url, now, status, status >= 200 && status < 300 ? null : "HTTP " + status,
                        millisSince(started), status >= 200 && status < 300))
                .onFailure().recoverWithItem(failure -> new Outcome(url, now, null, failure.toString(), millisSince(started), false));
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
