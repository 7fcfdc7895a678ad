package vn.parsipas.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.delivery.Backoff;
import vn.parsipas.notification.delivery.Claimed;
import vn.parsipas.notification.delivery.DeliveryStore;
import vn.parsipas.platform.pump.Pump;
import vn.parsipas.platform.tracing.EventSpans;

/**
 * Sends the e-mail notifications: when an agency's oldest pending e-mail falls due (its digest
 * window has passed), everything pending for that agency leaves as one message — a notice for
 * one, a digest for several — in HTML and plain text.
 */
@ApplicationScoped
public class EmailDispatcher {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** A digest lists at most this many notifications; more leave as several messages. */
    private static final int MAX_ITEMS = 50;

    @Inject
    Clock clock;

    @Inject
    DeliveryStore store;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    EventSpans spans;

    private final Pump pump = Pump.of("e-mail", this::pass);

    @Scheduled(every = "${parsipas.notification.email.poll:10s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        pump.wake();
    }

    /** One pass: sends the due e-mails of up to 50 agencies; returns how many deliveries it claimed. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return store.claimEmails(now, LEASE, 500).chain(claimed -> {
            Map<String, List<Claimed>> byAgency = new LinkedHashMap<>();
            claimed.forEach(delivery -> byAgency.computeIfAbsent(delivery.agencyCode(), code -> new ArrayList<>()).add(delivery));
            List<Uni<Void>> sends = new ArrayList<>();
            for (List<Claimed> group : byAgency.values()) {
                for (int from = 0; from < group.size(); from += MAX_ITEMS) {
                    sends.add(send(group.subList(from, Math.min(group.size(), from + MAX_ITEMS)), now));
                }
            }
            return sends.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(sends).andCollectFailures().replaceWith(claimed.size());
        });
    }

    private Uni<Void> send(List<Claimed> group, Instant now) {
        Claimed first = group.get(0);
        if (first.emails().isEmpty()) {
            return store.skipped(group, now, "Cơ quan chưa có địa chỉ thư điện tử").invoke(() -> count(group, "skipped"));
        }
        // The message is a span of the trace of its first notification's event (a digest gathers several).
        Span span = spans.start("e-mail notification", SpanKind.CLIENT, group.stream().map(Claimed::traceparent)
                .filter(Objects::nonNull).findFirst().orElse(null));
        span.setAttribute("parsipas.agency", first.agencyCode());
        span.setAttribute("parsipas.notifications", group.size());
        List<Mails.Item> items = group.stream().map(delivery -> Mails.item(delivery, config.publicUrl())).toList();
        MailTemplateInstance mail = items.size() == 1 ? Mails.Templates.notice(first.agencyName(), items.get(0))
                : Mails.Templates.digest(first.agencyName(), items);
        return mail.to(first.emails().toArray(String[]::new))
                .from(config.email().from())
                .subject(Mails.subject(first.agencyName(), items))
                .send()
                .chain(() -> store.sent(group, clock.instant(), items.size() == 1 ? "Đã gửi thư điện tử"
                        : "Đã gửi thư điện tử tổng hợp " + items.size() + " thông báo"))
                .invoke(() -> count(group, "sent"))
                .onFailure().recoverWithUni(failure -> {
                    int attempt = group.stream().mapToInt(Claimed::attempt).max().orElse(1);
                    Backoff backoff = new Backoff(config.email().backoffBase(), config.email().backoffMax(),
                            config.email().maxAttempts());
                    LOG.warnf("e-mail to %s failed (attempt %d): %s", first.agencyCode(), attempt, failure.toString());
                    count(group, "failed");
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR);
                    return store.failed(group, now, failure.toString(), backoff.retryAt(now, attempt));
                })
                .onTermination().invoke(span::end);
    }

    /** Deliveries per outcome, for the dashboards' "deliveries failed" next to the webhooks' attempts. */
    private void count(List<Claimed> group, String outcome) {
        registry.counter("parsipas.email.deliveries", "outcome", outcome).increment(group.size());
    }
}
