package vn.parsipas.platform.pump;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs a pass at a time. {@link #wake()} is cheap to call from anywhere and often (a NOTIFY, a timer,
 * the end of a call): a wake-up during a pass is kept and coalesced with the others, and after a pass
 * another runs while the last one did work (returned more than 0) or a wake-up came meanwhile. A pass
 * that fails is logged and nothing runs until the next wake-up, or, with {@link Builder#backoff}, until
 * a delay that doubles with each failure in a row has passed (wake-ups meanwhile are coalesced).
 */
public final class Pump {
    private static final Logger LOG = Logger.getLogger(Pump.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final String name;
    private final Supplier<Uni<Integer>> pass;
    private final Vertx freshContexts;
    private final Vertx backoffTimers;
    private final Duration maxBackoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopped;
    private int failuresInARow;

    private Pump(Builder builder) {
        this.name = builder.name;
        this.pass = builder.pass;
        this.freshContexts = builder.freshContexts;
        this.backoffTimers = builder.backoffTimers;
        this.maxBackoff = builder.maxBackoff;
    }

    /** A pump that runs {@code pass} (returning how much work it did) on the caller's thread, with no backoff. */
    public static Pump of(String name, Supplier<Uni<Integer>> pass) {
        return builder(name, pass).build();
    }

    public static Builder builder(String name, Supplier<Uni<Integer>> pass) {
        return new Builder(name, pass);
    }

    /** Asks for a pass: starts one now, or after the running one; a no-op once stopped. */
    public void wake() {
        if (stopped) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    /** No pass starts after this (the one running ends); wake-ups are ignored. */
    public void stop() {
        stopped = true;
    }

    private void run() {
        if (stopped) {
            running.set(false);
            return;
        }
        pending.set(false);
        if (freshContexts == null) {
            runPass();
            return;
        }
        // A new duplicated context per pass: never the caller's, which may still hold the Hibernate
        // session (or the transaction) of whatever asked for the pass.
        Context context = VertxContext.createNewDuplicatedContext(VertxContext.getRootContext(
                freshContexts.getDelegate().getOrCreateContext()));
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> runPass());
    }

    private void runPass() {
        Uni.createFrom().deferred(pass::get).subscribe().with(count -> {
            failuresInARow = 0;
            if (count > 0 || pending.get()) {
                run();
            } else {
                running.set(false);
                if (pending.get()) {
                    wake();
                }
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        if (backoffTimers == null) {
            LOG.warnf("%s: pass failed, the next wake-up retries: %s", name, failure.toString());
            running.set(false);
            return;
        }
        failuresInARow++;
        long delay = Math.min(maxBackoff.toMillis(), FIRST_BACKOFF_MILLIS << Math.min(failuresInARow, 16));
        LOG.warnf("%s: pass failed (%d in a row), retrying in %d ms: %s", name, failuresInARow, delay, failure.toString());
        // The pump stays busy until then, so wake-ups meanwhile do not retry at once.
        backoffTimers.setTimer(delay, timer -> {
            running.set(false);
            wake();
        });
    }

    /** How a pump runs its passes; by default on the waking thread, idle after a failure until woken. */
    public static final class Builder {
        private final String name;
        private final Supplier<Uni<Integer>> pass;
        private Vertx freshContexts;
        private Vertx backoffTimers;
        private Duration maxBackoff;

        private Builder(String name, Supplier<Uni<Integer>> pass) {
            this.name = name;
            this.pass = pass;
        }

        /** Runs each pass on a new duplicated Vert.x context, so it never reuses a caller's Hibernate session. */
        public Builder onFreshContext(Vertx vertx) {
            this.freshContexts = vertx;
            return this;
        }

        /** After a failure, retries by itself after 200 ms, 400 ms, … up to {@code max}, instead of waiting for a wake-up. */
        public Builder backoff(Vertx vertx, Duration max) {
            this.backoffTimers = vertx;
            this.maxBackoff = max;
            return this;
        }

        public Pump build() {
            return new Pump(this);
        }
    }
}
