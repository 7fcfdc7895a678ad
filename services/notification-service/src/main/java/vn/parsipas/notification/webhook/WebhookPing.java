package vn.parsipas.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.webhook.WebhookTargets;

/**
 * A test send to an agency's webhook, on request: one signed {@code ping} (event {@value #EVENT}),
 * answered at once with what the receiver said. It goes through the same guards as a delivery (the
 * address must be allowed, the call has a deadline and reads little of the answer) but is not one:
 * nothing is retried or logged as a delivery, so an agency can check its receiver and its secret.
 */
@ApplicationScoped
public class WebhookPing {
    static final String EVENT = "ping";
    private static final Logger LOG = Logger.getLogger(WebhookPing.class);

    /** What the receiver answered: its HTTP status, or the (generic) reason there is none. */
    @Schema(name = "WebhookTestOutcome", requiredProperties = { "url", "at", "durationMs", "delivered" })
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

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookTargets targets;

    private HttpClient http;

    void start(@Observes StartupEvent startup) {
        http = vertx.getDelegate().createHttpClient(new HttpClientOptions().setMaxPoolSize(4)
                .setConnectTimeout((int) config.webhook().timeout().toMillis()));
    }

    public Uni<Outcome> ping(String agencyCode) {
        return pool.preparedQuery("select g.webhook_url, s.secret, s.encrypted from agency g "
                        + "left join webhook_secret s on s.agency_code = g.code where g.code = $1").execute(Tuple.of(agencyCode))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new NotFoundException("Agency", agencyCode);
                    }
                    var row = rows.iterator().next();
                    String url = row.getString("webhook_url");
                    String stored = row.getString("secret");
                    if (url == null) {
                        throw new ConflictException("agency " + agencyCode + " has no webhook URL in the directory");
                    }
                    if (stored == null) {
                        throw new ConflictException("agency " + agencyCode + " has no webhook secret: set one first");
                    }
                    return send(agencyCode, url, secrets.reveal(agencyCode, stored, Boolean.TRUE.equals(row.getBoolean("encrypted"))));
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
        long started = System.nanoTime();
        if (targets.problem(url) != null) {
            return Uni.createFrom().item(new Outcome(url, now, null, WebhookTargets.INTERNAL, 0, false));
        }
        Duration deadline = config.webhook().timeout();
        URI target = URI.create(url);
        return targets.resolve(target).ifNoItem().after(deadline).fail()
                .chain(address -> WebhookCall.post(vertx.getDelegate(), http, request(id, target, address, secret, body),
                        Buffer.buffer(body), deadline, config.webhook().maxResponseBytes()))
                .map(outcome -> new Outcome(url, now, outcome.status(), outcome.delivered() ? null
                        : outcome.status() != null ? "HTTP " + outcome.status()
                                : outcome.timedOut() ? WebhookDispatcher.TIMED_OUT : WebhookDispatcher.UNREACHABLE,
                        millisSince(started), outcome.delivered()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("webhook test of %s: %s", agencyCode, failure.toString());
                    String error = failure instanceof WebhookTargets.RefusedException ? WebhookTargets.INTERNAL
                            : failure instanceof TimeoutException ? WebhookDispatcher.TIMED_OUT : WebhookDispatcher.UNREACHABLE;
                    return new Outcome(url, now, null, error, millisSince(started), false);
                });
    }

    private static RequestOptions request(String id, URI url, InetAddress address, String secret, String body) {
        int port = url.getPort() > 0 ? url.getPort() : 443;
        long timestamp = Instant.now().getEpochSecond();
        return new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(WebhookSigner.SIGNATURE, WebhookSigner.signature(secret, timestamp, body))
                .putHeader(WebhookSigner.DELIVERY, id)
                .putHeader(WebhookSigner.EVENT, EVENT)
                .putHeader(WebhookSigner.TIMESTAMP, String.valueOf(timestamp))
                .putHeader(WebhookSigner.ATTEMPT, "1");
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
