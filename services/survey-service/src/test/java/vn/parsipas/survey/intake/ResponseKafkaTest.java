package vn.parsipas.survey.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class ResponseKafkaTest {
    private static final Instant MAY = Instant.parse("2024-05-20T02:00:00Z");
    private static final String DLQ = Topics.SIPAS_RESPONSES + Topics.DLQ_SUFFIX;

    @Test
    void aResponseIsCountedOnceWhateverTheRedeliveriesAndDoors() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        SurveyResponseSubmitted response = Fixtures.response(agency, MAY, 4);
        String eventId = UUID.randomUUID().toString();

        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.sendResponse(kafka, eventId, response);
            Fixtures.sendResponse(kafka, eventId, response);
            // The same response again in binary mode, under another event id (a kiosk that resent it).
            kafka.send(Fixtures.topicOf(Fixtures.SURVEY_PLATFORM), agency, Fixtures.json(response).toString(), Map.of("ce_specversion", "1.0",
                    "ce_id", UUID.randomUUID().toString(), "ce_source", Fixtures.SURVEY_PLATFORM,
                    "ce_type", EventType.SURVEY_RESPONSE_SUBMITTED.type(), "content-type", "application/json"));
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), Fixtures.response(agency, MAY, 2));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from survey_response where agency_code = $1",
                agency) == 2);
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Fixtures.json(response)).post("/api/v1/responses")
                .then().statusCode(200).body("outcome", equalTo("duplicate"));
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.1/" + agency + "/2024-Q2").then().statusCode(200)
                .body("responses", equalTo(2)).body("validAnswers", equalTo(4)).body("satisfiedAnswers", equalTo(2));
        assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1 and door = 'kafka'",
                response.responseId())).isOne();
    }

    @Test
    void everyRefusedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsApplied() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        Fixtures.registerReceipt(code, agency);
        ObjectNode unknownVersion = Fixtures.json(Fixtures.response(agency, MAY, 4)).put("questionnaireVersion", 9);
        ObjectNode missingRequired = Fixtures.json(Fixtures.response(agency, MAY, 4));
        ((ArrayNode) missingRequired.get("answers")).remove(4);
        ObjectNode outOfScale = Fixtures.json(Fixtures.response(agency, MAY, 4));
        ((ObjectNode) outOfScale.get("answers").get(1)).put("score", 0);
        ObjectNode unknownAgency = Fixtures.json(Fixtures.response("SO-KHONG-CO", MAY, 4));
        SurveyResponseSubmitted first = Fixtures.response(agency, code, MAY, 5);
        SurveyResponseSubmitted reusedCode = Fixtures.response(agency, code, MAY, 1);
        SurveyResponseSubmitted good = Fixtures.response(agency, MAY, 5);
        ObjectNode formula = Fixtures.json(Fixtures.response(agency, MAY, 4));
        ((ObjectNode) formula.get("respondent")).put("ethnicGroup", "@SUM(1+1)*cmd|' /C calc'!A0");
        ObjectNode unbound = Fixtures.json(Fixtures.response(agency, MAY, 1));

        try (TestKafka kafka = Fixtures.kafka()) {
            for (ObjectNode refused : List.of(unknownVersion, missingRequired, outOfScale, unknownAgency)) {
                kafka.sendStructured(Fixtures.KIOSK_TOPIC, agency, CloudEventReader.envelope(EventType.SURVEY_RESPONSE_SUBMITTED,
                        UUID.randomUUID().toString(), Fixtures.KIOSK_SOURCE, null, refused).toString());
            }
            kafka.send(Fixtures.KIOSK_TOPIC, agency, "{\"specversion\":\"1.0\",\"data\":".getBytes(StandardCharsets.UTF_8),
                    Map.of("content-type", "application/cloudevents+json"));
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), first);
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), reusedCode);
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), Fixtures.SURVEY_PLATFORM, formula);
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), Fixtures.KIOSK_SOURCE, unbound);
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), good);

            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> agency.equals(r.key())).count() >= 8, Duration.ofSeconds(30))
                    .stream().filter(r -> agency.equals(r.key())).toList();
            assertThat(dead).extracting(r -> r.headers().get("dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).contains("has no published version 9"),
                    reason -> assertThat(reason).contains("missing required answers: 2.2.3-q1"),
                    reason -> assertThat(reason).contains("answers[1].score"),
                    reason -> assertThat(reason).contains("unknown agency SO-KHONG-CO"),
                    reason -> assertThat(reason).contains("not valid JSON"),
                    reason -> assertThat(reason).contains("conflict").contains("receipt code " + code + " already has a response"),
                    reason -> assertThat(reason).contains("respondent.ethnicGroup").contains("is not an option of questionnaire sipas-2025"),
                    reason -> assertThat(reason).contains("source " + Fixtures.KIOSK_SOURCE + " is not bound to agency " + agency));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from survey_response where response_id = $1",
                good.responseId()) == 1);
        assertThat(Fixtures.count("select count(*) from survey_response where agency_code = $1", agency)).isEqualTo(2);
        assertThat(Fixtures.count("select count(*) from receipt_code where code = $1 and response_id = $2", code, first.responseId()))
                .isOne();
    }

    /**
     * A poll is applied in one transaction; when the database refuses one of its responses (here a
     * rule an operator added, which no check before the insert knows), the batch is rolled back, its
     * records are applied one by one, and only that response is dead-lettered: the others are
     * stored and counted once, the redelivered one too, and the receipt code is used once.
     */
    @Test
    void aResponseTheDatabaseRefusesInABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        List<SurveyResponseSubmitted> valid = List.of(Fixtures.response(agency, MAY, 5), Fixtures.response(agency, MAY, 4),
                Fixtures.response(agency, MAY, 2), Fixtures.response(agency, MAY, 1));
        SurveyResponseSubmitted withReceipt = Fixtures.response(agency, code, MAY, 5);
        SurveyResponseSubmitted poisoned = Fixtures.response(agency, MAY, 5);
        String rule = "refuse_" + agency.toLowerCase().replaceAll("[^a-z0-9]", "_");
        Fixtures.execute("alter table survey_response add constraint " + rule + " check (response_id <> '" + poisoned.responseId()
                + "') not valid");
        try (TestKafka kafka = Fixtures.kafka()) {
            String redelivered = UUID.randomUUID().toString();
            Fixtures.sendTogether(Fixtures.topicOf(Fixtures.SURVEY_PLATFORM), agency, List.of(
                    envelope(UUID.randomUUID().toString(), Fixtures.json(valid.get(0))),
                    envelope(UUID.randomUUID().toString(), Fixtures.json(valid.get(1))),
                    envelope(UUID.randomUUID().toString(), Fixtures.json(poisoned)),
                    envelope(redelivered, Fixtures.json(valid.get(2))),
                    envelope(redelivered, Fixtures.json(valid.get(2))),
                    envelope(UUID.randomUUID().toString(), Fixtures.json(withReceipt, pin)),
                    envelope(UUID.randomUUID().toString(), Fixtures.json(valid.get(3)))));
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count("select count(*) from survey_response where agency_code = $1",
                    agency) == 5);
            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().anyMatch(r -> agency.equals(r.key())), Duration.ofSeconds(60))
                    .stream().filter(r -> agency.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(r -> assertThat(r.headers().get("dead-letter-reason"))
                    .contains("refused by the database").contains("23514"));
        } finally {
            Fixtures.execute("alter table survey_response drop constraint " + rule);
        }
        assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", poisoned.responseId())).isZero();
        assertThat(Fixtures.count("select count(*) from receipt_code where code = $1 and response_id = $2", code,
                withReceipt.responseId())).isOne();
        // 2.2.1 is answered twice per response: five responses, ten answers, six of them 4 or 5.
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.1/" + agency + "/2024-Q2").then().statusCode(200)
                .body("responses", equalTo(5)).body("validAnswers", equalTo(10)).body("satisfiedAnswers", equalTo(6));
    }

    /**
     * Issue 17: a response for an agency the directory does not know yet is dead-lettered; the agency
     * is then announced; an operator replays the dead letter; the response is stored once, and
     * replaying it again (the API no longer offers it; sent again by hand, the inbox drops it)
     * changes nothing.
     */
    @Test
    void aResponseForAnAgencyAnnouncedLaterIsStoredOnceWhenAnOperatorReplaysItsDeadLetter() {
        String agency = Fixtures.uniqueAgency();
        SurveyResponseSubmitted response = Fixtures.response(agency, MAY, 4);
        String eventId = UUID.randomUUID().toString();
        String letters = "/api/v1/admin/dead-letters/" + DLQ;
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.sendResponse(kafka, eventId, response);
            await().atMost(Duration.ofSeconds(60)).until(() -> waitingIds(letters).contains(eventId));
            assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", response.responseId())).isZero();

            Fixtures.agencies(agency);
            asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(eventId), "comment", "cơ quan đã có trong danh bạ"))
                    .post(letters + "/replays").then().statusCode(200).body("count", equalTo(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count("select count(*) from survey_response where response_id = $1",
                    response.responseId()) == 1);

            asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(eventId))).post(letters + "/replays")
                    .then().statusCode(400).body("errors[0].field", equalTo("eventIds[0]"));
            assertThat(waitingIds(letters)).doesNotContain(eventId);
            Fixtures.sendResponse(kafka, eventId, response);
            SurveyResponseSubmitted marker = Fixtures.response(agency, MAY, 2);
            Fixtures.sendResponse(kafka, UUID.randomUUID().toString(), marker);
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count("select count(*) from survey_response where response_id = $1",
                    marker.responseId()) == 1);
        }
        assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", response.responseId())).isOne();
        asOperator().get("/api/v1/admin/dead-letter-actions?topic=" + DLQ).then().statusCode(200)
                .body("items[0].eventId", equalTo(eventId)).body("items[0].action", equalTo("replayed"))
                .body("items[0].reason", containsString("unknown agency " + agency));
    }

    private static List<String> waitingIds(String letters) {
        return asOperator().queryParam("limit", 200).get(letters).then().statusCode(200).extract().jsonPath()
                .getList("items.eventId", String.class);
    }

    private static RequestSpecification asOperator() {
        return RestAssured.given().auth().oauth2(TestTokens.operator());
    }

    private static String envelope(String eventId, ObjectNode response) {
        return CloudEventReader.envelope(EventType.SURVEY_RESPONSE_SUBMITTED, eventId, Fixtures.SURVEY_PLATFORM,
                response.get("responseId").asText(), response).toString();
    }
}
