package vn.parsipas.survey.questionnaire;

import java.util.List;

import vn.parsipas.contracts.Lists;

/**
 * One published version of a questionnaire, as its file in deploy/questionnaires says
 * (questionnaire.schema.json). Immutable once published.
 */
public record Questionnaire(
        String id,
        int version,
        String title,
        String intro,
        List<ScaleLabel> scale,
        List<Section> sections,
        Expectations expectations,
        Respondent respondent) {

    public Questionnaire {
        scale = Lists.orEmpty(scale);
        sections = Lists.orEmpty(sections);
    }

    public record ScaleLabel(int score, String label) {
    }

    public record Section(String title, List<SubIndex> subIndices) {
        public Section {
            subIndices = Lists.orEmpty(subIndices);
        }
    }

    public record SubIndex(String code, String name, List<Question> questions) {
        public SubIndex {
            questions = Lists.orEmpty(questions);
        }
    }

    public record Question(String id, String text, boolean required) {
    }

    public record Expectations(String prompt, int maxChoices, List<Option> options) {
        public Expectations {
            options = Lists.orEmpty(options);
        }
    }

    public record Option(String code, String label) {
    }

    public record Attribute(String label, List<Option> options) {
        public Attribute {
            options = Lists.orEmpty(options);
        }
    }

    public record Respondent(Attribute channel, Attribute ageBand, Attribute gender, Attribute ethnicGroup) {
    }
}
