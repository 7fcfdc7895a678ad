package vn.parsipas.contracts.sipas;

import java.time.Instant;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

/** A citizen's answers; {@code receiptPin} proves that the sender holds the receipt and is never stored. */
public record SurveyResponseSubmitted(
        String responseId,
        String questionnaireId,
        int questionnaireVersion,
        String receiptCode,
        String receiptPin,
        String agencyCode,
        String procedureCode,
        String channel,
        Instant submittedAt,
        List<Answer> answers,
        List<String> expectations,
        Respondent respondent) implements Event {

    public SurveyResponseSubmitted {
        answers = Lists.orEmpty(answers);
        expectations = Lists.orEmpty(expectations);
    }

    public record Answer(String questionId, int score) {
    }

    public record Respondent(String ageBand, String gender, String ethnicGroup) {
    }

    @Override
    public String subject() {
        return responseId;
    }

    /** Responses of one agency stay in one partition. */
    @Override
    public String partitionKey() {
        return agencyCode;
    }
}
