package vn.parsipas.platform.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * Remembers which events a consumer applied. Called inside the transaction of the effect: a
 * redelivered event finds its row and is skipped; two concurrent deliveries serialise on the
 * primary key and only the first applies.
 */
@ApplicationScoped
public class Inbox {
    @Inject
    Clock clock;

    /** True the first time this consumer sees this (source, id); false for a redelivery. */
    public Uni<Boolean> firstDelivery(String consumer, ReceivedEvent event) {
        return firstDelivery(consumer, event.source(), event.id());
    }

    public Uni<Boolean> firstDelivery(String consumer, String source, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into inbox (consumer, source, event_id, received_at) values (?1, ?2, ?3, ?4) "
                                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, source)
                .setParameter(3, eventId)
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
