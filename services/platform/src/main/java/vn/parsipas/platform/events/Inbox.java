package vn.parsipas.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.time.BusinessTime;

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
                .setParameter(4, BusinessTime.utc(clock.instant()))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The events of a batch this consumer sees for the first time, in their order, inside the
     * caller's SQL transaction: one statement for the whole batch; an id repeated within the batch
     * counts once.
     */
    public Uni<List<ReceivedEvent>> firstDeliveries(SqlConnection connection, String consumer, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] sources = events.stream().map(ReceivedEvent::source).toArray(String[]::new);
        String[] ids = events.stream().map(ReceivedEvent::id).toArray(String[]::new);
        return connection.preparedQuery("insert into inbox (consumer, source, event_id, received_at) "
                        + "select $1, s, i, $4 from unnest($2::text[], $3::text[]) as t(s, i) "
                        + "on conflict do nothing returning source, event_id")
                .execute(Tuple.of(consumer, sources, ids, BusinessTime.utc(clock.instant())))
                .map(rows -> {
                    Set<List<String>> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(List.of(row.getString("source"), row.getString("event_id"))));
                    return inOrder(events, inserted);
                });
    }

    /** Removes these events from the consumer's inbox, in the caller's SQL transaction: a refused event may come again. */
    public Uni<Void> forget(SqlConnection connection, String consumer, List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] sources = events.stream().map(ReceivedEvent::source).toArray(String[]::new);
        String[] ids = events.stream().map(ReceivedEvent::id).toArray(String[]::new);
        return connection.preparedQuery("delete from inbox where consumer = $1 and (source, event_id) in "
                        + "(select s, i from unnest($2::text[], $3::text[]) as t(s, i))")
                .execute(Tuple.of(consumer, sources, ids)).replaceWithVoid();
    }

    /** The events whose (source, id) the insert returned, each once, in record order. */
    private static List<ReceivedEvent> inOrder(List<ReceivedEvent> events, Set<List<String>> inserted) {
        List<ReceivedEvent> first = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (inserted.remove(List.of(event.source(), event.id()))) {
                first.add(event);
            }
        }
        return first;
    }
}
