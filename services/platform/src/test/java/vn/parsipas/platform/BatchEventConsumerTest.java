package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.events.CloudEventReader;

@QuarkusTest
@PlatformTest
class BatchEventConsumerTest {
    private static final String TOPIC = Topics.ofProducer(Topics.INDICATORS_OBSERVATIONS, "test-system");
    private static final String OTHER_PRODUCERS_TOPIC = Topics.ofProducer(Topics.INDICATORS_OBSERVATIONS, "other-system");
    private static final String DLQ = Topics.INDICATORS_OBSERVATIONS + Topics.DLQ_SUFFIX;

    @Inject
    Pool pool;

    @Test
    void aBatchAppliesEachValidRecordOnceAndDeadLettersEachInvalidOneAloneWithItsReason() throws Exception {
        String run = Fixtures.uniqueCode();
        String key = "batch|" + run;
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, key, observed("a1", run + "-A", "10", null));
            kafka.sendStructured(TOPIC, key, "{\"specversion\": \"1.0\", \"id\": ");
            kafka.sendStructured(TOPIC, key, observed("a1", run + "-A", "10", null));
            kafka.sendStructured(TOPIC, key, observed("b1", run + "-B", "11", "BỊ TỪ CHỐI"));
            kafka.sendStructured(TOPIC, key, observed("c1", run + "-C", "-1", null));
            kafka.sendStructured(TOPIC, key, observed("d1", run + "-D", "20", null));
            kafka.sendStructured(TOPIC, key, observed("a2", run + "-A", "30", null));

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(run + "-A") == 2 && applied(run + "-D") == 1);
            assertThat(value(run + "-A")).isEqualByComparingTo("30");
            assertThat(applied(run + "-B")).isZero();
            assertThat(applied(run + "-C")).isZero();

            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 3, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).extracting(r -> r.headers().get("dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).contains("not valid JSON"),
                    reason -> assertThat(reason).contains("is refused"),
                    reason -> assertThat(reason).contains("negative value is refused"));

            TestKafka.Received last = kafka.readUntil(List.of(TOPIC),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 7, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).reduce((first, second) -> second).orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(new TopicPartition(TOPIC, last.partition())) > last.offset());
        }
    }

    @Test
    void aRecordTheDatabaseRefusesInABatchIsDeadLetteredAndTheOthersAreApplied() {
        String run = Fixtures.uniqueCode();
        String key = "refused|" + run;
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, key, observed("e1", run + "-E", "5", null));
            // passes the contract (at most 10^15) but not the numeric(12, 2) column: numeric field overflow, SQLSTATE 22003
            kafka.sendStructured(TOPIC, key, observed("f1", run + "-F", "99999999999999", null));
            kafka.sendStructured(TOPIC, key, observed("g1", run + "-G", "7", null));

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(run + "-E") == 1 && applied(run + "-G") == 1);
            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(10))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(r -> assertThat(r.headers().get("dead-letter-reason"))
                    .contains("refused by the database").contains("22003"));
        }
        assertThat(applied(run + "-F")).isZero();
    }

    /**
     * Security review M3: a producer may write only its own topic, which names it; a record there that
     * claims another source is dead-lettered, so it can neither speak for that system nor take the
     * event id that system will use (the inbox keys events by source and id).
     */
    @Test
    void aRecordClaimingAnotherProducersSourceIsDeadLetteredAndCannotTakeItsEventId() {
        String run = Fixtures.uniqueCode();
        String key = "forged|" + run;
        String id = "test-system-2025-06-" + run;
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(OTHER_PRODUCERS_TOPIC, key, observed(id, run, "1", null, "/test-system"));
            kafka.sendStructured(OTHER_PRODUCERS_TOPIC, key, observed(id, run + "-OWN", "1", null, "/other-system"));
            kafka.sendStructured(TOPIC, key, observed(id, run, "62.4", null, "/test-system"));

            await().atMost(Duration.ofSeconds(30)).until(() -> applied(run) == 1 && applied(run + "-OWN") == 1);
            assertThat(value(run)).isEqualByComparingTo("62.4");
            TestKafka.Received dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(dead.headers().get("dead-letter-reason")).isEqualTo("CloudEvent source '/test-system' is not the "
                    + "producer of " + OTHER_PRODUCERS_TOPIC + ": its records must have source '/other-system'");
            assertThat(dead.headers().get("dead-letter-topic")).isEqualTo(OTHER_PRODUCERS_TOPIC);
        }
    }

    private static String observed(String id, String scope, String value, String note) {
        return observed(id + "-" + scope, scope, value, note, "/test-system");
    }

    private static String observed(String id, String scope, String value, String note, String source) {
        IndicatorObserved data = new IndicatorObserved("test-indicator", scope, "2025-06", new BigDecimal(value), "count",
                Instant.parse("2025-07-01T01:00:00Z"), null, note);
        return CloudEventReader.envelope(EventType.INDICATOR_OBSERVED, id, source, data.subject(),
                EventJson.mapper().valueToTree(data)).toString();
    }

    private long committed(TopicPartition partition) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets("platform-test").partitionsToOffsetAndMetadata()
                    .get().get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private long applied(String scope) {
        Row row = row(scope);
        return row == null ? 0 : row.getInteger("applied");
    }

    private BigDecimal value(String scope) {
        return row(scope).getBigDecimal("value");
    }

    private Row row(String scope) {
        var rows = pool.preparedQuery("select value, applied from observation_copy where series = $1")
                .execute(Tuple.of("test-indicator|" + scope)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

}
