package vn.parsipas.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every service answers once it has started, checked the same way in each service's
 * {@code StartupTest}: readiness with Kafka and its database, its Prometheus metrics and its OpenAPI document.
 */
public final class StartedService {
    private StartedService() {
    }

    /** {@code /q/health/ready} is UP and includes the Kafka and PostgreSQL checks. */
    public static void assertReadyWithKafkaAndItsDatabase() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check",
                        "Reactive PostgreSQL connections health check"));
    }

    /** {@code /q/metrics} has the outbox gauge, {@code /q/openapi} is titled "PAR·SIPAS {service}". */
    public static void assertServesMetricsAndOpenApi(String service) {
        given().get("/q/metrics").then().statusCode(200).body(containsString("parsipas_outbox_pending"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("PAR·SIPAS " + service));
    }
}
