package vn.parsipas.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.outbox.Outbox;

@ApplicationScoped
public class AgencyCopyService {
    @Inject
    Outbox outbox;

    /** Renames (or creates) an agency and announces it; {@code failAfterWriting} simulates a crash before commit. */
    public Uni<Void> rename(AgencyUpserted event, boolean failAfterWriting) {
        return Panache.withTransaction(() -> AgencyCopy.<AgencyCopy>findById(event.code())
                .chain(existing -> {
                    AgencyCopy copy = existing != null ? existing : new AgencyCopy();
                    copy.code = event.code();
                    copy.name = event.name();
                    return copy.persist();
                })
                .chain(() -> outbox.add(event))
                .invoke(() -> {
                    if (failAfterWriting) {
                        throw new IllegalStateException("simulated failure before commit");
                    }
                }));
    }
}
