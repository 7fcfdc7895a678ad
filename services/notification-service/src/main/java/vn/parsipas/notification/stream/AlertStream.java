package vn.parsipas.notification.stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;

/**
 * The alert changes heard by this replica, fanned out to the live streams of the agencies concerned.
 * A NOTIFY names the change's row (a payload has to stay under PostgreSQL's 8000 bytes, a change with
 * a hundred recipients need not): the rows are read one after the other, so the streams keep the order.
 */
@ApplicationScoped
public class AlertStream {
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private final UnicastProcessor<String> heard = UnicastProcessor.create();
    private final BroadcastProcessor<AlertChange> changes = BroadcastProcessor.create();

    @Inject
    Pool pool;

    @PostConstruct
    void start() {
        heard.onItem().transformToMultiAndConcatenate(id -> read(id).toMulti())
                .subscribe().with(changes::onNext, failure -> LOG.errorf("alert stream stopped: %s", failure.toString()));
    }

    /** Called with each NOTIFY payload of {@link ChangeFeed#CHANNEL}, in order: the id of an alert_change row. */
    public void heard(String id) {
        heard.onNext(id);
    }

    public Multi<AlertChange> of(String agencyCode) {
        return changes.filter(change -> change.agencies().contains(agencyCode));
    }

    private Uni<AlertChange> read(String id) {
        return pool.preparedQuery("select payload from alert_change where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : parse(rows.iterator().next().getString("payload")))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("alert change %s could not be read: %s", id, failure.toString());
                    return null;
                });
    }

    private static AlertChange parse(String payload) {
        try {
            return EventJson.mapper().readValue(payload, AlertChange.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("ignoring an unreadable alert change: %s", e.getOriginalMessage());
            return null;
        }
    }
}
