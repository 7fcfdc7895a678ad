package vn.parsipas.survey.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.smallrye.mutiny.Uni;
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
     * first is a duplicate, not an error. The rows travel as one array per column ({@code unnest}):
     * a statement with 14 parameters per row costs more to parse and bind than the rows cost to
     * insert, and arrays are bound in PostgreSQL's binary format, with no JSON to write and parse.
     */
    public Uni<Set<String>> insert(SqlConnection connection, Collection<SurveyResponseSubmitted> responses, ResponseIntake.Door door,
            String source, Instant now) {
        int size = responses.size();
        String[] ids = new String[size];
        String[] questionnaires = new String[size];
        Integer[] versions = new Integer[size];
        String[] receiptCodes = new String[size];
        String[] agencies = new String[size];
        String[] procedures = new String[size];
        String[] channels = new String[size];
        OffsetDateTime[] submittedAt = new OffsetDateTime[size];
        String[] ageBands = new String[size];
        String[] genders = new String[size];
        String[] ethnicGroups = new String[size];
        String[] expectations = new String[size];
        String[] answers = new String[size];
        int i = 0;
        for (SurveyResponseSubmitted r : responses) {
            var respondent = r.respondent();
            ids[i] = r.responseId();
            questionnaires[i] = r.questionnaireId();
            versions[i] = r.questionnaireVersion();
            receiptCodes[i] = r.receiptCode();
            agencies[i] = r.agencyCode();
            procedures[i] = r.procedureCode();
            channels[i] = r.channel();
            submittedAt[i] = BusinessTime.utc(r.submittedAt());
            ageBands[i] = respondent == null ? null : respondent.ageBand();
            genders[i] = respondent == null ? null : respondent.gender();
            ethnicGroups[i] = respondent == null ? null : respondent.ethnicGroup();
            expectations[i] = expectations(r);
            answers[i] = answers(r);
            i++;
        }
        return connection.preparedQuery("insert into survey_response (response_id, questionnaire_id, questionnaire_version, receipt_code, agency_code,"
                        + " procedure_code, channel, submitted_at, door, age_band, gender, ethnic_group, expectations, answers, received_at,"
                        + " source) select r.response_id, r.questionnaire_id, r.questionnaire_version, r.receipt_code, r.agency_code,"
                        + " r.procedure_code, r.channel, r.submitted_at, $14::text, r.age_band, r.gender, r.ethnic_group,"
                        + " r.expectations::jsonb, r.answers::jsonb, $15::timestamptz, $16::text"
                        + " from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],"
                        + " $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])"
                        + " as r(response_id, questionnaire_id, questionnaire_version, receipt_code, agency_code, procedure_code, channel,"
                        + " submitted_at, age_band, gender, ethnic_group, expectations, answers)"
                        + " order by r.response_id on conflict do nothing returning response_id")
                .execute(Tuple.from(new Object[] {ids, questionnaires, versions, receiptCodes, agencies, procedures, channels, submittedAt,
                        ageBands, genders, ethnicGroups, expectations, answers, door.name().toLowerCase(), BusinessTime.utc(now), source}))
                .map(ResponseStore::ids);
    }

    private static Set<String> ids(RowSet<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getString("response_id")));
        return ids;
    }

    /** {"questionId": score, ...} in answer order (written here: a generic JSON writer costs more than the insert). */
    static String answers(SurveyResponseSubmitted response) {
        StringBuilder json = new StringBuilder(16 * response.answers().size() + 2).append('{');
        for (SurveyResponseSubmitted.Answer answer : response.answers()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quoted(json, answer.questionId()).append(':').append(answer.score());
        }
        return json.append('}').toString();
    }

    /** ["expectation", ...]. */
    static String expectations(SurveyResponseSubmitted response) {
        StringBuilder json = new StringBuilder(32 * response.expectations().size() + 2).append('[');
        for (String expectation : response.expectations()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quoted(json, expectation);
        }
        return json.append(']').toString();
    }

    private static StringBuilder quoted(StringBuilder json, String text) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, json);
        return json.append('"');
    }
}
