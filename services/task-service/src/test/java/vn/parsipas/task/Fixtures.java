package vn.parsipas.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.time.BusinessTime;

/** What the tests of task-service share: the API, the Kafka reader, unique names, local times. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The API as a coordinator, who may do everything the business API offers. */
    public static RequestSpecification api() {
        return api(TestTokens.coordinator());
    }

    /** The API with a bearer token (see {@link TestTokens}), or anonymously with null. */
    public static RequestSpecification api(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** A fresh agency code, so a test's data never mixes with another's. */
    public static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Creates a department in the directory and returns its code. */
    public static String createAgency(String name) {
        String code = uniqueCode();
        api().body(Map.of("code", code, "name", name, "kind", "department", "parentCode", "VP-UBND-TINH"))
                .post("/api/v1/agencies").then().statusCode(201);
        return code;
    }

    /** Assigns a task through the API and returns its id. */
    public static String createTask(String title, String lead, List<String> coordinating, LocalDate deadline) {
        return api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("title", title, "leadAgency", lead, "coordinatingAgencies", coordinating,
                        "deadline", deadline.toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
    }

    /** The instant of a local date-time in Asia/Ho_Chi_Minh. */
    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BusinessTime.ZONE).toInstant();
    }

    public static TestKafka kafka() {
        return new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /**
     * The CloudEvent envelopes on a topic whose key matches, once at least {@code atLeast} have
     * arrived and the topic has then stayed quiet for a second (so a duplicate would be seen too).
     * Each is checked against its contract schema.
     */
    public static List<JsonNode> events(String topic, Predicate<String> key, int atLeast) {
        try (TestKafka kafka = kafka()) {
            kafka.readUntil(List.of(topic), records -> matching(records, key).size() >= atLeast, Duration.ofSeconds(60));
            List<JsonNode> envelopes = matching(kafka.readAll(List.of(topic), Duration.ofSeconds(1)), key).stream()
                    .map(Fixtures::envelope).toList();
            envelopes.forEach(Fixtures::assertValid);
            return envelopes;
        }
    }

    public static List<JsonNode> events(String topic, String key, int atLeast) {
        return events(topic, key::equals, atLeast);
    }

    /** Envelopes of one CloudEvents type among {@code envelopes}. */
    public static List<JsonNode> ofType(List<JsonNode> envelopes, EventType type) {
        return envelopes.stream().filter(e -> e.get("type").asText().equals(type.type())).toList();
    }

    public static void assertValid(JsonNode envelope) {
        EventType type = EventType.ofType(envelope.get("type").asText()).orElseThrow();
        assertThat(JsonSchemas.validate(type, envelope.get("data"))).as("data of %s", envelope.get("id")).isEmpty();
        assertThat(envelope.get("source").asText()).isEqualTo("/parsipas/task-service");
        assertThat(envelope.get("dataschema").asText()).isEqualTo(type.dataSchema().toString());
    }

    public static byte[] seedPlan() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("plans/dak-lak-2025.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TestKafka.Received> matching(List<TestKafka.Received> records, Predicate<String> key) {
        return records.stream().filter(r -> r.key() != null && key.test(r.key())).toList();
    }

    private static JsonNode envelope(TestKafka.Received record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
