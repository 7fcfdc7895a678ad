package vn.parsipas.notification.alert;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The clock-driven transitions: reminders of open alerts and escalation of unacknowledged ones.
 * Each pass locks the due alerts skipping those already locked (an entity query; Hibernate writes
 * {@code for no key update ... skip locked}), so replicas running it at the same moment share the
 * alerts and never handle one twice; tests call the passes directly.
 */
@ApplicationScoped
public class AlertPasses {
    private static final int BATCH = 100;

    @Inject
    Clock clock;

    @Inject
    Transitions transitions;

    @Scheduled(every = "${parsipas.notification.passes.every:1m}", delayed = "${parsipas.notification.passes.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return escalate().chain(this::repeat).replaceWithVoid();
    }

    /** Escalates every open, unacknowledged alert whose escalation time has come; returns how many. */
    public Uni<Integer> escalate() {
        return drain("status = 'open' and nextEscalationAt <= ?1 order by nextEscalationAt", transitions::escalate, 0);
    }

    /** Sends the reminder of every open alert whose repeat time has come; returns how many. */
    public Uni<Integer> repeat() {
        return drain("status <> 'resolved' and nextRepeatAt <= ?1 order by nextRepeatAt", transitions::repeat, 0);
    }

    private Uni<Integer> drain(String where, Function<Alert, Uni<Void>> transition, int done) {
        return Panache.withTransaction(() -> due(where).call(alerts -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Alert alert : alerts) {
                        chain = chain.chain(() -> transition.apply(alert));
                    }
                    return chain;
                }))
                .chain(alerts -> alerts.size() < BATCH ? Uni.createFrom().item(done + alerts.size())
                        : drain(where, transition, done + alerts.size()));
    }

    /** Up to a batch of due alerts, locked; those another replica's pass holds are skipped, not waited for. */
    private Uni<List<Alert>> due(String where) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from Alert where " + where, Alert.class)
                .setParameter(1, clock.instant()).setLockMode(LockMode.UPGRADE_SKIPLOCKED).setMaxResults(BATCH).getResultList());
    }
}
