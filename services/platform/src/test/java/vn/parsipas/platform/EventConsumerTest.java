package vn.parsipas.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.events.InboxPurge;
import vn.parsipas.platform.testapp.AgencyCopy;

@QuarkusTest
@PlatformTest
class EventConsumerTest {
    @Inject
    Pool pool;

    @Inject
    InboxPurge purge;

    private static final String TOPIC = Topics.DIRECTORY_AGENCIES;
    private static final String DLQ = TOPIC + Topics.DLQ_SUFFIX;
    private static final String JAVA_CLASS_NAME = "^[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*$";

    @Test
    void theSameEventDeliveredTwiceHasOneEffectInEitherMode() throws Throwable {
        String code = Fixtures.uniqueCode();
        String eventId = UUID.randomUUID().toString();
        String marker = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            // Same key throughout: one partition, so the marker is applied after the duplicates.
            kafka.sendStructured(TOPIC, code, structured(eventId, "/igate", code, "Sở Tài chính"));
            kafka.sendStructured(TOPIC, code, structured(eventId, "/igate", code, "Sở Tài chính"));
            kafka.send(TOPIC, code, dataOf(code, "Sở Tài chính"), binaryHeaders(eventId, "/igate"));
            kafka.sendStructured(TOPIC, code, structured(UUID.randomUUID().toString(), "/igate", marker, "Sở Xây dựng"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> find(marker) != null);
        assertThat(find(code).applied).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() throws Throwable {
        String code = Fixtures.uniqueCode();
        String eventId = UUID.randomUUID().toString();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, code, structured(eventId, "/igate", code, "Sở Nội vụ"));
            kafka.sendStructured(TOPIC, code, structured(eventId, "/finance-system", code, "Sở Nội vụ"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> find(code) != null && find(code).applied == 2);
    }

    /**
     * An attempt that failed after writing is retried without its writes (the transaction rolled
     * back, the retry has a session and a context of its own): the event is applied once and
     * nothing is dead-lettered.
     */
    @Test
    void anAttemptThatFailedAfterWritingIsRetriedWithoutItsWrites() throws Throwable {
        String code = Fixtures.uniqueCode();
        String marker = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, code, structured(UUID.randomUUID().toString(), "/igate", code, "Sở Y tế (LỖI TẠM THỜI)"));
            kafka.sendStructured(TOPIC, code, structured(UUID.randomUUID().toString(), "/igate", marker, "Sở Xây dựng"));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(marker) != null);
            assertThat(find(code).applied).isEqualTo(1);
            // the marker comes after it on the same partition: had it been dead-lettered, it would be there now
            assertThat(kafka.readAll(List.of(DLQ), Duration.ofSeconds(1))).noneMatch(record -> code.equals(record.key()));
        }
    }

    /** A refusal by the database is confirmed on a fresh attempt: one that does not come again was not the record's. */
    @Test
    void aRecordTheDatabaseRefusesOnlyOnceIsAppliedNotDeadLettered() throws Throwable {
        String code = Fixtures.uniqueCode();
        String marker = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, code, structured(UUID.randomUUID().toString(), "/igate", code, "Sở Nội vụ (TỪ CHỐI MỘT LẦN)"));
            kafka.sendStructured(TOPIC, code, structured(UUID.randomUUID().toString(), "/igate", marker, "Sở Xây dựng"));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(marker) != null);
            assertThat(find(code).applied).isEqualTo(1);
            assertThat(kafka.readAll(List.of(DLQ), Duration.ofSeconds(1))).noneMatch(record -> code.equals(record.key()));
        }
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodRecordIsApplied() throws Throwable {
        String key = Fixtures.uniqueCode();
        String good = Fixtures.uniqueCode();
        byte[] badUtf8 = {(byte) 0xC3, (byte) 0x28, '{', '}'};
        ObjectNode missingName = (ObjectNode) EventJson.mapper().readTree(structured(UUID.randomUUID().toString(), "/igate", key, "x"));
        ((ObjectNode) missingName.get("data")).remove("name");
        ObjectNode wrongType = (ObjectNode) EventJson.mapper().readTree(structured(UUID.randomUUID().toString(), "/igate", key, "x"));
        wrongType.put("type", EventType.TASK_OVERDUE.type());
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.send(TOPIC, key, "{\"specversion\": \"1.0\", \"id\": ".getBytes(StandardCharsets.UTF_8),
                    Map.of("content-type", "application/cloudevents+json"));
            kafka.send(TOPIC, key, badUtf8, Map.of());
            kafka.send(TOPIC, key, "{\"code\": \"SO-NOI-VU\"}", Map.of("content-type", "application/json"));
            kafka.sendStructured(TOPIC, key, wrongType.toString());
            kafka.sendStructured(TOPIC, key, missingName.toString());
            kafka.sendStructured(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", key, "Cơ quan BỊ TỪ CHỐI"));
            kafka.sendStructured(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", good, "Sở Khoa học và Công nghệ"));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(good) != null);
            assertThat(find(key)).isNull();

            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 6, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).extracting(r -> r.headers().get("dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).contains("not valid JSON"),
                    reason -> assertThat(reason).contains("not valid UTF-8"),
                    reason -> assertThat(reason).contains("not a CloudEvent"),
                    reason -> assertThat(reason).contains("unexpected CloudEvent type"),
                    reason -> assertThat(reason).contains("name").contains("required"),
                    reason -> assertThat(reason).contains("is refused"));
            assertThat(dead.get(1).rawValue()).isEqualTo(badUtf8);
            assertThat(dead).allSatisfy(r -> assertThat(r.headers()).containsEntry("dead-letter-topic", TOPIC));
        }
        assertThat(given().get("/q/metrics").asString())
                .contains("parsipas_events_consumed_total{consumer=\"platform-test-directory\",outcome=\"rejected\"}");
        assertThat(given().get("/q/health/ready").jsonPath().getString("status")).isEqualTo("UP");
    }

    @Test
    void theInboxForgetsEventsAppliedLongerAgoThanTheRetention() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        pool.preparedQuery("insert into inbox (consumer, source, event_id, received_at) values "
                        + "('platform-test-directory', '/test', $1, now() - interval '91 days'), "
                        + "('platform-test-directory', '/test', $2, now() - interval '89 days')")
                .execute(Tuple.of(old, recent)).await().indefinitely();

        assertThat(purge.purge().await().indefinitely()).isGreaterThanOrEqualTo(1);

        assertThat(pool.preparedQuery("select event_id from inbox where event_id in ($1, $2)").execute(Tuple.of(old, recent))
                .await().indefinitely().iterator().next().getString(0)).isEqualTo(recent);
        assertThat(pool.preparedQuery("select count(*) from inbox where event_id in ($1, $2)").execute(Tuple.of(old, recent))
                .await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    /**
     * The record is a dead letter replayed after a fix that the database still refuses: its new dead
     * letter has the headers asyncapi.yaml declares and the record's own, none twice, no class name.
     */
    @Test
    void aRecordTheDatabaseRefusesTwiceIsDeadLetteredWithTheDeclaredHeadersAndTheNextIsApplied() throws Throwable {
        String key = Fixtures.uniqueCode();
        String good = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.send(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", key, "Sở VI PHẠM ràng buộc"), Map.of(
                    "content-type", "application/cloudevents+json", "dead-letter-reason", "an earlier rejection",
                    "dead-letter-exception-class-name", "vn.parsipas.platform.events.InvalidEventException"));
            kafka.sendStructured(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", good, "Sở Y tế"));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(good) != null);
            List<TestKafka.Received> letters = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(letters).hasSize(1);
            TestKafka.Received dead = letters.get(0);

            List<String> expected = new ArrayList<>(declaredDeadLetterHeaders());
            expected.add("content-type");
            assertThat(dead.headerNames()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(dead.headers().get("dead-letter-reason")).isEqualTo("refused by the database (SQLSTATE 23514)");
            assertThat(dead.headers().get("dead-letter-cause")).contains("agency_copy_name_allowed");
            assertThat(dead.headers()).containsEntry("dead-letter-topic", TOPIC)
                    .containsEntry("content-type", "application/cloudevents+json");
            assertThat(dead.headers().get("dead-letter-partition")).containsOnlyDigits();
            assertThat(dead.headers().get("dead-letter-offset")).containsOnlyDigits();
            assertThat(dead.headers().values()).noneMatch(value -> value.matches(JAVA_CLASS_NAME));
        }
        assertThat(find(key)).isNull();
    }

    /** The headers of the DeadLetter message in the published contract. */
    private static List<String> declaredDeadLetterHeaders() throws IOException {
        try (InputStream in = EventConsumerTest.class.getResourceAsStream("/asyncapi.yaml")) {
            List<String> names = new ArrayList<>();
            new YAMLMapper().readTree(in).at("/components/messages/DeadLetter/headers/properties").fieldNames()
                    .forEachRemaining(names::add);
            return names;
        }
    }

    @Test
    void controlCharactersInAttributesOrDataAreRefusedAtTheDoorAndReasonsStayShortAndOnOneLine() throws Throwable {
        String key = Fixtures.uniqueCode();
        String good = Fixtures.uniqueCode();
        ObjectNode longName = (ObjectNode) EventJson.mapper().readTree(structured(UUID.randomUUID().toString(), "/igate", key, "x"));
        ((ObjectNode) longName.get("data")).put("x".repeat(40_000) + "\r\nforged: log line", 1);
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, key, structured("poison\\u0000one", "/igate", key, "Sở Tư pháp"));
            kafka.sendStructured(TOPIC, key, structured("forged\\r\\nline", "/igate", key, "Sở Tư pháp"));
            kafka.send(TOPIC, key, dataOf(key, "Sở Tư pháp"), Map.of("ce_specversion", "1.0", "ce_id", "binary\u0000id",
                    "ce_source", "/igate", "ce_type", EventType.AGENCY_UPSERTED.type(), "content-type", "application/json"));
            kafka.sendStructured(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", key, "Sở Tư\u0000pháp"));
            kafka.sendStructured(TOPIC, key, longName.toString());
            kafka.sendStructured(TOPIC, key, structured(UUID.randomUUID().toString(), "/igate", good, "Sở Y tế"));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(good) != null);
            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 5, Duration.ofSeconds(10))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).extracting(r -> r.headers().get("dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).contains("'id'").contains("control character"),
                    reason -> assertThat(reason).contains("'id'").contains("control character"),
                    reason -> assertThat(reason).contains("'id'").contains("control character"),
                    reason -> assertThat(reason).contains("name").contains("control character"),
                    reason -> assertThat(reason).contains("not defined in the schema"));
            assertThat(dead).extracting(r -> r.headers().get("dead-letter-reason"))
                    .allSatisfy(reason -> assertThat(reason).hasSizeLessThan(1_100).doesNotContain("\r").doesNotContain("\n"));
        }
        assertThat(find(key)).isNull();
    }

    private static AgencyCopy find(String code) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> AgencyCopy.findById(code)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dataOf(String code, String name) {
        return EventJson.mapper().valueToTree(Fixtures.agency(code, name)).toString();
    }

    private static String structured(String id, String source, String code, String name) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\""
                + EventType.AGENCY_UPSERTED.type() + "\",\"subject\":\"" + code
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + dataOf(code, name) + "}";
    }

    private static Map<String, String> binaryHeaders(String id, String source) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", source,
                "ce_type", EventType.AGENCY_UPSERTED.type(), "content-type", "application/json");
    }
}
