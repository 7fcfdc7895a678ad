package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The clock-driven transitions: reminders of open alerts and escalation of unacknowledged ones.
 * Each pass takes the due alerts with {@code FOR UPDATE SKIP LOCKED}, so replicas running it at the
 * same moment share the alerts and never handle one twice; tests call the passes directly.
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
        return drain("status = 'open' and next_escalation_at <= ?1 order by next_escalation_at", transitions::escalate, 0);
    }

    /** Sends the reminder of every open alert whose repeat time has come; returns how many. */
    public Uni<Integer> repeat() {
        return drain("status <> 'resolved' and next_repeat_at <= ?1 order by next_repeat_at", transitions::repeat, 0);
    }

    private Uni<Integer> drain(String where, Function<Alert, Uni<Void>> transition, int done) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> due(session, where))
                        .call(alerts -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Alert alert : alerts) {
                                chain = chain.chain(() -> transition.apply(alert));
                            }
                            return chain;
                        }))
                .chain(alerts -> alerts.size() < BATCH ? Uni.createFrom().item(done + alerts.size())
                        : drain(where, transition, done + alerts.size()));
    }

    private Uni<List<Alert>> due(Mutiny.Session session, String where) {
        return session.createNativeQuery("select * from alert where " + where + " limit " + BATCH
                        + " for update skip locked", Alert.class)
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList();
    }
}
