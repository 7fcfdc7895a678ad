package vn.parsipas.survey.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.time.BusinessTime;

/** The stored responses: answers as {questionId: score}, respondent attributes, never an identity. */
@ApplicationScoped
public class ResponseStore {
    /** The ids among these that are already stored. */
    public Uni<Set<String>> existing(SqlConnection connection, List<String> responseIds) {
        String[] distinct = responseIds.stream().distinct().toArray(String[]::new);
        if (distinct.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("select response_id from survey_response where response_id = any($1::text[])")
                .execute(Tuple.of(distinct)).map(ResponseStore::ids);
    }

    /**
     * Inserts the responses in id order (so concurrent batches wait on each other instead of
     * deadlocking) and returns the ids actually inserted: one that a concurrent transaction stored
     * first is a duplicate, not an error. The rows travel as one JSON parameter: a statement with
     * 14 parameters per row costs more to parse and bind (in the service and in PostgreSQL) than
     * the rows cost to insert.
     */
    public Uni<Set<String>> insert(SqlConnection connection, Collection<SurveyResponseSubmitted> responses, ResponseIntake.Door door,
            String source, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SurveyResponseSubmitted r : responses) {
            var respondent = r.respondent();
            Map<String, Object> row = new HashMap<>();
            row.put("response_id", r.responseId());
            row.put("questionnaire_id", r.questionnaireId());
            row.put("questionnaire_version", r.questionnaireVersion());
            row.put("receipt_code", r.receiptCode());
            row.put("agency_code", r.agencyCode());
            row.put("procedure_code", r.procedureCode());
            row.put("channel", r.channel());
            row.put("submitted_at", r.submittedAt().toString());
            row.put("age_band", respondent == null ? null : respondent.ageBand());
            row.put("gender", respondent == null ? null : respondent.gender());
            row.put("ethnic_group", respondent == null ? null : respondent.ethnicGroup());
            row.put("expectations", r.expectations());
            row.put("answers", answers(r));
            rows.add(row);
        }
        return connection.preparedQuery("insert into survey_response (response_id, questionnaire_id, questionnaire_version, receipt_code, agency_code,"
                        + " procedure_code, channel, submitted_at, door, age_band, gender, ethnic_group, expectations, answers, received_at,"
                        + " source) select r.response_id, r.questionnaire_id, r.questionnaire_version, r.receipt_code, r.agency_code,"
                        + " r.procedure_code, r.channel, r.submitted_at, $2::text, r.age_band, r.gender, r.ethnic_group,"
                        + " r.expectations, r.answers, $3::timestamptz, $4::text"
                        + " from jsonb_to_recordset($1::text::jsonb) as r(response_id text, questionnaire_id text,"
                        + " questionnaire_version int, receipt_code text, agency_code text, procedure_code text, channel text,"
                        + " submitted_at timestamptz, age_band text, gender text, ethnic_group text, expectations jsonb, answers jsonb)"
                        + " order by r.response_id on conflict do nothing returning response_id")
                .execute(Tuple.of(Json.encode(rows), door.name().toLowerCase(), BusinessTime.utc(now), source))
                .map(ResponseStore::ids);
    }

    private static Set<String> ids(RowSet<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getString("response_id")));
        return ids;
    }

    private static Map<String, Integer> answers(SurveyResponseSubmitted response) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        response.answers().forEach(answer -> answers.put(answer.questionId(), answer.score()));
        return answers;
    }
}
