package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.outbox.OutboxRelay;

@QuarkusTest
@PlatformTest
@TestProfile(RelayRaceTest.ManualRelay.class)
class RelayRaceTest {
    private static final int KEYS = 12;
    private static final int EVENTS_PER_KEY = 150;

    public static class ManualRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parsipas.outbox.relay-enabled", "false", "parsipas.outbox.batch-size", "100",
                    "parsipas.outbox.lanes-per-pass", "4");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Test
    void twoRelaysRacingPublishEveryRowExactlyOnceAndInOrderPerKey() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        insertOutboxRows(run);

        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> drain(byFirst)),
                CompletableFuture.runAsync(() -> drain(bySecond))).join();

        int expected = KEYS * EVENTS_PER_KEY;
        assertThat(byFirst.get() + bySecond.get()).isEqualTo(expected);
        assertThat(pool.query("select count(*) from outbox where sent_at is null").execute().await().indefinitely()
                .iterator().next().getLong(0)).isZero();
        try (TestKafka kafka = Fixtures.kafka()) {
            List<TestKafka.Received> ours = kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                    records -> records.stream().filter(r -> r.key() != null && r.key().startsWith("R" + run)).count() >= expected,
                    Duration.ofSeconds(60)).stream().filter(r -> r.key() != null && r.key().startsWith("R" + run)).toList();
            assertThat(ours).hasSize(expected);
            assertThat(ours.stream().map(r -> envelope(r).get("id").asText()).distinct().count()).isEqualTo(expected);
            Map<String, List<Integer>> sequenceByKey = new HashMap<>();
            for (TestKafka.Received record : ours) {
                int sequence = Integer.parseInt(envelope(record).at("/data/name").asText().replaceAll("\\D", ""));
                sequenceByKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(sequence);
            }
            assertThat(sequenceByKey).hasSize(KEYS);
            sequenceByKey.values().forEach(sequence -> assertThat(sequence).isSorted().hasSize(EVENTS_PER_KEY));
        }
    }

    private void drain(AtomicInteger counter) {
        int idlePasses = 0;
        while (idlePasses < 3) {
            int published = relay.relayOnce().await().atMost(Duration.ofSeconds(60));
            counter.addAndGet(published);
            idlePasses = published == 0 ? idlePasses + 1 : 0;
        }
    }

    /** Rows interleaved across keys, as many small transactions would leave them. */
    private void insertOutboxRows(String run) {
        List<Tuple> rows = new ArrayList<>();
        for (int sequence = 0; sequence < EVENTS_PER_KEY; sequence++) {
            for (int key = 0; key < KEYS; key++) {
                String code = "R" + run + "-" + key;
                String payload = EventJson.mapper().valueToTree(Fixtures.agency(code, "Cơ quan số " + sequence)).toString();
                rows.add(Tuple.tuple(List.of((short) Math.floorMod(code.hashCode(), Outbox.LANES), Topics.DIRECTORY_AGENCIES,
                        code, UUID.randomUUID().toString(), EventType.AGENCY_UPSERTED.type(), "/parsipas/platform-test",
                        code, EventType.AGENCY_UPSERTED.dataSchema().toString(), payload, OffsetDateTime.now())));
            }
        }
        pool.preparedQuery("insert into outbox (lane, topic, message_key, event_id, event_type, source, subject, "
                + "data_schema, payload, occurred_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .executeBatch(rows).await().indefinitely();
    }

    private static JsonNode envelope(TestKafka.Received record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
