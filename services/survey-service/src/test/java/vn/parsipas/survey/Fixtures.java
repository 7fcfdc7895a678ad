package vn.parsipas.survey;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted.Answer;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;

/** Test data as the other systems would send it: agencies and targets on Kafka, responses and receipt codes. */
public final class Fixtures {
    public static final String QUESTIONNAIRE = "sipas-2025";
    public static final List<String> REQUIRED = List.of("2.2.1-q1", "2.2.2-q1", "2.2.3-q1");

    /** The realm's clients: the one-stop-shop system (registers receipt codes) and a survey kiosk. */
    public static final String ONE_STOP_SHOP = "igate";
    public static final String KIOSK = "survey-kiosk";

    private Fixtures() {
    }

    public static RequestSpecification asCoordinator() {
        return RestAssured.given().auth().oauth2(TestTokens.coordinator());
    }

    public static RequestSpecification asStaff(String agency) {
        return RestAssured.given().auth().oauth2(TestTokens.staff(agency));
    }

    /** The kiosk client, registered for the shipped questionnaire and bound to every agency (as a province-wide platform). */
    public static RequestSpecification asKiosk() {
        return asKiosk(QUESTIONNAIRE);
    }

    public static RequestSpecification asKiosk(String... questionnaires) {
        return RestAssured.given().auth().oauth2(provider(KIOSK, List.of(questionnaires), List.of("*"), null));
    }

    /** A kiosk client bound to these agencies (realm claim survey_agencies) with this daily quota of responses without a receipt PIN. */
    public static RequestSpecification asKioskBoundTo(String clientId, int dailyQuota, String... agencies) {
        return RestAssured.given().auth().oauth2(provider(clientId, List.of(QUESTIONNAIRE), List.of(agencies), dailyQuota));
    }

    public static RequestSpecification asOneStopShop() {
        return RestAssured.given().auth().oauth2(provider(ONE_STOP_SHOP, List.of(QUESTIONNAIRE), List.of("*"), null));
    }

    /** A data provider's token as the realm issues it, with the survey claims (survey_agencies, survey_daily_quota). */
    public static String provider(String clientId, List<String> questionnaires, List<String> surveyAgencies, Integer dailyQuota) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("preferred_username", "service-account-" + clientId);
        claims.put("azp", clientId);
        claims.put("allowed_indicators", List.of());
        claims.put("allowed_questionnaires", questionnaires);
        claims.put("survey_agencies", surveyAgencies);
        if (dailyQuota != null) {
            claims.put("survey_daily_quota", dailyQuota);
        }
        return TestTokens.mint("service-account-" + clientId, List.of("data-provider"), claims);
    }

    public static TestKafka kafka() {
        return new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Structured CloudEvents in one produce request (one log append), so one poll of the service reads them all. */
    public static void sendTogether(String topic, String key, List<String> envelopes) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String envelope : envelopes) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** An agency code no other test uses, so its aggregates are this test's alone. */
    public static String uniqueAgency() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String uniqueReceipt() {
        return "000.00.15.H17-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Publishes agencies on directory.agencies.v1 as task-service does, and waits until survey-service knows them. */
    public static void agenciesOfKind(String kind, String... codes) {
        try (TestKafka kafka = kafka()) {
            for (String code : codes) {
                AgencyUpserted agency = new AgencyUpserted(code, "Cơ quan thử nghiệm " + code, kind, "VP-UBND-TINH", List.of(),
                        null, true, Instant.now());
                kafka.sendStructured(Topics.DIRECTORY_AGENCIES, code, envelope(EventType.AGENCY_UPSERTED, "/parsipas/task-service", code,
                        agency));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(codes).stream().allMatch(Fixtures::agencyKnown));
    }

    public static void agencies(String... codes) {
        agenciesOfKind("department", codes);
    }

    private static boolean agencyKnown(String code) {
        return count("select count(*) from agency where code = $1", code) == 1;
    }

    /** A count from survey-service's database, e.g. to prove that a refused response changed nothing. */
    public static long count(String sql, Object... parameters) {
        return Arc.container().instance(Pool.class).get().preparedQuery(sql).execute(Tuple.from(parameters))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }

    /** A statement on survey-service's database, e.g. a rule the database enforces that the service does not know. */
    public static void execute(String sql) {
        Arc.container().instance(Pool.class).get().query(sql).execute().await().atMost(Duration.ofSeconds(30));
    }

    /** A SIPAS target as task-service publishes it on plan.targets.v1. */
    public static void target(String targetId, String subIndex, int year, BigDecimal value, BigDecimal baseline, String responsible) {
        target(targetId, 1, subIndex, year, value, baseline, responsible);
    }

    /** As {@link #target}, of a given version of the plan. */
    public static void target(String targetId, int planVersion, String subIndex, int year, BigDecimal value, BigDecimal baseline,
            String responsible) {
        TargetDefined target = new TargetDefined(targetId, "test-plan", planVersion, subIndex, "Chỉ số thành phần " + subIndex,
                TargetDefined.KIND_SIPAS, "Mục tiêu thử nghiệm", null, subIndex, value == null ? "gt" : "gte", value, "percent",
                new TargetDefined.Baseline(baseline, year - 1), value == null ? "baseline" : null, null,
                responsible, LocalDate.of(year, 12, 31), Instant.parse(year + "-12-31T17:00:00Z"), null, true);
        try (TestKafka kafka = kafka()) {
            kafka.sendStructured(Topics.PLAN_TARGETS, targetId, envelope(EventType.TARGET_DEFINED, "/parsipas/task-service", targetId,
                    target));
        }
    }

    public static String envelope(EventType type, String source, String subject, Object data) {
        return CloudEventReader.envelope(type, UUID.randomUUID().toString(), source, subject, EventJson.mapper().valueToTree(data))
                .toString();
    }

    /** A valid response: every question of 2.2.1-2.2.3 answered with {@code score}. */
    public static SurveyResponseSubmitted response(String agency, String receiptCode, Instant submittedAt, int score) {
        List<Answer> answers = new ArrayList<>();
        for (String subIndex : List.of("2.2.1", "2.2.2", "2.2.3")) {
            answers.add(new Answer(subIndex + "-q1", score));
            answers.add(new Answer(subIndex + "-q2", score));
        }
        return new SurveyResponseSubmitted(UUID.randomUUID().toString(), QUESTIONNAIRE, 1, receiptCode, null, agency, "1.001193", "counter",
                submittedAt, answers, List.of("shorter-processing-time"),
                new SurveyResponseSubmitted.Respondent("35-44", "female", "Ê Đê"));
    }

    public static SurveyResponseSubmitted response(String agency, Instant submittedAt, int score) {
        return response(agency, null, submittedAt, score);
    }

    public static ObjectNode json(SurveyResponseSubmitted response) {
        return EventJson.mapper().valueToTree(response);
    }

    /** Rows of a query, each as JSON text, to compare whole tables. */
    public static List<String> rows(String sql, Object... parameters) {
        List<String> rows = new ArrayList<>();
        Arc.container().instance(Pool.class).get().preparedQuery(sql).execute(Tuple.from(parameters))
                .await().atMost(Duration.ofSeconds(60)).forEach(row -> rows.add(row.toJson().encode()));
        return rows;
    }

    /** The Kafka source that %test configures to send responses without a receipt PIN (a province-wide survey platform). */
    public static final String SURVEY_PLATFORM = "/survey-platform";
    /** The kiosks' own topic of sipas.responses.v1 (the topic names the producer, survey-kiosk). */
    public static final String KIOSK_TOPIC = Topics.ofProducer(Topics.SIPAS_RESPONSES, KIOSK);
    public static final String KIOSK_SOURCE = Topics.sourceOf(KIOSK);

    /** The topic a source writes its responses to: its own, sipas.responses.v1.from.<client id>. */
    public static String topicOf(String source) {
        return Topics.ofProducer(Topics.SIPAS_RESPONSES, source.substring(1));
    }

    /** A CloudEvent on the survey platform's topic as it writes it (structured mode, key = agency code). */
    public static void sendResponse(TestKafka kafka, String eventId, SurveyResponseSubmitted response) {
        sendResponse(kafka, eventId, SURVEY_PLATFORM, json(response));
    }

    public static void sendResponse(TestKafka kafka, String eventId, String source, ObjectNode response) {
        kafka.sendStructured(topicOf(source), response.get("agencyCode").asText(), CloudEventReader.envelope(
                EventType.SURVEY_RESPONSE_SUBMITTED, eventId, source, response.get("responseId").asText(), response).toString());
    }

    /** An event survey-service published on sipas.indices.v1: its CloudEvents type and its data. */
    public record IndexEvent(String type, JsonNode data) {
        public String scope() {
            return data.get("scope").asText();
        }

        public String period() {
            return data.get("period").asText();
        }

        public boolean is(EventType eventType) {
            return eventType.type().equals(type);
        }
    }

    /** Reads sipas.indices.v1 until the events about {@code scope} satisfy {@code until}; every one checked against its schema. */
    public static List<IndexEvent> indexEvents(String scope, java.util.function.Predicate<List<IndexEvent>> until) {
        try (TestKafka kafka = kafka()) {
            List<IndexEvent> events = new ArrayList<>();
            kafka.readUntil(List.of(Topics.SIPAS_INDICES), records -> {
                events.clear();
                records.stream().map(Fixtures::indexEvent).filter(event -> event.scope().equals(scope)).forEach(events::add);
                return until.test(events);
            }, Duration.ofSeconds(30));
            return List.copyOf(events);
        }
    }

    /** Everything on sipas.indices.v1 about {@code scope} so far (reads until the topic is quiet). */
    public static List<IndexEvent> indexEventsNow(String scope) {
        try (TestKafka kafka = kafka()) {
            return kafka.readAll(List.of(Topics.SIPAS_INDICES), Duration.ofSeconds(1)).stream().map(Fixtures::indexEvent)
                    .filter(event -> event.scope().equals(scope)).toList();
        }
    }

    private static IndexEvent indexEvent(TestKafka.Received record) {
        try {
            JsonNode envelope = EventJson.mapper().readTree(record.value());
            EventType type = EventType.ofType(envelope.get("type").asText()).orElseThrow();
            List<SchemaViolation> violations = JsonSchemas.validate(type, envelope.get("data"));
            if (!violations.isEmpty()) {
                throw new AssertionError(type + " breaks its contract: " + violations);
            }
            return new IndexEvent(type.type(), envelope.get("data"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Registers the code as the one-stop shop does, with a fresh PIN (printed on the receipt); returns the PIN. */
    public static String registerReceipt(String code, String agency) {
        String pin = pin();
        asOneStopShop().contentType(ContentType.JSON)
                .body(Map.of("receiptCodes", List.of(Map.of("receiptCode", code, "agencyCode", agency, "procedureCode", "1.001193",
                        "pin", pin))))
                .post("/api/v1/receipt-codes").then().statusCode(200).body("items[0].outcome", org.hamcrest.Matchers.equalTo("registered"));
        return pin;
    }

    /** A code registered as before PINs existed: usable only by a source bound to its agency, never on the public form. */
    public static void registerReceiptWithoutPin(String code, String agency) {
        asOneStopShop().contentType(ContentType.JSON)
                .body(Map.of("receiptCodes", List.of(Map.of("receiptCode", code, "agencyCode", agency, "procedureCode", "1.001193"))))
                .post("/api/v1/receipt-codes").then().statusCode(200);
    }

    /** Six random digits, as the one-stop shop draws a receipt PIN. */
    public static String pin() {
        return String.format("%06d", new java.security.SecureRandom().nextInt(1_000_000));
    }

    /** The response as JSON with the receipt PIN that proves its sender holds the receipt. */
    public static ObjectNode json(SurveyResponseSubmitted response, String receiptPin) {
        return json(response).put("receiptPin", receiptPin);
    }
}
