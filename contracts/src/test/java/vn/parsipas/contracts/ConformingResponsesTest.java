package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shortcut for SurveyResponseSubmitted never vouches for a document the schema refuses, and vouches for the usual ones. */
class ConformingResponsesTest {
    private static final String SCHEMA = EventType.SURVEY_RESPONSE_SUBMITTED.dataSchema().toString();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values tried in every field: right and wrong types, bounds, shapes of codes and times. */
    private static final List<JsonNode> VALUES = values();

    @Test
    void theExampleAndTheUsualShapesAreVouchedFor() {
        ObjectNode example = example();
        assertThat(ConformingResponses.conforms(example)).isTrue();
        ObjectNode kiosk = example();
        kiosk.remove(List.of("receiptCode", "receiptPin", "procedureCode", "expectations", "respondent"));
        assertThat(ConformingResponses.conforms(kiosk)).isTrue();
        kiosk.putNull("receiptCode").putNull("receiptPin").putNull("procedureCode").putNull("respondent");
        kiosk.put("submittedAt", "2025-06-12T10:40:00.123+07:00");
        assertThat(ConformingResponses.conforms(kiosk)).isTrue();
        assertThat(JsonSchemas.validate(SCHEMA, kiosk)).isEmpty();
    }

    @Test
    void everyDocumentItVouchesForIsValidAgainstTheSchema() {
        List<ObjectNode> documents = new ArrayList<>();
        ObjectNode example = example();
        for (String field : List.of("responseId", "questionnaireId", "questionnaireVersion", "receiptCode", "receiptPin", "agencyCode",
                "procedureCode", "channel", "submittedAt", "answers", "expectations", "respondent", "unknown")) {
            ObjectNode without = example.deepCopy();
            without.remove(field);
            documents.add(without);
            for (JsonNode value : VALUES) {
                documents.add(example.deepCopy().set(field, value));
            }
        }
        for (JsonNode value : VALUES) {
            for (String field : List.of("questionId", "score", "other")) {
                ObjectNode document = example.deepCopy();
                ((ObjectNode) document.withArray("answers").get(0)).set(field, value);
                documents.add(document);
            }
            ObjectNode withExpectation = example.deepCopy();
            withExpectation.withArray("expectations").add(value);
            documents.add(withExpectation);
            ObjectNode withAnswer = example.deepCopy();
            withAnswer.withArray("answers").add(value);
            documents.add(withAnswer);
            for (String field : List.of("ageBand", "gender", "ethnicGroup", "other")) {
                ObjectNode document = example.deepCopy();
                ((ObjectNode) document.get("respondent")).set(field, value);
                documents.add(document);
            }
        }
        ObjectNode tooManyAnswers = example.deepCopy();
        for (int i = 0; i < 200; i++) {
            tooManyAnswers.withArray("answers").addObject().put("questionId", "q" + i).put("score", 3);
        }
        documents.add(tooManyAnswers);
        ObjectNode tooManyExpectations = example.deepCopy();
        for (int i = 0; i < 20; i++) {
            tooManyExpectations.withArray("expectations").add("e" + i);
        }
        documents.add(tooManyExpectations);
        documents.add(example.deepCopy().set("answers", NODES.arrayNode()));

        int vouched = 0;
        for (ObjectNode document : documents) {
            if (ConformingResponses.conforms(document)) {
                vouched++;
                assertThat(JsonSchemas.validate(SCHEMA, document)).as(document.toString()).isEmpty();
            }
        }
        assertThat(vouched).as("documents vouched for, of %d", documents.size()).isBetween(50, documents.size() / 2);
    }

    private static ObjectNode example() {
        return (ObjectNode) ContractFiles.json(ContractFiles.exampleFile(EventType.SURVEY_RESPONSE_SUBMITTED));
    }

    private static List<JsonNode> values() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.booleanNode(true));
        for (long number : new long[] {-1, 0, 1, 4, 5, 6, 1000, 1001, 3_000_000_000L}) {
            values.add(NODES.numberNode(number));
        }
        values.add(NODES.numberNode(1.0));
        values.add(NODES.numberNode(2.5));
        values.add(NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("ageBand", "35-44"));
        values.add(NODES.objectNode().put("questionId", "2.2.1-q1").put("score", 4));
        values.add(NODES.objectNode().put("questionId", "2.2.1-q1"));
        values.add(NODES.arrayNode());
        ArrayNode strings = NODES.arrayNode().add("shorter-processing-time");
        values.add(strings);
        for (String text : new String[] {"", " ", "a", "A", "1", "-", "ab", "abc", "abcd", "1234", "12345", "123456", "1234567890", "12345678901",
                "a b", "a\n", "a\t", "\u0085", "Ê Đê", "counter", "online", "postal", "Counter", "female", "male", "other", "35-44", "under-25",
                "65-plus", "SO-TU-PHAP", "SO--TU", "SO-", "-SO", "so-tu-phap", "S0-1", "UBND", "000.00.15.H17-250612-0042", "a/b.c-d", "a_b",
                "a:b", ":a", "_a", ".a", "0b8f3c52-9d1e-4a6b-8f7c-5e2d1a9b3c40", "x".repeat(64), "X".repeat(65), "a".repeat(128),
                "a".repeat(129), "é".repeat(64), "é".repeat(65), "2025-06-12T03:40:00Z", "2025-06-12T03:40:00z", "2025-06-12t03:40:00Z",
                "2025-06-12T03:40Z", "2025-06-12T03:40:00", "2025-06-12 03:40:00Z", "2025-06-12T03:40:00.Z", "2025-06-12T03:40:00.5Z",
                "2025-06-12T03:40:00.123456789Z", "2025-06-12T03:40:00.1234567891Z", "2025-06-12T03:40:00+07:00", "2025-06-12T03:40:00-00:00",
                "2025-06-12T03:40:00+0700", "2025-06-12T03:40:00+07", "2025-06-12T03:40:00+07:00:00", "2025-06-12T03:40:00+24:00",
                "2025-06-12T03:40:00+19:00", "2025-02-29T03:40:00Z", "2024-02-29T03:40:00Z", "2025-13-01T03:40:00Z", "2025-06-31T03:40:00Z",
                "2025-06-12T24:00:00Z", "2025-06-12T23:59:60Z", "2025-06-12T03:60:00Z", "0999-06-12T03:40:00Z", "0000-01-01T00:00:00Z",
                "+2025-06-12T03:40:00Z", "20250-06-12T03:40:00Z", "2025-06-12T03:40:00Z\n"}) {
            values.add(NODES.textNode(text));
        }
        return values;
    }
}
