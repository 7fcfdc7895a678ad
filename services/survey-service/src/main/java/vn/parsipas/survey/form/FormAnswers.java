package vn.parsipas.survey.form;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.survey.questionnaire.Questionnaire;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;
import vn.parsipas.survey.receipt.Receipt;

/**
 * Reads the posted form: what the citizen must still correct (in Vietnamese), and the
 * SurveyResponseSubmitted document it makes, which then goes through the common intake.
 */
final class FormAnswers {
    private static final String NOT_AN_OPTION = "Vui lòng chọn một trong các lựa chọn của câu: ";

    private FormAnswers() {
    }

    /** Field name to message, for what a citizen can correct on the page itself. */
    static Map<String, String> problems(QuestionnaireVersion questionnaire, MultivaluedMap<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Questionnaire.Section section : questionnaire.document().sections()) {
            for (Questionnaire.SubIndex subIndex : section.subIndices()) {
                for (Questionnaire.Question question : subIndex.questions()) {
                    String field = FormView.ANSWER_PREFIX + question.id();
                    if (question.required() && blank(form.getFirst(field))) {
                        errors.put(field, "Vui lòng chọn mức độ hài lòng: " + question.text());
                    }
                }
            }
        }
        if (blank(form.getFirst(FormView.CHANNEL))) {
            errors.put(FormView.CHANNEL, "Vui lòng chọn hình thức Ông/Bà đã nộp hồ sơ.");
        }
        List<String> expectations = form.getOrDefault(FormView.EXPECTATIONS, List.of());
        if (expectations.size() > questionnaire.maxExpectations()) {
            errors.put(FormView.EXPECTATIONS, "Vui lòng chọn tối đa " + questionnaire.maxExpectations() + " mong muốn.");
        }
        unknownChoices(questionnaire, form).forEach(errors::putIfAbsent);
        return errors;
    }

    /** Values the questionnaire does not offer (a hand-made POST): the page's radio buttons and check boxes only send its options. */
    private static Map<String, String> unknownChoices(QuestionnaireVersion questionnaire, MultivaluedMap<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        Questionnaire.Respondent respondent = questionnaire.document().respondent();
        if (respondent != null) {
            Map<String, Questionnaire.Attribute> attributes = Map.of(FormView.CHANNEL, respondent.channel(), FormView.AGE_BAND,
                    respondent.ageBand(), FormView.GENDER, respondent.gender(), FormView.ETHNIC_GROUP, respondent.ethnicGroup());
            attributes.forEach((field, attribute) -> {
                String value = form.getFirst(field);
                if (!blank(value) && !questionnaire.respondentOptions(field).contains(value)) {
                    errors.put(field, NOT_AN_OPTION + attribute.label());
                }
            });
        }
        Questionnaire.Expectations expectations = questionnaire.document().expectations();
        if (expectations != null && form.getOrDefault(FormView.EXPECTATIONS, List.of()).stream().anyMatch(code -> !questionnaire.knowsExpectation(code))) {
            errors.put(FormView.EXPECTATIONS, NOT_AN_OPTION + expectations.prompt());
        }
        return errors;
    }

    /** The response as a kiosk would send it; the agency and procedure come from the registered receipt code. */
    static ObjectNode document(QuestionnaireVersion questionnaire, Receipt receipt, String pin, String responseId,
            MultivaluedMap<String, String> form, Instant now) {
        ObjectNode document = EventJson.mapper().createObjectNode()
                .put("responseId", responseId)
                .put("questionnaireId", questionnaire.id())
                .put("questionnaireVersion", questionnaire.version())
                .put("receiptCode", receipt.code())
                .put("receiptPin", pin)
                .put("agencyCode", receipt.agencyCode())
                .put("procedureCode", receipt.procedureCode())
                .put("channel", form.getFirst(FormView.CHANNEL))
                .put("submittedAt", now.toString());
        ArrayNode answers = document.putArray("answers");
        questionnaire.subIndexOfQuestion().keySet().forEach(question -> {
            String score = form.getFirst(FormView.ANSWER_PREFIX + question);
            if (!blank(score)) {
                ObjectNode answer = answers.addObject().put("questionId", question);
                try {
                    answer.put("score", Integer.parseInt(score));
                } catch (NumberFormatException e) {
                    answer.put("score", score); // the contract check refuses it, like any malformed document
                }
            }
        });
        ArrayNode expectations = document.putArray("expectations");
        form.getOrDefault(FormView.EXPECTATIONS, List.of()).forEach(expectations::add);
        ObjectNode respondent = document.putObject("respondent");
        for (String attribute : List.of(FormView.AGE_BAND, FormView.GENDER, FormView.ETHNIC_GROUP)) {
            String value = form.getFirst(attribute);
            if (!blank(value)) {
                respondent.put(attribute, value);
            }
        }
        return document;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
