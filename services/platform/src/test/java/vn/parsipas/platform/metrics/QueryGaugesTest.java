package vn.parsipas.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.parsipas.platform.metrics.QueryGauges.Reading;

class QueryGaugesTest {
    private static final List<Reading> PENDING = List.of(new Reading("parsipas.test.pending", "pending", "rows waiting"));

    @Test
    void aRestartedApplicationOnTheSameRegistryGetsItsOwnGaugesOnceTheFormerOnesAreRemoved() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueryGauges first = new QueryGauges(null, registry, "select 0 as pending", PENDING);
        Gauge former = registry.get("parsipas.test.pending").gauge();

        // without removal, a second registration is answered with the first gauge (and its value)
        new QueryGauges(null, registry, "select 0 as pending", PENDING);
        assertThat(registry.get("parsipas.test.pending").gauge()).isSameAs(former);

        first.remove();
        assertThat(registry.find("parsipas.test.pending").gauge()).isNull();
        new QueryGauges(null, registry, "select 0 as pending", PENDING);
        assertThat(registry.get("parsipas.test.pending").gauge()).isNotSameAs(former);
    }
}
