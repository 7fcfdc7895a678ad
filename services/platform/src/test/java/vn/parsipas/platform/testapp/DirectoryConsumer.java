package vn.parsipas.platform.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/** A consumer as small as a service's: counts each applied event on the agency's row. */
@ApplicationScoped
public class DirectoryConsumer {
    private static final Logger LOG = Logger.getLogger(DirectoryConsumer.class);
    /** Events whose first attempt failed ("LỖI TẠM THỜI" in the name): the retry is applied. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    /** Events whose first attempt the database refused ("TỪ CHỐI MỘT LẦN"): the confirming attempt is applied. */
    private static final Set<String> REFUSED_ONCE = ConcurrentHashMap.newKeySet();

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
        if (agency.name().contains("TỪ CHỐI MỘT LẦN") && REFUSED_ONCE.add(event.id())) {
            // a duplicate key that was not the record's, as another transaction's was after an outage
            return Panache.getSession().chain(session -> session.createNativeQuery(
                    "do $$ begin raise unique_violation using message = 'simulated duplicate key'; end $$").executeUpdate())
                    .replaceWithVoid();
        }
        return requireKnownParent(agency).chain(() -> AgencyCopy.<AgencyCopy>findById(agency.code()))
                // a line written after the database answered, as a service's handler writes them (TracingTest reads it)
                .invoke(existing -> LOG.infof("applying agency %s", agency.code()))
                .chain(existing -> {
                    if (existing == null) {
                        return copyOf(agency).persist().replaceWithVoid();
                    }
                    existing.applied++;
                    return Uni.createFrom().voidItem();
                });
    }

    /** A parent the tests made up ("T-…") must be known first, as survey-service needs the agency of a response. */
    private static Uni<Void> requireKnownParent(AgencyUpserted agency) {
        if (agency.parentCode() == null || !agency.parentCode().startsWith("T-")) {
            return Uni.createFrom().voidItem();
        }
        return AgencyCopy.findById(agency.parentCode()).invoke(parent -> {
            if (parent == null) {
                throw new InvalidEventException("unknown parent agency " + agency.parentCode());
            }
        }).replaceWithVoid();
    }

    private static AgencyCopy copyOf(AgencyUpserted agency) {
        AgencyCopy copy = new AgencyCopy();
        copy.code = agency.code();
        copy.name = agency.name();
        copy.applied = 1;
        return copy;
    }
}
