package vn.parsipas.survey.intake;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.problem.Problem;

/**
 * One response as a door received it: the SurveyResponseSubmitted it carries, or why its document
 * is malformed. Every door (REST, Kafka, citizen form) checks documents against the same contract.
 */
public record Submission(SurveyResponseSubmitted response, String responseId, List<Problem.FieldError> malformed) {

    public static Submission of(SurveyResponseSubmitted response) {
        return new Submission(response, response.responseId(), List.of());
    }

    /** Reads a JSON document as SurveyResponseSubmitted, checking it against the contract's schema. */
    public static Submission read(JsonNode document) {
        String responseId = document != null && document.path("responseId").isTextual()
                ? document.get("responseId").asText() : null;
        if (document == null || !document.isObject()) {
            return malformed(responseId, List.of(new Problem.FieldError("", "a response must be a JSON object")));
        }
        List<SchemaViolation> violations = JsonSchemas.validate(EventType.SURVEY_RESPONSE_SUBMITTED, document);
        if (!violations.isEmpty()) {
            return malformed(responseId, violations.stream()
                    .map(violation -> new Problem.FieldError(violation.field(), violation.message())).toList());
        }
        try {
            return of(EventJson.mapper().treeToValue(document, SurveyResponseSubmitted.class));
        } catch (JsonProcessingException e) {
            return malformed(responseId, List.of(new Problem.FieldError("", e.getOriginalMessage())));
        }
    }

    private static Submission malformed(String responseId, List<Problem.FieldError> errors) {
        return new Submission(null, responseId, errors);
    }

    public boolean isMalformed() {
        return response == null;
    }
}
