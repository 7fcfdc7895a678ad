package vn.parsipas.platform.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.time.BusinessTime;

/** The record of what operators did with dead letters ({@code dead_letter_action}): the handled records and the audit list. */
@ApplicationScoped
public class DeadLetterLog {
    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Schema(description = "A replay or discard of one dead letter: who, when, what and why")
    public record Action(
            @Schema(description = "replayed or discarded", enumeration = { "replayed", "discarded" }) String action,
            @Schema(description = "the dead-letter topic") String topic,
            int partition,
            long offset,
            @Schema(nullable = true) String originalTopic,
            @Schema(nullable = true) String eventId,
            @Schema(nullable = true) String eventType,
            @Schema(nullable = true) String eventSource,
            @Schema(description = "why the record had been refused") String reason,
            @Schema(description = "the operator's reason", nullable = true) String comment,
            @Schema(description = "who did it (the token's user name)") String actor,
            Instant actedAt) {
    }

    /** "partition:offset" of every handled record of a topic. */
    Uni<Set<String>> handled(String topic) {
        return pool.preparedQuery("select partition_no, record_offset from dead_letter_action where topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Set<String> handled = new HashSet<>();
                    rows.forEach(row -> handled.add(row.getInteger(0) + ":" + row.getLong(1)));
                    return handled;
                });
    }

    /**
     * Records these actions in the connection's transaction, each record once: those another
     * operator handled meanwhile are left out of the answer.
     */
    Uni<List<DeadLetter>> record(SqlConnection connection, String topic, List<DeadLetter> letters, String action,
            String comment, String actor) {
        OffsetDateTime now = BusinessTime.utc(clock.instant());
        List<DeadLetter> recorded = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DeadLetter letter : letters) {
            chain = chain.chain(() -> connection.preparedQuery("insert into dead_letter_action (topic, partition_no, record_offset, "
                            + "original_topic, event_id, event_type, event_source, reason, action, comment, actor, acted_at) "
                            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict do nothing")
                    .execute(Tuple.from(List.of(topic, letter.partition(), letter.offset())).addValue(letter.originalTopic())
                            .addValue(letter.eventId()).addValue(letter.eventType()).addValue(letter.eventSource())
                            .addValue(letter.reason()).addValue(action).addValue(comment).addValue(actor).addValue(now))
                    .invoke(rows -> {
                        if (rows.rowCount() == 1) {
                            recorded.add(letter);
                        }
                    })
                    .replaceWithVoid());
        }
        return chain.map(ignored -> recorded);
    }

    /** A page of actions, newest first, optionally of one topic. */
    Uni<Page<Action>> list(String topic, String cursor, int limit) {
        long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : parse(cursor);
        return pool.preparedQuery("select id, action, topic, partition_no, record_offset, original_topic, event_id, event_type, "
                        + "event_source, reason, comment, actor, acted_at from dead_letter_action "
                        + "where id < $1 and ($2::text is null or topic = $2) order by id desc limit $3")
                .execute(Tuple.of(before, topic, limit + 1))
                .map(rows -> {
                    List<Action> actions = new ArrayList<>();
                    long last = 0;
                    for (Row row : rows) {
                        if (actions.size() == limit) {
                            return new Page<>(actions, encode(last));
                        }
                        last = row.getLong("id");
                        actions.add(new Action(row.getString("action"), row.getString("topic"), row.getInteger("partition_no"),
                                row.getLong("record_offset"), row.getString("original_topic"), row.getString("event_id"),
                                row.getString("event_type"), row.getString("event_source"), row.getString("reason"),
                                row.getString("comment"), row.getString("actor"),
                                row.getOffsetDateTime("acted_at").toInstant()));
                    }
                    return new Page<>(actions, null);
                });
    }

    private static String encode(long id) {
        return Cursors.encode(String.valueOf(id));
    }

    private static long parse(String cursor) {
        return Cursors.decode(cursor, 1, parts -> Long.parseLong(parts.get(0)));
    }
}
