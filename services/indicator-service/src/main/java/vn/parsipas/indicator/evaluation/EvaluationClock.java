package vn.parsipas.indicator.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.indicator.IndicatorConfig;

/**
 * Lets time alone change a status: a deadline passes (MET or MISSED without any new value), a
 * periodic value falls overdue (NO_DATA). Each target stores when that can next happen; a pass
 * evaluates those that are due, in batches, safe with several replicas.
 */
@ApplicationScoped
public class EvaluationClock {
    @Inject
    Pool pool;

    @Inject
    TargetEvaluations evaluations;

    @Inject
    IndicatorConfig config;

    @Scheduled(every = "${parsipas.indicator.evaluation-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return evaluateDue();
    }

    /** Evaluates every target due now; returns when none is left. */
    public Uni<Void> evaluateDue() {
        return pool.withTransaction(connection -> evaluations.evaluateDue(connection, config.evaluationBatch()))
                .chain(count -> count < config.evaluationBatch() ? Uni.createFrom().voidItem() : evaluateDue());
    }
}
