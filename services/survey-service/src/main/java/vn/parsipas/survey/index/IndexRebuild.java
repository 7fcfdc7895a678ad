package vn.parsipas.survey.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Recomputes every aggregate from the stored responses and the questionnaires' question-to-sub-index
 * map, in SQL, and corrects the rows that differ (marking them for the evaluator). On a healthy
 * system nothing differs: the incremental path and this one agree. Intake waits while it runs.
 */
@ApplicationScoped
public class IndexRebuild {
    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);

    /**
     * Each response's answers are grouped by sub-index inside the lateral subquery (a few rows per
     * response), then summed per sub-index, agency and quarter, then per scope and period: no
     * sort or hash over every answer of every response.
     */
    static final String FRESH = """
            with base as (
                select per.sub_index, r.agency_code, t.y, t.qtr, count(*) as responses, sum(per.valid) as valid,
                       sum(per.satisfied) as satisfied
                from survey_response r
                cross join lateral (select extract(year from r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::int as y,
                                           extract(quarter from r.submitted_at at time zone 'Asia/Ho_Chi_Minh')::int as qtr) t
                cross join lateral (
                    select q.sub_index, count(*) as valid, count(*) filter (where a.score::int >= 4) as satisfied
                    from jsonb_each_text(r.answers) a(question_id, score)
                    join questionnaire_question q on q.questionnaire_id = r.questionnaire_id
                        and q.version = r.questionnaire_version and q.question_id = a.question_id
                    group by q.sub_index) per
                group by per.sub_index, r.agency_code, t.y, t.qtr
            ), fresh as (
                select b.sub_index, s.scope, p.period, sum(b.responses)::bigint as responses, sum(b.valid)::bigint as valid_answers,
                       sum(b.satisfied)::bigint as satisfied_answers
                from base b
                cross join lateral (values ('PROVINCE'), (b.agency_code)) s(scope)
                cross join lateral (values (b.y || '-Q' || b.qtr), (b.y::text)) p(period)
                group by b.sub_index, s.scope, p.period
            )""";

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    /** How many aggregates the rebuild found, and how many it had to correct. */
    public record Report(long aggregates, long corrected, long added, long emptied, long millis) {
    }

    public Uni<Report> rebuild() {
        Instant started = Instant.now();
        Instant now = clock.instant();
        // exclusive, not share row exclusive: the evaluator claims rows "for update" (row share) and updates them later;
        // a rebuild that got the table between the two waited for its rows while it waited for the table (deadlock)
        return pool.withTransaction(connection -> connection.query("lock table sub_index_stat in exclusive mode").execute()
                .chain(() -> connection.preparedQuery(FRESH + """
                        , corrected as (
                            update sub_index_stat s set responses = f.responses, valid_answers = f.valid_answers,
                                satisfied_answers = f.satisfied_answers, updated_at = $1, evaluation_due = true, publication_due = true
                            from fresh f
                            where s.sub_index = f.sub_index and s.scope = f.scope and s.period = f.period
                              and (s.responses, s.valid_answers, s.satisfied_answers)
                                  is distinct from (f.responses, f.valid_answers, f.satisfied_answers)
                            returning 1
                        ), added as (
                            insert into sub_index_stat (sub_index, scope, period, responses, valid_answers, satisfied_answers, updated_at)
                            select f.sub_index, f.scope, f.period, f.responses, f.valid_answers, f.satisfied_answers, $1::timestamptz from fresh f
                            where not exists (select 1 from sub_index_stat s
                                              where s.sub_index = f.sub_index and s.scope = f.scope and s.period = f.period)
                            returning 1
                        ), emptied as (
                            update sub_index_stat s set responses = 0, valid_answers = 0, satisfied_answers = 0, updated_at = $1,
                                evaluation_due = true, publication_due = true
                            where s.responses <> 0 and not exists (select 1 from fresh f
                                where s.sub_index = f.sub_index and s.scope = f.scope and s.period = f.period)
                            returning 1
                        )
                        select (select count(*) from fresh) as aggregates, (select count(*) from corrected) as corrected,
                               (select count(*) from added) as added, (select count(*) from emptied) as emptied""")
                        .execute(Tuple.of(BusinessTime.utc(now)))))
                .map(rows -> {
                    Row counts = rows.iterator().next();
                    Report report = new Report(counts.getLong("aggregates"), counts.getLong("corrected"), counts.getLong("added"),
                            counts.getLong("emptied"), Duration.between(started, Instant.now()).toMillis());
                    LOG.infof("rebuilt the sub-indices: %s", report);
                    return report;
                });
    }
}
