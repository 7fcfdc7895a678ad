package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.notification.silence.ActiveSilences;
import vn.parsipas.notification.silence.Silence;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * Plans the notifications of one transition of an alert, inside the transaction that makes the
 * transition: one delivery per channel and recipient, muted (and counted) where a silence applies.
 * The inbox is delivered at once; e-mail waits for the agency's digest window; webhooks go out as
 * soon as the dispatcher wakes.
 */
@ApplicationScoped
public class Planner {
    /** An agency to notify and why. */
    public record Recipient(String agencyCode, String role) {
    }

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    ActiveSilences silences;

    /** The rows of one transition's notifications, and the agencies whose live inbox hears of it now (the unmuted ones). */
    public record Plan(List<Delivery> deliveries, List<TimelineEntry> timeline, Map<String, Integer> mutedBySilence,
            List<String> live) {
    }

    /** Plans the deliveries in the caller's Hibernate transaction and returns the agencies to tell now. */
    public Uni<List<String>> plan(Alert alert, String transition, List<String> channels, List<Recipient> recipients) {
        Plan plan = rows(alert, transition, channels, recipients, clock.instant(), Traceparent.current());
        List<Object> rows = new ArrayList<>(plan.deliveries());
        rows.addAll(plan.timeline());
        return Panache.getSession().chain(session -> {
            Uni<Void> counted = Uni.createFrom().voidItem();
            for (Map.Entry<String, Integer> count : plan.mutedBySilence().entrySet()) {
                counted = counted.chain(() -> Silence.update("mutedCount = mutedCount + ?1 where id = ?2", count.getValue(),
                        count.getKey()).replaceWithVoid());
            }
            return counted.chain(() -> session.persistAll(rows.toArray()));
        }).replaceWith(plan.live());
    }

    /**
     * One delivery per channel and recipient, muted where a silence applies, with the timeline lines
     * that say so; {@code traceparent} is the trace the deliveries continue.
     */
    public Plan rows(Alert alert, String transition, List<String> channels, List<Recipient> recipients, Instant now,
            String traceparent) {
        List<Delivery> deliveries = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        List<String> live = new ArrayList<>();
        Map<String, Integer> muted = new HashMap<>();
        for (Recipient recipient : recipients) {
            Optional<ActiveSilences.Window> silence = silences.muting(now, alert.fingerprint, recipient.agencyCode());
            for (String channel : channels) {
                deliveries.add(delivery(alert, transition, channel, recipient, silence.orElse(null), now, traceparent));
            }
            if (silence.isPresent()) {
                muted.merge(silence.get().id(), channels.size(), Integer::sum);
                timeline.add(TimelineEntry.of(alert.id, now, "muted", recipient.agencyCode(), null,
                        "Không gửi (" + String.join(", ", channels) + ") do tạm ngưng thông báo: " + silence.get().reason()));
            } else {
                live.add(recipient.agencyCode());
                if (channels.contains(Delivery.INBOX)) {
                    timeline.add(TimelineEntry.of(alert.id, now, "notified", recipient.agencyCode(), null,
                            "Đã đưa vào hộp thư (" + transition + ")"));
                }
            }
        }
        return new Plan(deliveries, timeline, muted, live);
    }

    private Delivery delivery(Alert alert, String transition, String channel, Recipient recipient,
            ActiveSilences.Window silence, Instant now, String traceparent) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID().toString();
        delivery.alertId = alert.id;
        delivery.transition = transition;
        delivery.channel = channel;
        delivery.agencyCode = recipient.agencyCode();
        delivery.role = recipient.role();
        delivery.createdAt = now;
        delivery.traceparent = traceparent;
        if (silence != null) {
            delivery.status = Delivery.MUTED;
            delivery.silenceId = silence.id();
        } else if (Delivery.INBOX.equals(channel)) {
            delivery.status = Delivery.SENT;
            delivery.sentAt = now;
        } else {
            delivery.status = Delivery.PENDING;
            delivery.nextAttemptAt = Delivery.EMAIL.equals(channel) ? now.plus(config.email().digestWindow()) : now;
        }
        return delivery;
    }
}
