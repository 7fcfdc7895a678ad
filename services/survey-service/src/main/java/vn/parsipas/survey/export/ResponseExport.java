package vn.parsipas.survey.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;

/**
 * Anonymised responses of one questionnaire version as CSV: no response id, no receipt code, the
 * day instead of the instant; one column per question. Streamed in chunks, so a year of responses
 * never sits in memory.
 */
@ApplicationScoped
public class ResponseExport {
    static final int CHUNK = 2000;
    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> EXPECTATIONS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    private record Cursor(Instant submittedAt, String responseId) {
    }

    public Multi<String> csv(QuestionnaireVersion questionnaire, LocalDate from, LocalDate to, String agency, Set<String> visibleAgencies) {
        List<String> questions = List.copyOf(questionnaire.subIndexOfQuestion().keySet());
        List<Object> header = new ArrayList<>(List.of("questionnaireId", "questionnaireVersion", "agencyCode", "procedureCode",
                "channel", "submittedOn", "ageBand", "gender", "ethnicGroup", "expectations"));
        header.addAll(questions);
        Cursor[] last = {null};
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> chunk(questionnaire, from, to, agency, visibleAgencies, last[0]).invoke(chunk -> {
                    if (!chunk.isEmpty()) {
                        Row tail = chunk.get(chunk.size() - 1);
                        last[0] = new Cursor(BusinessTime.instant(tail.getOffsetDateTime("submitted_at")), tail.getString("response_id"));
                    }
                }))
                .whilst(chunk -> chunk.size() == CHUNK)
                .map(chunk -> lines(chunk, questionnaire, questions));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Csv.BOM + Csv.line(header)), rows);
    }

    private Uni<List<Row>> chunk(QuestionnaireVersion questionnaire, LocalDate from, LocalDate to, String agency,
            Set<String> visibleAgencies, Cursor after) {
        SqlBuilder sql = new SqlBuilder("select questionnaire_id, questionnaire_version, agency_code, procedure_code, channel,"
                + " submitted_at, age_band, gender, ethnic_group, expectations::text as expectations, response_id, answers::text as answers"
                + " from survey_response");
        sql.append(" where questionnaire_id = ? and questionnaire_version = ? and submitted_at >= ? and submitted_at < ?",
                questionnaire.id(), questionnaire.version(), BusinessTime.utc(from.atStartOfDay(BusinessTime.ZONE).toInstant()),
                BusinessTime.utc(BusinessTime.endOf(to)));
        if (agency != null) {
            sql.append(" and agency_code = ?", agency);
        }
        if (visibleAgencies != null) {
            sql.append(" and agency_code = any(?)", (Object) visibleAgencies.toArray(String[]::new));
        }
        if (after != null) {
            sql.append(" and (submitted_at, response_id) > (?, ?)", BusinessTime.utc(after.submittedAt()), after.responseId());
        }
        sql.append(" order by submitted_at, response_id limit " + CHUNK);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple()).map(rows -> {
            List<Row> chunk = new ArrayList<>();
            rows.forEach(chunk::add);
            return chunk;
        });
    }

    private String lines(List<Row> chunk, QuestionnaireVersion questionnaire, List<String> questions) {
        StringBuilder text = new StringBuilder();
        for (Row row : chunk) {
            List<Object> fields = new ArrayList<>(Arrays.asList(questionnaire.id(), questionnaire.version(), row.getString("agency_code"),
                    row.getString("procedure_code"), row.getString("channel"),
                    LocalDate.ofInstant(row.getOffsetDateTime("submitted_at").toInstant(), BusinessTime.ZONE), row.getString("age_band"),
                    row.getString("gender"), row.getString("ethnic_group"), String.join("|", read(row.getString("expectations"), EXPECTATIONS))));
            Map<String, Integer> answers = read(row.getString("answers"), ANSWERS);
            questions.forEach(question -> fields.add(answers.get(question)));
            text.append(Csv.line(fields));
        }
        return text.toString();
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
