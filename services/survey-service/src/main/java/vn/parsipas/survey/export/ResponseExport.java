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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.Db;
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
                        Object[] tail = chunk.get(chunk.size() - 1);
                        last[0] = new Cursor(Db.instant(tail[5]), (String) tail[10]);
                    }
                }))
                .whilst(chunk -> chunk.size() == CHUNK)
                .map(chunk -> lines(chunk, questionnaire, questions));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Csv.BOM + Csv.line(header)), rows);
    }

    private Uni<List<Object[]>> chunk(QuestionnaireVersion questionnaire, LocalDate from, LocalDate to, String agency,
            Set<String> visibleAgencies, Cursor after) {
        List<Object> parameters = new ArrayList<>(List.of(questionnaire.id(), questionnaire.version(),
                from.atStartOfDay(BusinessTime.ZONE).toInstant(), BusinessTime.endOf(to)));
        StringBuilder where = new StringBuilder(" where questionnaire_id = ?1 and questionnaire_version = ?2"
                + " and submitted_at >= ?3 and submitted_at < ?4");
        if (agency != null) {
            parameters.add(agency);
            where.append(" and agency_code = ?").append(parameters.size());
        }
        if (visibleAgencies != null) {
            where.append(" and agency_code in (null");
            for (String visible : visibleAgencies) {
                parameters.add(visible);
                where.append(", ?").append(parameters.size());
            }
            where.append(")");
        }
        if (after != null) {
            parameters.add(after.submittedAt());
            parameters.add(after.responseId());
            where.append(" and (submitted_at, response_id) > (?").append(parameters.size() - 1).append(", ?")
                    .append(parameters.size()).append(")");
        }
        return Panache.withSession(() -> Db.rows("select questionnaire_id, questionnaire_version, agency_code, procedure_code,"
                + " channel, submitted_at, age_band, gender, ethnic_group, expectations::text, response_id, answers::text"
                + " from survey_response" + where + " order by submitted_at, response_id limit " + CHUNK, parameters.toArray()));
    }

    private String lines(List<Object[]> chunk, QuestionnaireVersion questionnaire, List<String> questions) {
        StringBuilder text = new StringBuilder();
        for (Object[] row : chunk) {
            List<Object> fields = new ArrayList<>(Arrays.asList(questionnaire.id(), questionnaire.version(), row[2], row[3], row[4],
                    LocalDate.ofInstant(Db.instant(row[5]), BusinessTime.ZONE), row[6], row[7], row[8],
                    String.join("|", read((String) row[9], EXPECTATIONS))));
            Map<String, Integer> answers = read((String) row[11], ANSWERS);
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
