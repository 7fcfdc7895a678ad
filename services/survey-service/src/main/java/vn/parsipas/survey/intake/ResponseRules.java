package vn.parsipas.survey.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted.Answer;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.survey.directory.AgencyDirectory.Agency;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;

/** The business rules a well-formed response must pass, whichever door it came through. */
final class ResponseRules {
    private ResponseRules() {
    }

    /**
     * What is wrong with the response; empty when it may be stored. {@code questionnaire} and
     * {@code agency} are null when unknown.
     */
    static List<FieldError> problems(SurveyResponseSubmitted response, QuestionnaireVersion questionnaire, Agency agency,
            Instant now, Duration maxClockSkew) {
        List<FieldError> errors = new ArrayList<>();
        if (questionnaire == null) {
            errors.add(new FieldError("questionnaireVersion", "questionnaire " + response.questionnaireId() + " has no published version "
                    + response.questionnaireVersion()));
        } else {
            answers(response, questionnaire, errors);
            expectations(response, questionnaire, errors);
            respondent(response, questionnaire, errors);
        }
        if (agency == null) {
            errors.add(new FieldError("agencyCode", "unknown agency " + response.agencyCode() + ": it is not in the agency directory"));
        } else if (!agency.handlesDossiers()) {
            errors.add(new FieldError("agencyCode", response.agencyCode() + " is a group of agencies, not one that handles dossiers"));
        }
        if (response.receiptPin() != null && response.receiptCode() == null) {
            errors.add(new FieldError("receiptPin", "comes only with the receiptCode it was printed beside"));
        }
        if (response.submittedAt().isAfter(now.plus(maxClockSkew))) {
            errors.add(new FieldError("submittedAt", "is in the future (" + response.submittedAt() + ")"));
        }
        return errors;
    }

    private static void answers(SurveyResponseSubmitted response, QuestionnaireVersion questionnaire, List<FieldError> errors) {
        Set<String> answered = new HashSet<>();
        List<Answer> answers = response.answers();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (questionnaire.subIndexOf(answer.questionId()) == null) {
                errors.add(new FieldError("answers[" + i + "].questionId", "question " + answer.questionId() + " is not in questionnaire "
                        + questionnaire.id() + " version " + questionnaire.version()));
            } else if (!answered.add(answer.questionId())) {
                errors.add(new FieldError("answers[" + i + "].questionId", "question " + answer.questionId() + " is answered twice"));
            }
            if (answer.score() < QuestionnaireVersion.MIN_SCORE || answer.score() > QuestionnaireVersion.MAX_SCORE) {
                errors.add(new FieldError("answers[" + i + "].score", answer.score() + " is outside the scale "
                        + QuestionnaireVersion.MIN_SCORE + "-" + QuestionnaireVersion.MAX_SCORE));
            }
        }
        Set<String> missing = new LinkedHashSet<>(questionnaire.requiredQuestions());
        missing.removeAll(answered);
        if (!missing.isEmpty()) {
            errors.add(new FieldError("answers", "missing required answers: " + String.join(", ", missing)));
        }
    }

    /**
     * Channel and respondent attributes must be options of the questionnaire: they are shown in
     * exports and counted by group, so free text (a spreadsheet formula, say) has no place there.
     */
    private static void respondent(SurveyResponseSubmitted response, QuestionnaireVersion questionnaire, List<FieldError> errors) {
        Set<String> channels = questionnaire.respondentOptions(QuestionnaireVersion.CHANNEL);
        if (!channels.isEmpty()) {
            option("channel", QuestionnaireVersion.CHANNEL, response.channel(), questionnaire, errors);
        }
        SurveyResponseSubmitted.Respondent respondent = response.respondent();
        if (respondent != null) {
            option("respondent.ageBand", QuestionnaireVersion.AGE_BAND, respondent.ageBand(), questionnaire, errors);
            option("respondent.gender", QuestionnaireVersion.GENDER, respondent.gender(), questionnaire, errors);
            option("respondent.ethnicGroup", QuestionnaireVersion.ETHNIC_GROUP, respondent.ethnicGroup(), questionnaire, errors);
        }
    }

    private static void option(String field, String attribute, String value, QuestionnaireVersion questionnaire, List<FieldError> errors) {
        Set<String> options = questionnaire.respondentOptions(attribute);
        if (value != null && !options.contains(value)) {
            errors.add(new FieldError(field, "is not an option of questionnaire " + questionnaire.id() + " version "
                    + questionnaire.version() + " (" + String.join(", ", options) + ")"));
        }
    }

    private static void expectations(SurveyResponseSubmitted response, QuestionnaireVersion questionnaire, List<FieldError> errors) {
        List<String> expectations = response.expectations();
        for (int i = 0; i < expectations.size(); i++) {
            if (!questionnaire.knowsExpectation(expectations.get(i))) {
                errors.add(new FieldError("expectations[" + i + "]", "expectation " + expectations.get(i) + " is not an option of questionnaire "
                        + questionnaire.id() + " version " + questionnaire.version()));
            }
        }
        if (expectations.size() > questionnaire.maxExpectations()) {
            errors.add(new FieldError("expectations", "at most " + questionnaire.maxExpectations() + " expectations may be chosen"));
        }
    }
}
