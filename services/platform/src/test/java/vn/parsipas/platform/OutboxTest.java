package vn.parsipas.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.testapp.AgencyCopy;
import vn.parsipas.platform.testapp.AgencyCopyService;

@QuarkusTest
@PlatformTest
class OutboxTest {
    @Inject
    AgencyCopyService service;

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Test
    void aStateChangeAndItsEventCommitTogetherAndTheEventIsAStructuredCloudEvent() throws Throwable {
        String code = Fixtures.uniqueCode();

        VertxContextSupport.subscribeAndAwait(() -> service.rename(Fixtures.agency(code, "Sở Tư pháp"), false));

        assertThat(VertxContextSupport.<AgencyCopy>subscribeAndAwait(() -> Panache.withSession(() -> AgencyCopy.findById(code))).name)
                .isEqualTo("Sở Tư pháp");
        try (TestKafka kafka = Fixtures.kafka()) {
            TestKafka.Received record = kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                    records -> records.stream().anyMatch(r -> code.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> code.equals(r.key())).findFirst().orElseThrow();
            JsonNode envelope = EventJson.mapper().readTree(record.value());
            assertThat(record.headers().get("content-type")).startsWith("application/cloudevents+json");
            assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
            assertThat(envelope.get("type").asText()).isEqualTo(EventType.AGENCY_UPSERTED.type());
            assertThat(envelope.get("source").asText()).isEqualTo("/parsipas/platform-test");
            assertThat(envelope.get("subject").asText()).isEqualTo(code);
            assertThat(envelope.get("dataschema").asText()).isEqualTo(EventType.AGENCY_UPSERTED.dataSchema().toString());
            assertThat(envelope.get("id").asText()).isNotBlank();
            assertThat(envelope.get("data").get("name").asText()).isEqualTo("Sở Tư pháp");
            assertThat(JsonSchemas.validate(EventType.AGENCY_UPSERTED, envelope.get("data"))).isEmpty();
            assertThat(JsonSchemas.validate(EventType.ENVELOPE_SCHEMA, envelope)).isEmpty();
        }
        // events out per topic and type, as the dashboards read them
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                .extract().asString()).containsPattern(
                "parsipas_outbox_published_total\\{topic=\"" + Topics.DIRECTORY_AGENCIES.replace(".", "\\.") + "\",type=\""
                        + EventType.AGENCY_UPSERTED.type().replace(".", "\\.") + "\"\\} [1-9]"));
    }

    @Test
    void aRolledBackChangeLeavesNeitherStateNorEvent() throws Throwable {
        String rolledBack = Fixtures.uniqueCode();
        String committedAfter = Fixtures.uniqueCode();

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> service.rename(Fixtures.agency(rolledBack, "Thanh tra tỉnh"), true)))
                .hasMessageContaining("simulated failure");
        VertxContextSupport.subscribeAndAwait(() -> service.rename(Fixtures.agency(committedAfter, "Bưu điện tỉnh"), false));

        assertThat(VertxContextSupport.<AgencyCopy>subscribeAndAwait(() -> Panache.withSession(() -> AgencyCopy.findById(rolledBack)))).isNull();
        assertThat(outboxRowsAbout(rolledBack)).isZero();
        try (TestKafka kafka = Fixtures.kafka()) {
            List<TestKafka.Received> records = kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                    all -> all.stream().anyMatch(r -> committedAfter.equals(r.key())), Duration.ofSeconds(30));
            assertThat(records).extracting(TestKafka.Received::key).contains(committedAfter).doesNotContain(rolledBack);
        }
    }

    @Test
    void theCommitWakesTheRelaySoTheEventArrivesWithinMillisecondsNotAtThePollInterval() throws Throwable {
        String code = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.readAll(List.of(Topics.DIRECTORY_AGENCIES), Duration.ofMillis(500));

            Instant committed = Instant.now();
            VertxContextSupport.subscribeAndAwait(() -> service.rename(Fixtures.agency(code, "Sở Xây dựng"), false));
            kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                    records -> records.stream().anyMatch(r -> code.equals(r.key())), Duration.ofSeconds(30));
            Duration elapsed = Duration.between(committed, Instant.now());

            // The poll interval of this test profile is 60 s: only the NOTIFY can explain a quick arrival.
            assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** A pass that raises many facts writes them in one batch on its connection: published in order, all or none. */
    @Test
    void manyEventsWrittenAtOnceArePublishedInTheirOrderAndAnIdAlreadyUsedRefusesThemAll() throws Throwable {
        String code = Fixtures.uniqueCode();
        List<Outbox.Identified> events = IntStream.range(0, 1_201)
                .mapToObj(i -> new Outbox.Identified(Fixtures.agency(code, "Đơn vị " + i), code + "/" + i)).toList();
        VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(connection -> outbox.addIdentified(connection, events)));

        String refused = Fixtures.uniqueCode();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(connection -> outbox.addIdentified(connection, List.of(
                new Outbox.Identified(Fixtures.agency(refused, "Sở Y tế"), refused + "/0"),
                new Outbox.Identified(Fixtures.agency(code, "Đơn vị 0"), code + "/0"))))))
                .hasMessageContaining("outbox_event_unique");
        assertThat(outboxRowsAbout(refused)).isZero();

        try (TestKafka kafka = Fixtures.kafka()) {
            List<String> names = kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                            records -> records.stream().filter(r -> code.equals(r.key())).count() >= events.size(), Duration.ofSeconds(60))
                    .stream().filter(r -> code.equals(r.key()))
                    .map(OutboxTest::agencyName).toList();
            assertThat(names).containsExactlyElementsOf(IntStream.range(0, 1_201).mapToObj(i -> "Đơn vị " + i).toList());
        }
    }

    private static String agencyName(TestKafka.Received record) {
        try {
            return EventJson.mapper().readTree(record.value()).at("/data/name").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxRowsAbout(String subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("select count(*) from outbox where subject = $1").execute(Tuple.of(subject))
                .map(rows -> rows.iterator().next().getLong(0)));
    }
}
