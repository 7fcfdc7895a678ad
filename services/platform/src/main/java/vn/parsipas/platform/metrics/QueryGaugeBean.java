package vn.parsipas.platform.metrics;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.platform.metrics.QueryGauges.Reading;

/**
 * A bean publishing {@link QueryGauges}: registered when the application starts, removed when it stops.
 * The subclass names its query and gauges and refreshes them on its own {@code @Scheduled} period.
 */
public abstract class QueryGaugeBean {
    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private QueryGauges gauges;

    /** One row; each column a reading names is a gauge. */
    protected abstract String sql();

    protected abstract List<Reading> readings();

    protected void start(@Observes StartupEvent startup) {
        gauges = new QueryGauges(pool, registry, sql(), readings());
    }

    protected void stop(@Observes ShutdownEvent shutdown) {
        if (gauges != null) {
            gauges.remove();
        }
    }

    protected Uni<Void> refresh() {
        return gauges.refresh();
    }
}
