package vn.parsipas.notification.delivery;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Runs a dispatcher's passes one at a time: {@link #wake()} is cheap to call often (on every
 * NOTIFY, on every poll); a pass that did work is followed by another until one finds nothing.
 */
public final class Pump {
    private static final Logger LOG = Logger.getLogger(Pump.class);

    private final String name;
    private final Supplier<Uni<Integer>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    public Pump(String name, Supplier<Uni<Integer>> pass) {
        this.name = name;
        this.pass = pass;
    }

    public void wake() {
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        pending.set(false);
        pass.get().subscribe().with(count -> {
            if (count > 0 || pending.get()) {
                run();
            } else {
                running.set(false);
                if (pending.get()) {
                    wake();
                }
            }
        }, failure -> {
            LOG.warnf("%s: pass failed, next wake-up retries: %s", name, failure.toString());
            running.set(false);
        });
    }
}
