package vn.parsipas.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@TaskServiceTest
class StartupTest {
    @Inject
    Pool pool;

    @Test
    void startsReadyWithKafkaAndItsDatabase() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check",
                        "Reactive PostgreSQL connections health check"));
    }

    @Test
    void servesPrometheusMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("parsipas_outbox_pending"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("PAR·SIPAS task-service"));
    }

    @Test
    void appliedTheFlywayMigrationsAtStart() {
        long applied = pool.query("select count(*) from flyway_schema_history where success").execute()
                .await().indefinitely().iterator().next().getLong(0);

        assertThat(applied).isGreaterThanOrEqualTo(2);
    }
}
