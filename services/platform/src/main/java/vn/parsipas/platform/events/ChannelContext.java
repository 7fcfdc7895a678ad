package vn.parsipas.platform.events;

import java.util.concurrent.Executor;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where a consumer's transaction runs. Panache keeps its session, and the outbox its deferred events,
 * in the Vert.x context's local data, so each attempt gets a new (safe, duplicated) context of the
 * channel's event loop: a retry or the one-by-one fallback after a failed batch starts from nothing a
 * failed attempt left behind (FaultsIT's PostgreSQL outage once dead-lettered valid facts with 23505
 * and 23503 when retries shared the failed attempt's context). It also brings the work back from the
 * Kafka producer's thread, where a dead letter's write completes.
 */
final class ChannelContext {
    private ChannelContext() {
    }

    /** Runs each command on a fresh duplicated context of the current event loop; in place when there is none. */
    static Executor freshForEachAttempt() {
        Context channel = Vertx.currentContext();
        if (channel == null) {
            return Runnable::run;
        }
        Context root = VertxContext.getRootContext(channel);
        return command -> {
            Context attempt = VertxContext.createNewDuplicatedContext(root);
            VertxContextSafetyToggle.setContextSafe(attempt, true);
            attempt.runOnContext(ignored -> command.run());
        };
    }
}
