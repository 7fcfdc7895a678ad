package vn.parsipas.indicator.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Keeps the read model of the plans' indicator targets from {@code plan.targets.v1} (published by
 * task-service) and evaluates a target as soon as its definition changes. Targets of other kinds
 * belong to other services; a target that stops being an indicator target, or comes with
 * active=false, is retired: no longer evaluated, nothing more emitted about it.
 */
@ApplicationScoped
public class TargetConsumer implements BatchEventConsumer.Handler<TargetDefined> {
    private static final Logger LOG = Logger.getLogger(TargetConsumer.class);
    private static final String UPSERT = "insert into target (target_id, plan_id, plan_version, criterion_code, "
            + "criterion_title, description, indicator_code, indicator_name, unit, comparator, target_value, baseline_value, "
            + "baseline_year, relative_to, delta, responsible_agency, deadline, due_at, result_expected_by, active, defined_at) values "
            + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) "
            + "on conflict (target_id) do update set plan_id = excluded.plan_id, plan_version = excluded.plan_version, "
            + "criterion_code = excluded.criterion_code, criterion_title = excluded.criterion_title, "
            + "description = excluded.description, indicator_code = excluded.indicator_code, "
            + "indicator_name = excluded.indicator_name, unit = excluded.unit, comparator = excluded.comparator, "
            + "target_value = excluded.target_value, baseline_value = excluded.baseline_value, "
            + "baseline_year = excluded.baseline_year, relative_to = excluded.relative_to, delta = excluded.delta, "
            + "responsible_agency = excluded.responsible_agency, deadline = excluded.deadline, due_at = excluded.due_at, "
            + "result_expected_by = excluded.result_expected_by, "
            + "active = true, defined_at = excluded.defined_at where target.plan_version <= excluded.plan_version";

    @Inject
    BatchEventConsumer events;

    @Inject
    TargetEvaluations evaluations;

    @Inject
    IndicatorCatalogue catalogue;

    @Inject
    Clock clock;

    @Incoming("targets")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(batch, "indicator-service-targets", Set.of(EventType.TARGET_DEFINED), this);
    }

    @Override
    public TargetDefined check(ReceivedEvent event) {
        TargetDefined target = event.data(TargetDefined.class);
        if (!TargetDefined.KIND_INDICATOR.equals(target.kind()) || !target.active()) {
            return target;
        }
        if (target.indicator() == null || target.comparator() == null) {
            throw new InvalidEventException("indicator target " + target.targetId() + " needs an indicator and a comparator");
        }
        if ("baseline".equals(target.relativeTo()) ? target.baseline() == null : target.value() == null) {
            throw new InvalidEventException("indicator target " + target.targetId()
                    + " needs a value, or a baseline year when it is relative to the baseline");
        }
        if (catalogue.find(target.indicator().code()).isEmpty()) {
            LOG.warnf("target %s measures %s, which is not in the indicator catalogue: no value can arrive for it",
                    target.targetId(), target.indicator().code());
        }
        return target;
    }

    @Override
    public Uni<Void> apply(SqlConnection connection, List<TargetDefined> targets) {
        return Multi.createFrom().iterable(targets)
                .onItem().transformToUniAndConcatenate(target -> apply(connection, target))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(SqlConnection connection, TargetDefined target) {
        if (!TargetDefined.KIND_INDICATOR.equals(target.kind()) || !target.active()) {
            return connection.preparedQuery("update target set active = false, plan_version = $2, next_check_at = null "
                            + "where target_id = $1 and plan_version <= $2")
                    .execute(Tuple.of(target.targetId(), target.planVersion()))
                    .invoke(rows -> {
                        if (rows.rowCount() > 0) {
                            LOG.infof("target %s (plan %s v%d): retired", target.targetId(), target.planId(), target.planVersion());
                        }
                    })
                    .replaceWithVoid();
        }
        return evaluations.lockIndicators(connection, Set.of(target.indicator().code()))
                .chain(() -> connection.preparedQuery(UPSERT).execute(tuple(target)))
                .invoke(rows -> LOG.infof("target %s (plan %s v%d): %s", target.targetId(), target.planId(),
                        target.planVersion(), rows.rowCount() == 0 ? "older version ignored" : "defined"))
                .chain(() -> evaluations.afterDefinition(connection, target.targetId()));
    }

    private Tuple tuple(TargetDefined t) {
        return Tuple.from(new Object[] {t.targetId(), t.planId(), t.planVersion(), t.criterionCode(), t.criterionTitle(),
                t.description(), t.indicator().code(), t.indicator().name(), t.indicator().unit(), t.comparator(), t.value(),
                t.baseline() == null ? null : t.baseline().value(),
                t.baseline() == null ? null : t.baseline().year(), t.relativeTo(), t.delta(), t.responsibleAgency(),
                t.deadline(), BusinessTime.utc(t.dueAt()), t.resultExpectedBy(), t.active(),
                BusinessTime.utc(clock.instant())});
    }
}
