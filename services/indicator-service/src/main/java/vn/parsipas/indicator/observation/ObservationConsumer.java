package vn.parsipas.indicator.observation;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * The Kafka door: IndicatorObserved CloudEvents (structured or binary) from other government
 * systems, a poll at a time. The CloudEvent source is the effective source; a record the rules
 * refuse goes to indicators.observations.v1.dlq with the field and the reason.
 */
@ApplicationScoped
public class ObservationConsumer implements BatchEventConsumer.Handler<Observation> {
    @Inject
    BatchEventConsumer events;

    @Inject
    ObservationRules rules;

    @Inject
    ObservationStore store;

    @Incoming("observations")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(batch, "indicator-service-observations", Set.of(EventType.INDICATOR_OBSERVED), this);
    }

    @Override
    public Observation check(ReceivedEvent event) {
        try {
            return rules.check(event.data(IndicatorObserved.class), event.source(), Observation.KAFKA, event.id());
        } catch (ObservationRejected e) {
            throw new InvalidEventException(e.describe());
        }
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, List<Observation> items) {
        return store.store(connection, items, false).replaceWithVoid();
    }
}
