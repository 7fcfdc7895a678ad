package vn.parsipas.platform.testapp;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * A consumer as small as a service's, a poll at a time as notification-service's fact consumer:
 * counts each applied event on the agency's row. "BỊ TỪ CHỐI" in a name is refused inside the
 * transaction, so its batch falls back to one by one.
 */
@ApplicationScoped
public class DirectoryConsumer {
    @Inject
    EventConsumer events;

    @Incoming("directory")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeBatch(batch, "platform-test-directory", Set.of(EventType.AGENCY_UPSERTED), this::applyAll);
    }

    private Uni<Void> applyAll(List<ReceivedEvent> received) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent event : received) {
            chain = chain.chain(() -> apply(event));
        }
        return chain;
    }

    private Uni<Void> apply(ReceivedEvent event) {
        AgencyUpserted agency = event.data(AgencyUpserted.class);
        if (agency.name().contains("BỊ TỪ CHỐI")) {
            throw new InvalidEventException("business rule: agency " + agency.code() + " is refused");
        }
        return AgencyCopy.<AgencyCopy>findById(agency.code()).chain(existing -> {
            if (existing == null) {
                AgencyCopy copy = new AgencyCopy();
                copy.code = agency.code();
                copy.name = agency.name();
                copy.applied = 1;
                return copy.persist().replaceWithVoid();
            }
            existing.applied++;
            return Uni.createFrom().voidItem();
        });
    }
}
