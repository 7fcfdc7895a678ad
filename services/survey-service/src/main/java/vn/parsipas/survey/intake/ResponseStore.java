package vn.parsipas.survey.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.survey.Db;

/** The stored responses: answers as {questionId: score}, respondent attributes, never an identity. */
@ApplicationScoped
public class ResponseStore {
    @Inject
    ObjectMapper mapper;

    /** The ids among these that are already stored. */
    public Uni<Set<String>> existing(List<String> responseIds) {
        List<String> distinct = responseIds.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Db.rows("select response_id from survey_response where response_id in (" + Db.placeholders(distinct.size()) + ")",
                distinct.toArray()).map(rows -> rows.stream().map(row -> (String) row[0]).collect(Collectors.toSet()));
    }

    /**
     * Inserts the responses in id order (so concurrent batches wait on each other instead of
     * deadlocking) and returns the ids actually inserted: one that a concurrent transaction stored
     * first is a duplicate, not an error.
     */
    public Uni<Set<String>> insert(Collection<SurveyResponseSubmitted> responses, ResponseIntake.Door door, String source, Instant now) {
        List<Object> parameters = new ArrayList<>();
        for (SurveyResponseSubmitted r : responses.stream().sorted(Comparator.comparing(SurveyResponseSubmitted::responseId)).toList()) {
            var respondent = r.respondent();
            parameters.addAll(java.util.Arrays.asList(r.responseId(), r.questionnaireId(), r.questionnaireVersion(), r.receiptCode(),
                    r.agencyCode(), r.procedureCode(), r.channel(), r.submittedAt(), door.name().toLowerCase(),
                    respondent == null ? null : respondent.ageBand(), respondent == null ? null : respondent.gender(),
                    respondent == null ? null : respondent.ethnicGroup(), json(r.expectations()), json(answers(r))));
        }
        parameters.add(now);
        parameters.add(source);
        return Db.rows("insert into survey_response (response_id, questionnaire_id, questionnaire_version, receipt_code, agency_code,"
                        + " procedure_code, channel, submitted_at, door, age_band, gender, ethnic_group, expectations, answers, received_at,"
                        + " source) select v.*, cast(?" + (parameters.size() - 1) + " as timestamptz), cast(?" + parameters.size()
                        + " as text) from (values "
                        + Db.valuesList(responses.size(), "text", "text", "int", "text", "text", "text", "text", "timestamptz", "text",
                                "text", "text", "text", "jsonb", "jsonb")
                        + ") v on conflict do nothing returning response_id", parameters.toArray())
                .map(rows -> rows.stream().map(row -> (String) row[0]).collect(Collectors.toSet()));
    }

    private static Map<String, Integer> answers(SurveyResponseSubmitted response) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        response.answers().forEach(answer -> answers.put(answer.questionId(), answer.score()));
        return answers;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
