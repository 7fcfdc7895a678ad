package vn.parsipas.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.task.TaskDeadlineCleared;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;
import vn.parsipas.platform.time.BusinessTime;

/** What the tests do as the producing services and the agencies would: write facts to Kafka, read inboxes. */
public final class Scenario implements AutoCloseable {
    // generous: on a loaded build machine a fresh consumer can take tens of seconds to apply its first facts
    static final Duration WAIT = Duration.ofSeconds(60);
    static final LocalDate DEADLINE = LocalDate.parse("2025-12-31");

    final TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    final WebhookReceiver receiver = WebhookReceiver.shared();

    Scenario() {
        Mailbox.start();
    }

    static String code(String prefix) {
        return prefix + "-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    public static String email(String code) {
        return code.toLowerCase() + "@daklak.gov.vn";
    }

    public static String secret(String code) {
        return "khoa-bi-mat-" + code + "-0123456789abcdef";
    }

    public static String hookPath(String code) {
        return "/hooks/" + code;
    }

    /** An agency with staff, e-mail, a webhook and its secret, known to the service before the test goes on. */
    void agency(String code, String name, String parent) {
        upsert(new AgencyUpserted(code, name, "department", parent, List.of(email(code)), receiver.url(hookPath(code)), true,
                Instant.parse("2025-05-27T02:00:00Z")));
        asCoordinator().contentType(ContentType.JSON).body(Map.of("secret", secret(code)))
                .put("/api/v1/agencies/{code}/webhook-secret", code).then().statusCode(204);
    }

    void collective(String code, String name, String parent) {
        upsert(new AgencyUpserted(code, name, "collective", parent, List.of(), null, true, Instant.parse("2025-05-27T02:00:00Z")));
    }

    void upsert(AgencyUpserted agency) {
        send(agency);
        await().atMost(WAIT).until(() -> asCoordinator().get("/api/v1/agencies/{code}/webhook", agency.code()).statusCode() == 200);
    }

    /** A request with a coordinator's bearer token (minted by devstack's TestTokens). */
    public static RequestSpecification asCoordinator() {
        return given().auth().oauth2(TestTokens.coordinator());
    }

    /** A request with the bearer token of a staff member of {@code agency}. */
    public static RequestSpecification asStaffOf(String agency) {
        return given().auth().oauth2(TestTokens.staff(agency));
    }

    String send(Event event) {
        String id = UUID.randomUUID().toString();
        send(event, id);
        return id;
    }

    void send(Event event, String id) {
        EventType type = EventType.of(event);
        JsonNode data = EventJson.mapper().valueToTree(event);
        kafka.sendStructured(type.topic(), event.partitionKey(),
                CloudEventReader.envelope(type, id, "/parsipas/task-service", event.subject(), data).toString());
    }

    public static TaskOverdue overdue(String taskId, String lead, List<String> coordinating) {
        return new TaskOverdue(taskId, "dak-lak-2025", "1.16", "Rà soát, tái cấu trúc quy trình thực hiện dịch vụ công trực tuyến.",
                lead, coordinating, DEADLINE, BusinessTime.endOf(DEADLINE), Instant.parse("2025-12-31T17:00:03Z"));
    }

    static TaskDeadlineCleared completed(TaskOverdue task) {
        return new TaskDeadlineCleared(task.taskId(), task.planId(), task.criterionCode(), task.title(), task.leadAgency(),
                task.coordinatingAgencies(), task.deadline(), task.dueAt(), "completed", true, null,
                Instant.parse("2026-01-05T03:20:00Z"));
    }

    static String taskId() {
        return "dak-lak-2025:1.16-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The agency's inbox, once it holds {@code count} alerts. */
    static JsonPath inbox(String agency, int count) {
        await().atMost(WAIT).until(() -> asStaffOf(agency).get("/api/v1/agencies/{code}/alerts", agency).jsonPath()
                .getList("items").size() >= count);
        return asStaffOf(agency).get("/api/v1/agencies/{code}/alerts", agency).jsonPath();
    }

    static JsonPath alert(String id) {
        return asCoordinator().get("/api/v1/alerts/{alertId}", id).then().statusCode(200).extract().jsonPath();
    }

    /** The alerts.v1 events about a fingerprint, once there are {@code count}. */
    List<JsonNode> alertEvents(String fingerprint, int count) {
        return kafka.readUntil(List.of(Topics.ALERTS), records -> records.stream()
                        .filter(r -> fingerprint.equals(r.key())).count() >= count, WAIT)
                .stream().filter(r -> fingerprint.equals(r.key())).map(r -> {
                    try {
                        return EventJson.mapper().readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
