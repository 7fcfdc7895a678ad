package vn.parsipas.indicator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;
import vn.parsipas.platform.time.BusinessTime;

/** What the tests feed the service with, as other systems would, and how they read what it published. */
public final class Fixtures {
    public static final String DOSSIER_RATE = "online-end-to-end-dossier-rate";
    public static final String TASK_SERVICE = "/parsipas/task-service";
    /** The indicators the realm registers the one-stop-shop client igate for (deploy/keycloak). */
    public static final List<String> IGATE_INDICATORS = List.of(DOSSIER_RATE, "online-payment-enabled-procedure-rate",
            "online-payment-transacting-procedure-rate", "online-payment-dossier-rate", "digitised-data-reuse-rate");

    private Fixtures() {
    }

    /** igate's client-credentials token, as the realm shapes it. */
    public static String igate() {
        return TestTokens.dataProvider("igate", IGATE_INDICATORS, List.of("sipas-2025"));
    }

    /** Every request of the test sends this bearer token unless it says otherwise. */
    public static void actAs(String token) {
        RestAssured.authentication = RestAssured.oauth2(token);
    }

    public static void actAnonymously() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    public static TestKafka kafka() {
        return new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Each test starts from an empty service (the engines are shared by the whole test JVM). The
     * evaluation pass runs every second and locks the same tables in another order, so a truncate can
     * meet it in a deadlock: PostgreSQL aborts one of the two, and the truncate is simply tried again.
     */
    public static void emptyDatabase(Pool pool) {
        pool.query("truncate observation, observation_history, target_status_change, target, ingestion_request").execute()
                .onFailure(e -> e.getMessage() != null && e.getMessage().contains("40P01")).retry().atMost(5)
                .await().atMost(Duration.ofSeconds(30));
    }

    /** The dossier-rate target of the plan (criterion 1.16): ≥ 80% by the end of 2025. */
    public static TargetDefined dossierRateTarget(String targetId) {
        return indicatorTarget(targetId, "1.16", DOSSIER_RATE, "Tỷ lệ hồ sơ trực tuyến toàn trình", "percent", "gte",
                new BigDecimal("80"), null, "SO-KHOA-HOC-CONG-NGHE", true);
    }

    public static TargetDefined indicatorTarget(String targetId, String criterion, String code, String name, String unit,
            String comparator, BigDecimal value, TargetDefined.Baseline baseline, String agency, boolean active) {
        LocalDate deadline = LocalDate.parse("2025-12-31");
        return new TargetDefined(targetId, "dak-lak-2025", 1, criterion, "Tiêu chí " + criterion, TargetDefined.KIND_INDICATOR,
                "Mục tiêu của tiêu chí " + criterion, new TargetDefined.Indicator(code, name, unit), null, comparator,
                value, null, baseline, baseline != null && value == null ? "baseline" : null, null, agency, deadline,
                BusinessTime.endOf(deadline), null, active);
    }

    /** Publishes a target definition as task-service does: structured CloudEvent, key = target id. */
    public static void define(TestKafka kafka, TargetDefined target) {
        kafka.sendStructured(Topics.PLAN_TARGETS, target.targetId(), CloudEventReader.envelope(EventType.TARGET_DEFINED,
                UUID.randomUUID().toString(), TASK_SERVICE, target.targetId(), EventJson.mapper().valueToTree(target)).toString());
    }

    public static IndicatorObserved observed(String code, String scope, String period, String value, String unit,
            String observedAt) {
        return new IndicatorObserved(code, scope, period, new BigDecimal(value), unit, Instant.parse(observedAt), "igate",
                "Số liệu từ hệ thống một cửa điện tử của tỉnh.");
    }

    public static IndicatorObserved dossierRate(String period, String value, String observedAt) {
        return observed(DOSSIER_RATE, "PROVINCE", period, value, "percent", observedAt);
    }

    /** Structured-mode IndicatorObserved from a source system. */
    public static String envelope(IndicatorObserved data, String id, String source) {
        return CloudEventReader.envelope(EventType.INDICATOR_OBSERVED, id, source, data.subject(),
                EventJson.mapper().valueToTree(data)).toString();
    }

    public static void observe(TestKafka kafka, IndicatorObserved data, String source) {
        kafka.sendStructured(topicOf(source), data.subject(), envelope(data, UUID.randomUUID().toString(), source));
    }

    /** The producer's own topic, where a source system ({@code /igate}) writes. */
    public static String topicOf(String source) {
        return Topics.ofProducer(Topics.INDICATORS_OBSERVATIONS, source.substring(1));
    }

    /** Binary mode: ce_* headers, the value is the data. */
    public static void observeBinary(TestKafka kafka, IndicatorObserved data, String id, String source) {
        kafka.send(topicOf(source), data.subject(), EventJson.mapper().valueToTree(data).toString(),
                Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", source, "ce_type",
                        EventType.INDICATOR_OBSERVED.type(), "content-type", "application/json"));
    }

    /** The TargetStatusChanged data published for a target, once the predicate holds for them; each checked against the contract. */
    public static List<JsonNode> statusChanges(TestKafka kafka, String targetId, Predicate<List<JsonNode>> until) {
        List<JsonNode> changes = changesOf(kafka.readUntil(List.of(Topics.INDICATORS_EVALUATIONS),
                records -> until.test(changesOf(records, targetId)), Duration.ofSeconds(30)), targetId);
        changes.forEach(change -> {
            if (!JsonSchemas.validate(EventType.TARGET_STATUS_CHANGED, change).isEmpty()) {
                throw new AssertionError("breaks the contract: " + change);
            }
        });
        return changes;
    }

    /** Everything published for a target so far (reads until the topic is quiet for two seconds). */
    public static List<JsonNode> allStatusChanges(TestKafka kafka, String targetId) {
        return changesOf(kafka.readAll(List.of(Topics.INDICATORS_EVALUATIONS), Duration.ofSeconds(2)), targetId);
    }

    private static List<JsonNode> changesOf(List<TestKafka.Received> records, String targetId) {
        return records.stream().filter(r -> targetId.equals(r.key())).map(r -> {
            try {
                return EventJson.mapper().readTree(r.value()).get("data");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static List<String> statuses(List<JsonNode> changes) {
        return changes.stream().map(c -> c.get("status").asText()).toList();
    }
}
