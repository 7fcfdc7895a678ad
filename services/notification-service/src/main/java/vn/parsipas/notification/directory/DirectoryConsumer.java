package vn.parsipas.notification.directory;

import java.util.Set;

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
import vn.parsipas.platform.webhook.WebhookTargets;

/**
 * Keeps the read model of the agency directory; the latest record of an agency wins. A record whose
 * webhook URL is not https or names an internal address is dead-lettered (task-service checks the same
 * when the URL is set; a host name is checked again on every call).
 */
@ApplicationScoped
public class DirectoryConsumer {
    @Inject
    EventConsumer events;

    @Inject
    WebhookTargets targets;

    @Incoming("agencies")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consume(message, "notification-directory", Set.of(EventType.AGENCY_UPSERTED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        AgencyUpserted upserted = event.data(AgencyUpserted.class);
        String problem = upserted.webhookUrl() == null ? null : targets.problem(upserted.webhookUrl());
        if (problem != null) {
            throw new InvalidEventException("webhookUrl " + problem);
        }
        return Agency.<Agency>findById(upserted.code()).chain(existing -> {
            if (existing != null && existing.updatedAt.isAfter(upserted.updatedAt())) {
                return Uni.createFrom().voidItem();
            }
            Agency agency = existing != null ? existing : new Agency();
            agency.code = upserted.code();
            agency.name = upserted.name();
            agency.kind = upserted.kind();
            agency.parentCode = upserted.parentCode();
            agency.emails = String.join("\n", upserted.emails());
            agency.webhookUrl = upserted.webhookUrl();
            agency.active = upserted.active();
            agency.updatedAt = upserted.updatedAt();
            return agency.persist().replaceWithVoid();
        });
    }
}
