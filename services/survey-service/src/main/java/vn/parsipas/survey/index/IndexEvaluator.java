package vn.parsipas.survey.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.sipas.SatisfactionBelowTarget;
import vn.parsipas.contracts.sipas.SatisfactionIndexUpdated;
import vn.parsipas.contracts.sipas.SatisfactionRecovered;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;
import vn.parsipas.survey.target.SipasTarget;
import vn.parsipas.survey.target.SipasTargets;

/**
 * Turns changed aggregates into facts on sipas.indices.v1, through the outbox: below target when
 * the sample is large enough and even the interval's upper bound misses the target, recovered when
 * it no longer does, and the current value at most once per interval per sub-index, scope and
 * period. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas share the work.
 */
@ApplicationScoped
public class IndexEvaluator {
    private static final Logger LOG = Logger.getLogger(IndexEvaluator.class);
    private static final int ROWS_PER_PASS = 200;

    @Inject
    SipasTargets targets;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    Outbox outbox;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    private record Row(String subIndex, String scope, String period, long responses, long valid, long satisfied,
            boolean evaluationDue, boolean publicationDue, Instant publishedAt, boolean below, String alertTargetId,
            BigDecimal alertTarget, String alertAgency) {
    }

    @Scheduled(every = "${parsipas.survey.indices.tick}", delayed = "${parsipas.survey.indices.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return evaluateDue().replaceWithVoid();
    }

    /** One pass over the aggregates that changed; returns how many rows it handled. */
    public Uni<Integer> evaluateDue() {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery("select sub_index, scope, period, responses, valid_answers,"
                        + " satisfied_answers, evaluation_due, publication_due, published_at, below_target, alert_target_id, alert_target,"
                        + " alert_agency from sub_index_stat where evaluation_due or (publication_due and (published_at is null"
                        + " or published_at <= $1)) order by sub_index, scope, period limit " + ROWS_PER_PASS + " for update skip locked")
                .execute(Tuple.of(BusinessTime.utc(now.minus(config.indices().updateInterval()))))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(row(row)));
                    return claimed;
                })
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0)
                        : targets.applicable(connection).chain(applicable -> catalog.subIndexNames(rows.stream().map(Row::subIndex).toList())
                                .chain(names -> evaluateAll(connection, rows, applicable, names, now)))));
    }

    /** Facts go to the outbox in row order; the new states of all rows are written in one statement, so locks are held briefly. */
    private Uni<Integer> evaluateAll(SqlConnection connection, List<Row> rows, Map<String, SipasTarget> applicable,
            Map<String, String> names, Instant now) {
        List<Map<String, Object>> states = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (Row row : rows) {
            evaluate(row, applicable.get(SipasTargets.key(row.subIndex(), Periods.year(row.period()))),
                    names.getOrDefault(row.subIndex(), row.subIndex()), now, states, events);
        }
        return outbox.addAll(connection, events)
                .chain(() -> connection.preparedQuery("update sub_index_stat s set evaluation_due = false,"
                        + " publication_due = v.publication_due, published_at = v.published_at, below_target = v.below_target,"
                        + " alert_target_id = v.alert_target_id, alert_target = v.alert_target, alert_agency = v.alert_agency"
                        + " from jsonb_to_recordset($1::text::jsonb) as v(sub_index text, scope text, period text, publication_due boolean,"
                        + " published_at timestamptz, below_target boolean, alert_target_id text, alert_target numeric, alert_agency text)"
                        + " where s.sub_index = v.sub_index and s.scope = v.scope and s.period = v.period")
                        .execute(Tuple.of(Json.encode(states))))
                .replaceWith(rows.size());
    }

    private void evaluate(Row row, SipasTarget target, String name, Instant now, List<Map<String, Object>> states, List<Event> events) {
        Wilson share = Wilson.of(row.satisfied(), row.valid());
        boolean publish = row.publicationDue()
                && (row.publishedAt() == null || !row.publishedAt().isAfter(now.minus(config.indices().updateInterval())));
        boolean missed = target != null && row.responses() >= config.indices().minSample() && target.isMissedBy(share.highPercent());
        boolean below = row.evaluationDue() ? missed : row.below();
        if (publish) {
            events.add(new SatisfactionIndexUpdated(row.subIndex(), name, row.scope(), row.period(),
                    row.responses(), share.satisfiedPercent(), share.lowPercent(), share.highPercent(),
                    target == null ? null : target.targetId(), target == null ? null : target.percent(), now));
        }
        String targetId = row.alertTargetId();
        BigDecimal targetPercent = row.alertTarget();
        String agency = row.alertAgency();
        if (below && !row.below()) {
            String responsible = Periods.PROVINCE.equals(row.scope()) ? target.responsibleAgency() : row.scope();
            targetId = target.targetId();
            targetPercent = target.percent();
            agency = responsible;
            LOG.infof("sub-index %s of %s in %s is below target %s: %s%% (upper bound %s%%) from %d responses", row.subIndex(),
                    row.scope(), row.period(), targetId, share.satisfiedPercent(), share.highPercent(), row.responses());
            events.add(new SatisfactionBelowTarget(row.subIndex(), name, row.scope(), row.period(),
                    row.responses(), share.satisfiedPercent(), share.lowPercent(), share.highPercent(), target.targetId(),
                    target.percent(), responsible, now));
        } else if (!below && row.below()) {
            LOG.infof("sub-index %s of %s in %s recovered: upper bound %s%% reaches target %s", row.subIndex(), row.scope(),
                    row.period(), share.highPercent(), row.alertTargetId());
            events.add(new SatisfactionRecovered(row.subIndex(), name, row.scope(), row.period(),
                    row.responses(), share.satisfiedPercent(), share.lowPercent(), share.highPercent(), row.alertTargetId(),
                    row.alertTarget(), row.alertAgency(), now));
            targetId = null;
            targetPercent = null;
            agency = null;
        }
        Map<String, Object> state = new HashMap<>();
        state.put("sub_index", row.subIndex());
        state.put("scope", row.scope());
        state.put("period", row.period());
        state.put("publication_due", row.publicationDue() && !publish);
        Instant publishedAt = publish ? now : row.publishedAt();
        state.put("published_at", publishedAt == null ? null : publishedAt.toString());
        state.put("below_target", below);
        state.put("alert_target_id", targetId);
        state.put("alert_target", targetPercent);
        state.put("alert_agency", agency);
        states.add(state);
    }

    private static Row row(io.vertx.mutiny.sqlclient.Row columns) {
        return new Row(columns.getString("sub_index"), columns.getString("scope"), columns.getString("period"), columns.getLong("responses"),
                columns.getLong("valid_answers"), columns.getLong("satisfied_answers"), columns.getBoolean("evaluation_due"),
                columns.getBoolean("publication_due"), BusinessTime.instant(columns.getOffsetDateTime("published_at")),
                columns.getBoolean("below_target"), columns.getString("alert_target_id"), columns.getBigDecimal("alert_target"),
                columns.getString("alert_agency"));
    }
}
