package vn.parsipas.notification.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.platform.pump.Pump;

/**
 * The alert changes heard by this replica, fanned out to the live streams of the agencies concerned.
 * A NOTIFY names the change's row (a payload has to stay under PostgreSQL's 8000 bytes, a change with
 * a hundred recipients need not). The rows are read in batches of what was heard meanwhile (one query
 * for a burst of thousands), one batch at a time and each in the order heard, so the streams keep the order.
 */
@ApplicationScoped
public class AlertStream {
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private static final int MAX_READ = 1000;
    private static final int STREAM_BUFFER = 10_000;

    private final Queue<String> heard = new ConcurrentLinkedQueue<>();
    private final BroadcastProcessor<AlertChange> changes = BroadcastProcessor.create();
    /** One read at a time, so the streams keep the order heard; what is heard meanwhile is read next. */
    private final Pump reader = Pump.of("alert changes", this::readHeard);

    @Inject
    Pool pool;

    /** Called with each NOTIFY payload of {@link ChangeFeed#CHANNEL}, in order: the id of an alert_change row. */
    public void heard(String id) {
        heard.add(id);
        reader.wake();
    }

    /** One pass: reads up to {@value #MAX_READ} of the rows heard, in order, to the streams; returns how many. */
    private Uni<Integer> readHeard() {
        List<String> ids = new ArrayList<>();
        for (String id = heard.poll(); id != null; id = ids.size() < MAX_READ ? heard.poll() : null) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return read(ids).map(read -> {
            read.forEach(changes::onNext);
            return ids.size();
        });
    }

    /**
     * The changes of an agency's inbox. A burst (a province-wide deadline) arrives faster than one
     * connection writes it: each stream buffers up to {@value #STREAM_BUFFER} changes; a client further behind
     * than that loses its stream and re-reads its inbox on reconnection, as after any break.
     */
    public Multi<AlertChange> of(String agencyCode) {
        return changes.filter(change -> change.agencies().contains(agencyCode)).onOverflow().buffer(STREAM_BUFFER);
    }

    /** The changes of these rows, in the order given; one that cannot be read is left out (and logged). */
    private Uni<List<AlertChange>> read(List<String> ids) {
        return pool.preparedQuery("select id, payload from alert_change where id = any($1)").execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> payloads = new HashMap<>();
                    rows.forEach(row -> payloads.put(row.getString("id"), row.getString("payload")));
                    List<AlertChange> read = new ArrayList<>();
                    for (String id : ids) {
                        AlertChange change = payloads.containsKey(id) ? parse(payloads.get(id)) : null;
                        if (change != null) {
                            read.add(change);
                        }
                    }
                    return read;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%d alert changes could not be read: %s", ids.size(), failure.toString());
                    return List.of();
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
