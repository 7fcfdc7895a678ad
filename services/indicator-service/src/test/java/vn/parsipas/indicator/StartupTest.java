package vn.parsipas.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.StartedService;

@QuarkusTest
@IndicatorServiceTest
class StartupTest {
    @Inject
    Pool pool;

    @Test
    void startsReadyWithKafkaAndItsDatabase() {
        StartedService.assertReadyWithKafkaAndItsDatabase();
    }

    @Test
    void servesPrometheusMetricsAndOpenApi() {
        StartedService.assertServesMetricsAndOpenApi("indicator-service");
    }

    @Test
    void appliedTheFlywayMigrationsAtStart() {
        long applied = pool.query("select count(*) from flyway_schema_history where success").execute()
                .await().indefinitely().iterator().next().getLong(0);

        assertThat(applied).isGreaterThanOrEqualTo(2);
    }
}
