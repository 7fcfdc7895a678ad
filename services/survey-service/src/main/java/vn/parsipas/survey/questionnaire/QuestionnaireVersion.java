package vn.parsipas.survey.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.parsipas.survey.questionnaire.Questionnaire.Attribute;
import vn.parsipas.survey.questionnaire.Questionnaire.Option;
import vn.parsipas.survey.questionnaire.Questionnaire.Question;
import vn.parsipas.survey.questionnaire.Questionnaire.SubIndex;

/** A published questionnaire with the look-ups that validating a response needs, computed once. */
public final class QuestionnaireVersion {
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    /** Respondent attributes, named as in SurveyResponseSubmitted and on the form. */
    public static final String CHANNEL = "channel";
    public static final String AGE_BAND = "ageBand";
    public static final String GENDER = "gender";
    public static final String ETHNIC_GROUP = "ethnicGroup";

    private final Questionnaire document;
    private final Map<String, String> subIndexOfQuestion = new LinkedHashMap<>();
    private final Map<String, String> subIndexNames = new LinkedHashMap<>();
    private final Set<String> requiredQuestions = new LinkedHashSet<>();
    private final Set<String> expectationCodes = new LinkedHashSet<>();
    private final Map<String, Set<String>> respondentOptions = new LinkedHashMap<>();

    public QuestionnaireVersion(Questionnaire document) {
        this.document = document;
        for (SubIndex subIndex : subIndices(document)) {
            subIndexNames.put(subIndex.code(), subIndex.name());
            for (Question question : subIndex.questions()) {
                subIndexOfQuestion.put(question.id(), subIndex.code());
                if (question.required()) {
                    requiredQuestions.add(question.id());
                }
            }
        }
        if (document.expectations() != null) {
            document.expectations().options().forEach(option -> expectationCodes.add(option.code()));
        }
        if (document.respondent() != null) {
            Questionnaire.Respondent respondent = document.respondent();
            respondentOptions.put(CHANNEL, codes(respondent.channel()));
            respondentOptions.put(AGE_BAND, codes(respondent.ageBand()));
            respondentOptions.put(GENDER, codes(respondent.gender()));
            respondentOptions.put(ETHNIC_GROUP, codes(respondent.ethnicGroup()));
        }
    }

    private static Set<String> codes(Attribute attribute) {
        Set<String> codes = new LinkedHashSet<>();
        if (attribute != null) {
            attribute.options().forEach(option -> codes.add(option.code()));
        }
        return codes;
    }

    /** The codes this version offers for a respondent attribute; empty when it does not ask it. */
    public Set<String> respondentOptions(String attribute) {
        return respondentOptions.getOrDefault(attribute, Set.of());
    }

    public Questionnaire document() {
        return document;
    }

    public String id() {
        return document.id();
    }

    public int version() {
        return document.version();
    }

    /** The sub-index a question counts for, or null for a question this version does not have. */
    public String subIndexOf(String questionId) {
        return subIndexOfQuestion.get(questionId);
    }

    public Map<String, String> subIndexOfQuestion() {
        return subIndexOfQuestion;
    }

    public Map<String, String> subIndexNames() {
        return subIndexNames;
    }

    public Set<String> requiredQuestions() {
        return requiredQuestions;
    }

    public boolean knowsExpectation(String code) {
        return expectationCodes.contains(code);
    }

    public int maxExpectations() {
        return document.expectations() == null ? 0 : document.expectations().maxChoices();
    }

    static List<SubIndex> subIndices(Questionnaire document) {
        List<SubIndex> all = new ArrayList<>();
        document.sections().forEach(section -> all.addAll(section.subIndices()));
        return all;
    }

    /** What is wrong with a questionnaire beyond its schema; empty when it can be published. */
    static List<String> problems(Questionnaire document) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < document.scale().size(); i++) {
            if (document.scale().get(i).score() != i + 1) {
                problems.add("scale[" + i + "].score must be " + (i + 1) + ": the scale lists scores 1 to 5 in order");
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<String> questions = new LinkedHashSet<>();
        for (SubIndex subIndex : subIndices(document)) {
            if (!codes.add(subIndex.code())) {
                problems.add("sub-index " + subIndex.code() + " is listed twice");
            }
            for (Question question : subIndex.questions()) {
                if (!questions.add(question.id())) {
                    problems.add("question " + question.id() + " is listed twice");
                }
                if (!question.id().startsWith(subIndex.code() + "-")) {
                    problems.add("question " + question.id() + " must start with its sub-index: " + subIndex.code() + "-");
                }
            }
        }
        if (document.expectations() != null) {
            duplicates(document.expectations().options(), "expectation", problems);
        }
        if (document.respondent() != null) {
            allowed(document.respondent().channel(), "channel", Set.of("counter", "online", "postal"), problems);
            allowed(document.respondent().ageBand(), "ageBand",
                    Set.of("under-25", "25-34", "35-44", "45-54", "55-64", "65-plus"), problems);
            allowed(document.respondent().gender(), "gender", Set.of("female", "male", "other"), problems);
            duplicates(document.respondent().ethnicGroup().options(), "ethnicGroup", problems);
        }
        return problems;
    }

    private static void duplicates(List<Option> options, String what, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        options.stream().filter(option -> !seen.add(option.code()))
                .forEach(option -> problems.add(what + " option " + option.code() + " is listed twice"));
    }

    /** Respondent attributes travel in SurveyResponseSubmitted, whose schema fixes their codes. */
    private static void allowed(Attribute attribute, String what, Set<String> codes, List<String> problems) {
        duplicates(attribute.options(), what, problems);
        attribute.options().stream().filter(option -> !codes.contains(option.code()))
                .forEach(option -> problems.add(what + " option " + option.code() + " is not one of " + codes));
    }
}
