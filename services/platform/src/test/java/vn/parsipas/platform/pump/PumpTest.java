package vn.parsipas.platform.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/** The pump's contract, on passes the test finishes by hand (a plain JVM test, no Quarkus start). */
class PumpTest {

    /** Passes that end when the test completes them, in the order they started. */
    private static final class HeldPasses {
        final List<CompletableFuture<Integer>> started = new CopyOnWriteArrayList<>();

        Uni<Integer> pass() {
            CompletableFuture<Integer> pass = new CompletableFuture<>();
            started.add(pass);
            return Uni.createFrom().completionStage(pass);
        }
    }

    @Test
    void wakeUpsDuringAPassAreCoalescedIntoOneMorePass() {
        HeldPasses passes = new HeldPasses();
        Pump pump = Pump.of("test", passes::pass);

        pump.wake();
        for (int i = 0; i < 5; i++) {
            pump.wake();
        }
        assertThat(passes.started).hasSize(1);

        passes.started.get(0).complete(0);
        assertThat(passes.started).as("the wake-ups during the first pass ask for one more").hasSize(2);
        passes.started.get(1).complete(0);
        assertThat(passes.started).as("a pass that found nothing and was not woken meanwhile is the last").hasSize(2);

        pump.wake();
        assertThat(passes.started).hasSize(3);
    }

    @Test
    void passesRunAgainWhileTheLastOneDidWork() {
        Queue<Integer> work = new ArrayDeque<>(List.of(50, 50, 7, 0, 99));
        List<Integer> done = new ArrayList<>();
        Pump pump = Pump.of("test", () -> {
            int count = work.remove();
            done.add(count);
            return Uni.createFrom().item(count);
        });

        pump.wake();

        assertThat(done).containsExactly(50, 50, 7, 0);
    }

    @Test
    void aFailedPassStopsThePumpUntilTheNextWakeUp() {
        HeldPasses passes = new HeldPasses();
        Pump pump = Pump.of("test", passes::pass);

        pump.wake();
        passes.started.get(0).completeExceptionally(new IllegalStateException("database away"));
        assertThat(passes.started).as("no retry by itself").hasSize(1);

        pump.wake();
        assertThat(passes.started).hasSize(2);
        passes.started.get(1).complete(0);
        assertThat(passes.started).hasSize(2);
    }

    @Test
    void aStoppedPumpStartsNoPass() {
        HeldPasses passes = new HeldPasses();
        Pump pump = Pump.of("test", passes::pass);

        pump.wake();
        pump.stop();
        passes.started.get(0).complete(10);
        pump.wake();

        assertThat(passes.started).as("the running pass ends, none follows").hasSize(1);
    }

    @Test
    void withBackoffAFailedPassIsRetriedByItselfAndWakeUpsMeanwhileWait() {
        Vertx vertx = Vertx.vertx();
        try {
            HeldPasses passes = new HeldPasses();
            Pump pump = Pump.builder("test", passes::pass).backoff(vertx, Duration.ofSeconds(5)).build();

            pump.wake();
            long failedAt = System.nanoTime();
            passes.started.get(0).completeExceptionally(new IllegalStateException("Kafka away"));
            pump.wake();
            assertThat(passes.started).as("a wake-up during the backoff does not retry at once").hasSize(1);

            await().atMost(Duration.ofSeconds(5)).until(() -> passes.started.size() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            passes.started.get(1).complete(0);
            assertThat(passes.started).hasSize(2);
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void onAFreshContextEveryPassRunsOnItsOwnDuplicatedContextNotTheCallers() {
        Vertx vertx = Vertx.vertx();
        try {
            List<Context> contexts = new CopyOnWriteArrayList<>();
            Queue<Integer> work = new ArrayDeque<>(List.of(1, 0));
            Pump pump = Pump.builder("test", () -> {
                contexts.add(io.vertx.core.Vertx.currentContext());
                return Uni.createFrom().item(work.remove());
            }).onFreshContext(vertx).build();
            Context caller = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());

            caller.runOnContext(ignored -> pump.wake());

            await().atMost(Duration.ofSeconds(5)).until(() -> contexts.size() == 2);
            assertThat(contexts).allSatisfy(context -> {
                assertThat(VertxContext.isDuplicatedContext(context)).isTrue();
                assertThat(context).isNotSameAs(caller);
            });
            assertThat(contexts.get(0)).isNotSameAs(contexts.get(1));
        } finally {
            vertx.closeAndAwait();
        }
    }
}
