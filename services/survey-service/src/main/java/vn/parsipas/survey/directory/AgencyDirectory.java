package vn.parsipas.survey.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.platform.time.ProducerClock;
import vn.parsipas.survey.Db;

/** survey-service's copy of the agency directory (directory.agencies.v1), to validate agency codes. */
@ApplicationScoped
public class AgencyDirectory {
    static final String COLLECTIVE = "collective";

    @Inject
    EventConsumer events;

    @Inject
    ProducerClock producerClock;

    public record Agency(String code, String name, String kind, boolean active) {
        /** Can a dossier have been handled by it? Collectives (ALL-AGENCIES, ...) are groups, not offices. */
        public boolean handlesDossiers() {
            return !COLLECTIVE.equals(kind);
        }
    }

    @Incoming("agencies")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consume(message, "survey-directory", Set.of(EventType.AGENCY_UPSERTED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        AgencyUpserted agency = event.data(AgencyUpserted.class);
        // Latest wins; an older record replayed from the compacted topic does not undo a newer one, and
        // one dated in the future counts as now plus the allowed clock skew, so it cannot pin the agency.
        return Db.execute("insert into agency (code, name, kind, active, updated_at) values (?1, ?2, ?3, ?4, ?5)"
                        + " on conflict (code) do update set name = excluded.name, kind = excluded.kind,"
                        + " active = excluded.active, updated_at = excluded.updated_at"
                        + " where agency.updated_at <= excluded.updated_at",
                agency.code(), agency.name(), agency.kind(), agency.active(),
                producerClock.capped(agency.updatedAt(), "agency " + agency.code() + " (event " + event.id() + ")"))
                .replaceWithVoid();
    }

    /** The known agencies among these codes, in the caller's session. */
    public Uni<Map<String, Agency>> find(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> distinct = codes.stream().distinct().toList();
        return Db.rows("select code, name, kind, active from agency where code in ("
                        + Db.placeholders(distinct.size()) + ")", distinct.toArray())
                .map(rows -> rows.stream()
                        .map(row -> new Agency((String) row[0], (String) row[1], (String) row[2], (Boolean) row[3]))
                        .collect(Collectors.toMap(Agency::code, Function.identity())));
    }
}
