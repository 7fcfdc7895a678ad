package vn.parsipas.platform.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/** A consumer as small as a service's: counts each applied event on the agency's row. */
@ApplicationScoped
public class DirectoryConsumer {
    /** Events whose first attempt failed ("LỖI TẠM THỜI" in the name): the retry is applied. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Inject
    EventConsumer events;

    @Incoming("directory")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consume(message, "platform-test-directory", Set.of(EventType.AGENCY_UPSERTED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        AgencyUpserted agency = event.data(AgencyUpserted.class);
        if (agency.name().contains("BỊ TỪ CHỐI")) {
            throw new InvalidEventException("business rule: agency " + agency.code() + " is refused");
        }
        if (agency.name().contains("LỖI TẠM THỜI") && FAILED_ONCE.add(event.id())) {
            // the first attempt writes, then fails after its write as a dropped connection would
            return copyOf(agency).persist().chain(() -> Uni.createFrom().failure(new IllegalStateException("transient failure")));
        }
        return AgencyCopy.<AgencyCopy>findById(agency.code()).chain(existing -> {
            if (existing == null) {
                return copyOf(agency).persist().replaceWithVoid();
            }
            existing.applied++;
            return Uni.createFrom().voidItem();
        });
    }

    private static AgencyCopy copyOf(AgencyUpserted agency) {
        AgencyCopy copy = new AgencyCopy();
        copy.code = agency.code();
        copy.name = agency.name();
        copy.applied = 1;
        return copy;
    }
}
