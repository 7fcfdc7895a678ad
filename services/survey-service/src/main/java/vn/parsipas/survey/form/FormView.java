package vn.parsipas.survey.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.parsipas.survey.questionnaire.Questionnaire;
import vn.parsipas.survey.questionnaire.Questionnaire.Attribute;
import vn.parsipas.survey.questionnaire.Questionnaire.Option;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;

/**
 * What the citizen form shows: the questionnaire with the citizen's choices so far and, next to
 * each field, what to correct. Built here so that the templates hold no logic.
 */
public final class FormView {
    private FormView() {
    }

    /** The page that asks for the receipt code and PIN; {@code error} says why they were refused. */
    public record CodePage(String title, String receiptCode, String error) {
    }

    public record ThanksPage(String title, String receiptCode, String agencyName) {
    }

    /** The questionnaire; it carries the code and PIN on to the answers' POST, and shows no procedure (it could reveal the dossier). */
    public record FormPage(String title, String intro, String receiptCode, String pin, String responseId, String questionnaireId,
            int questionnaireVersion, String agencyName, List<SectionView> sections, List<ChoiceView> choices, List<ErrorView> errors) {
    }

    public record SectionView(String title, List<SubIndexView> subIndices) {
    }

    public record SubIndexView(String code, String name, List<QuestionView> questions) {
    }

    public record QuestionView(String id, String field, String text, boolean required, List<OptionView> options, String error) {
    }

    public record OptionView(String id, String value, String label, boolean checked) {
    }

    /** A group of radio buttons ({@code multiple} false) or check boxes. */
    public record ChoiceView(String id, String field, String label, boolean multiple, boolean required, List<OptionView> options,
            String error) {
    }

    public record ErrorView(String anchor, String message) {
    }

    /** Form field names: one per question, one per respondent attribute, one for the expectations. */
    static final String ANSWER_PREFIX = "q_";
    static final String CHANNEL = QuestionnaireVersion.CHANNEL;
    static final String AGE_BAND = QuestionnaireVersion.AGE_BAND;
    static final String GENDER = QuestionnaireVersion.GENDER;
    static final String ETHNIC_GROUP = QuestionnaireVersion.ETHNIC_GROUP;
    static final String EXPECTATIONS = "expectations";

    /**
     * The form for a questionnaire. {@code values} are the citizen's choices (field name to
     * values), {@code errors} the Vietnamese message for each field to correct.
     */
    static FormPage form(Questionnaire questionnaire, String receiptCode, String pin, String responseId, String agencyName,
            Map<String, List<String>> values, Map<String, String> errors) {
        List<SectionView> sections = new ArrayList<>();
        for (Questionnaire.Section section : questionnaire.sections()) {
            List<SubIndexView> subIndices = new ArrayList<>();
            for (Questionnaire.SubIndex subIndex : section.subIndices()) {
                subIndices.add(new SubIndexView(subIndex.code(), subIndex.name(), subIndex.questions().stream()
                        .map(question -> question(questionnaire, question, values, errors)).toList()));
            }
            sections.add(new SectionView(section.title(), subIndices));
        }
        Questionnaire.Respondent respondent = questionnaire.respondent();
        Questionnaire.Expectations expectations = questionnaire.expectations();
        List<ErrorView> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(new ErrorView(anchor(field), message)));
        List<ChoiceView> choices = new ArrayList<>();
        if (respondent != null) {
            choices.add(choice(CHANNEL, respondent.channel(), false, true, values, errors));
        }
        if (expectations != null) {
            choices.add(choice(EXPECTATIONS, new Attribute(expectations.prompt(), expectations.options()), true, false, values, errors));
        }
        if (respondent != null) {
            choices.add(choice(AGE_BAND, respondent.ageBand(), false, false, values, errors));
            choices.add(choice(GENDER, respondent.gender(), false, false, values, errors));
            choices.add(choice(ETHNIC_GROUP, respondent.ethnicGroup(), false, false, values, errors));
        }
        return new FormPage(questionnaire.title(), questionnaire.intro(), receiptCode, pin, responseId, questionnaire.id(),
                questionnaire.version(), agencyName, sections, choices, summary);
    }

    private static QuestionView question(Questionnaire questionnaire, Questionnaire.Question question, Map<String, List<String>> values,
            Map<String, String> errors) {
        String field = ANSWER_PREFIX + question.id();
        Set<String> chosen = Set.copyOf(values.getOrDefault(field, List.of()));
        List<OptionView> options = questionnaire.scale().stream()
                .map(label -> new OptionView(anchor(field) + "-" + label.score(), String.valueOf(label.score()),
                        label.score() + " – " + label.label(), chosen.contains(String.valueOf(label.score()))))
                .toList();
        return new QuestionView(anchor(field), field, question.text(), question.required(), options, errors.get(field));
    }

    private static ChoiceView choice(String field, Attribute attribute, boolean multiple, boolean required,
            Map<String, List<String>> values, Map<String, String> errors) {
        Set<String> chosen = Set.copyOf(values.getOrDefault(field, List.of()));
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < attribute.options().size(); i++) {
            Option option = attribute.options().get(i);
            options.add(new OptionView(anchor(field) + "-" + i, option.code(), option.label(), chosen.contains(option.code())));
        }
        return new ChoiceView(anchor(field), field, attribute.label(), multiple, required, options, errors.get(field));
    }

    /** An HTML id for a field: letters, digits and '-' only, so that it also works in a URL fragment. */
    static String anchor(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]", "-");
    }
}
