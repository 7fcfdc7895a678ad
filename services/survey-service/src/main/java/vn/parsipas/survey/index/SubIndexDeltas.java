package vn.parsipas.survey.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted.Answer;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;

/**
 * What a set of newly accepted responses adds to the aggregates: per sub-index x scope x period,
 * responses, valid answers and satisfied answers (4-5). Applied in one upsert, keys sorted in it
 * so that concurrent transactions lock the rows in the same order and never deadlock.
 */
public final class SubIndexDeltas {
    static final int SATISFIED_FROM = 4;

    /** An aggregate's key; sorted in SQL, where the rows are locked. */
    private record Key(String subIndex, String scope, String period) {
    }

    private final Map<Key, long[]> deltas = new HashMap<>();

    public void add(QuestionnaireVersion questionnaire, SurveyResponseSubmitted response) {
        // a response answers a handful of sub-indices: a small map, no sorting
        Map<String, long[]> perSubIndex = new HashMap<>();
        for (Answer answer : response.answers()) {
            long[] counts = perSubIndex.computeIfAbsent(questionnaire.subIndexOf(answer.questionId()), code -> new long[2]);
            counts[0]++;
            if (answer.score() >= SATISFIED_FROM) {
                counts[1]++;
            }
        }
        List<String> periods = Periods.of(response.submittedAt());
        String agency = response.agencyCode();
        perSubIndex.forEach((subIndex, counts) -> {
            for (String period : periods) {
                add(new Key(subIndex, Periods.PROVINCE, period), counts);
                add(new Key(subIndex, agency, period), counts);
            }
        });
    }

    private void add(Key key, long[] counts) {
        long[] delta = deltas.computeIfAbsent(key, k -> new long[3]);
        delta[0]++;
        delta[1] += counts[0];
        delta[2] += counts[1];
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** Adds the deltas to the aggregates, in the caller's transaction, and marks them for the evaluator. */
    public Uni<Void> apply(SqlConnection connection, Instant now) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = deltas.size();
        String[] subIndices = new String[size];
        String[] scopes = new String[size];
        String[] periods = new String[size];
        Long[] responses = new Long[size];
        Long[] validAnswers = new Long[size];
        Long[] satisfiedAnswers = new Long[size];
        int i = 0;
        for (Map.Entry<Key, long[]> entry : deltas.entrySet()) {
            subIndices[i] = entry.getKey().subIndex();
            scopes[i] = entry.getKey().scope();
            periods[i] = entry.getKey().period();
            responses[i] = entry.getValue()[0];
            validAnswers[i] = entry.getValue()[1];
            satisfiedAnswers[i] = entry.getValue()[2];
            i++;
        }
        // One array per column rather than six parameters per key: cheaper to parse and bind than the upsert itself.
        return connection.preparedQuery("insert into sub_index_stat (sub_index, scope, period, responses, valid_answers,"
                + " satisfied_answers, updated_at) select v.sub_index, v.scope, v.period, v.responses, v.valid_answers, v.satisfied_answers, $7::timestamptz"
                + " from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[])"
                + " as v(sub_index, scope, period, responses, valid_answers, satisfied_answers) order by v.sub_index, v.scope, v.period"
                + " on conflict (sub_index, scope, period) do update set"
                + " responses = sub_index_stat.responses + excluded.responses,"
                + " valid_answers = sub_index_stat.valid_answers + excluded.valid_answers,"
                + " satisfied_answers = sub_index_stat.satisfied_answers + excluded.satisfied_answers,"
                + " updated_at = excluded.updated_at, evaluation_due = true, publication_due = true")
                .execute(Tuple.from(new Object[] {subIndices, scopes, periods, responses, validAnswers, satisfiedAnswers, BusinessTime.utc(now)}))
                .replaceWithVoid();
    }
}
