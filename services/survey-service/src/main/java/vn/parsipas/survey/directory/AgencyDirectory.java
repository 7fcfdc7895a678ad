package vn.parsipas.survey.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.platform.time.ProducerClock;

/** survey-service's copy of the agency directory (directory.agencies.v1), to validate agency codes. */
@ApplicationScoped
public class AgencyDirectory {
    static final String COLLECTIVE = "collective";

    @Inject
    EventConsumer events;

    @Inject
    ProducerClock producerClock;

    @Inject
    Pool pool;

    public record Agency(String code, String name, String kind, boolean active) {
        /** Can a dossier have been handled by it? Collectives (ALL-AGENCIES, ...) are groups, not offices. */
        public boolean handlesDossiers() {
            return !COLLECTIVE.equals(kind);
        }
    }

    @Incoming("agencies")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consumeOnPool(message, "survey-directory", Set.of(EventType.AGENCY_UPSERTED), this::apply);
    }

    private Uni<Void> apply(SqlConnection connection, ReceivedEvent event) {
        AgencyUpserted agency = event.data(AgencyUpserted.class);
        // Latest wins; an older record replayed from the compacted topic does not undo a newer one, and
        // one dated in the future counts as now plus the allowed clock skew, so it cannot pin the agency.
        return connection.preparedQuery("insert into agency (code, name, kind, active, updated_at) values ($1, $2, $3, $4, $5)"
                        + " on conflict (code) do update set name = excluded.name, kind = excluded.kind,"
                        + " active = excluded.active, updated_at = excluded.updated_at"
                        + " where agency.updated_at <= excluded.updated_at")
                .execute(Tuple.of(agency.code(), agency.name(), agency.kind(), agency.active(), BusinessTime.utc(
                        producerClock.capped(agency.updatedAt(), "agency " + agency.code() + " (event " + event.id() + ")"))))
                .replaceWithVoid();
    }

    /** The known agencies among these codes. */
    public Uni<Map<String, Agency>> find(Collection<String> codes) {
        return find(pool, codes);
    }

    /** The known agencies among these codes, on the caller's connection (in its transaction) or the pool. */
    public Uni<Map<String, Agency>> find(SqlClient client, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] distinct = codes.stream().distinct().toArray(String[]::new);
        return client.preparedQuery("select code, name, kind, active from agency where code = any($1::text[])")
                .execute(Tuple.of(distinct))
                .map(rows -> {
                    Map<String, Agency> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("code"), new Agency(row.getString("code"), row.getString("name"),
                            row.getString("kind"), row.getBoolean("active"))));
                    return found;
                });
    }
}
