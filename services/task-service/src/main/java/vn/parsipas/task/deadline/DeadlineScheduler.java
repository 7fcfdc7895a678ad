package vn.parsipas.task.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.platform.pump.Pump;
import vn.parsipas.task.TaskConfig;
import vn.parsipas.task.tasks.DeadlineWakeUp;

/**
 * Runs detection passes: periodically as a safety net, and exactly when the next trigger comes through
 * a timer armed after each pass, so a deadline's fact leaves within milliseconds of its instant. Passes
 * never overlap within one process (the platform's {@link Pump}); replicas each run theirs and share the work
 * through row locks.
 */
@ApplicationScoped
public class DeadlineScheduler implements DeadlineWakeUp {
    /** Tasks already due but claimed by another replica: look again soon, without spinning. */
    private static final Duration RETRY_DUE = Duration.ofMillis(500);

    @Inject
    DeadlineDetector detector;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @Inject
    TaskConfig config;

    private final AtomicLong timer = new AtomicLong(-1);
    private Pump pump;
    private volatile boolean stopped;

    @PostConstruct
    void createPump() {
        // Each pass on a fresh context: never on the caller's, which may still hold the Hibernate session
        // of the transaction that asked for the pass. The detector drains what is due, so the pass says
        // it did no work: another follows only when a wake-up (the timer, a poll, a command) came meanwhile.
        pump = Pump.builder("deadline pass", () -> detector.runPass().chain(this::nextTrigger).invoke(this::arm).replaceWith(0))
                .onFreshContext(vertx).build();
    }

    @Scheduled(every = "${parsipas.task.deadlines.check-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        pump.stop();
        vertx.cancelTimer(timer.getAndSet(-1));
    }

    /** Asks for a pass now (coalesced with one that is running); a no-op when the pass is switched off. */
    @Override
    public void wake() {
        if (enabled()) {
            pump.wake();
        }
    }

    private Uni<OffsetDateTime> nextTrigger(int raised) {
        return pool.query("select min(next_deadline_check) as next from task where next_deadline_check is not null")
                .execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("next"));
    }

    /** Arms the timer to the next trigger when it comes before the next poll. */
    private void arm(OffsetDateTime next) {
        if (next == null || stopped) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), next.toInstant());
        if (delay.compareTo(interval()) >= 0) {
            return;
        }
        long millis = Math.max(delay.isNegative() ? RETRY_DUE.toMillis() : delay.toMillis() + 1, 1);
        long id = vertx.setTimer(millis, fired -> wake());
        vertx.cancelTimer(timer.getAndSet(id));
    }

    private boolean enabled() {
        String interval = config.deadlines().checkInterval().trim().toLowerCase();
        return !interval.equals("off") && !interval.equals("disabled");
    }

    private Duration interval() {
        return DurationConverter.parseDuration(config.deadlines().checkInterval());
    }
}
