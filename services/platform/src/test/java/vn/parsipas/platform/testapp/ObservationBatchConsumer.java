package vn.parsipas.platform.testapp;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * A batch consumer as small as a service's: counts applied observations per series. A note saying
 * "BỊ TỪ CHỐI" is refused before the transaction; a negative value only inside it (by the database).
 */
@ApplicationScoped
public class ObservationBatchConsumer implements BatchEventConsumer.Handler<IndicatorObserved> {
    @Inject
    BatchEventConsumer events;

    @Incoming("observations")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(batch, "platform-test-observations", Set.of(EventType.INDICATOR_OBSERVED), this);
    }

    @Override
    public IndicatorObserved check(ReceivedEvent event) {
        IndicatorObserved observed = event.data(IndicatorObserved.class);
        if (observed.note() != null && observed.note().contains("BỊ TỪ CHỐI")) {
            throw new InvalidEventException("business rule: observation of " + observed.subject() + " is refused");
        }
        return observed;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, List<IndicatorObserved> items) {
        if (items.stream().anyMatch(item -> item.value().signum() < 0)) {
            return Uni.createFrom().failure(new InvalidEventException("a negative value is refused"));
        }
        return connection.preparedQuery("insert into observation_copy (series, value, applied) values ($1, $2, 1) "
                        + "on conflict (series) do update set value = excluded.value, applied = observation_copy.applied + 1")
                .executeBatch(items.stream().map(item -> Tuple.of(item.subject(), item.value())).toList())
                .replaceWithVoid();
    }
}
