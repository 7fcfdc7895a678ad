package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests.Answer;
import vn.parsipas.platform.idempotency.IdempotentRequests.Keyed;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.time.ShiftableClock;

/**
 * The one Idempotency-Key mechanism, through both doors (its own transaction on the pool, the caller's
 * Panache transaction): a retry gets the first answer and the effect runs once; another body is 422;
 * a key still held is 409; a failed effect stores nothing; scopes never share answers; the purge forgets.
 */
@QuarkusTest
@PlatformTest
class IdempotentRequestsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Pool pool;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onThePoolARetryGetsTheFirstAnswerAndTheEffectRunsOnce() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        String key = UUID.randomUUID().toString();
        Keyed first = IdempotentRequests.keyed(key, () -> "hash-a", "imports", "igate");

        assertThat(onPool(first, runs, "tóm tắt thứ nhất")).isEqualTo(new Answer(200, "tóm tắt thứ nhất"));
        assertThat(onPool(first, runs, "tóm tắt thứ hai")).isEqualTo(new Answer(200, "tóm tắt thứ nhất"));
        assertThat(runs).hasValue(1);

        assertThatThrownBy(() -> onPool(IdempotentRequests.keyed(key, () -> "hash-b", "imports", "igate"), runs, "khác"))
                .isInstanceOf(IdempotencyKey.ReusedException.class).hasMessageContaining(key);
        // Another caller's key of the same name is its own.
        assertThat(onPool(IdempotentRequests.keyed(key, () -> "hash-b", "imports", "finance-system"), runs, "của hệ thống khác"))
                .isEqualTo(new Answer(200, "của hệ thống khác"));
        assertThat(onPool(null, runs, "không khóa")).isEqualTo(new Answer(200, "không khóa"));
        assertThat(runs).hasValue(3);
    }

    @Test
    void inTheCallersTransactionARetryGetsTheFirstAnswerAndAnotherBodyIsRefused() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        Keyed keyed = IdempotentRequests.keyed(UUID.randomUUID().toString(), () -> "hash-a", "tasks", "nguyenvana");

        assertThat(inSession(keyed, runs, "task-1")).isEqualTo(new Answer(201, "task-1"));
        assertThat(inSession(keyed, runs, "task-2")).isEqualTo(new Answer(201, "task-1"));
        assertThat(runs).hasValue(1);
        assertThatThrownBy(() -> inSession(new Keyed(keyed.key(), keyed.scopedKey(), "hash-b"), runs, "task-3"))
                .isInstanceOf(IdempotencyKey.ReusedException.class);
        // Both doors read one table: the pool door replays what the session door stored.
        assertThat(onPool(keyed, runs, "task-4")).isEqualTo(new Answer(201, "task-1"));
    }

    @Test
    void aKeyStillHeldByAnotherRequestIsRefusedAndAFailedEffectStoresNothing() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        Keyed keyed = IdempotentRequests.keyed(UUID.randomUUID().toString(), () -> "hash-a", "responses", "survey-kiosk");
        SqlConnection holder = pool.getConnection().await().atMost(WAIT);
        try {
            holder.begin().await().atMost(WAIT);
            assertThat(holder.preparedQuery(IdempotentRequests.TAKE).execute(Tuple.of(keyed.scopedKey())).await().atMost(WAIT)
                    .iterator().next().getBoolean("taken")).isTrue();
            assertThatThrownBy(() -> onPool(keyed, runs, "bị từ chối")).isInstanceOf(IdempotencyKey.InUseException.class);
            assertThatThrownBy(() -> inSession(keyed, runs, "bị từ chối")).isInstanceOf(IdempotencyKey.InUseException.class);
        } finally {
            holder.close().await().atMost(WAIT);
        }
        assertThat(runs).hasValue(0);

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> idempotent.run(keyed,
                connection -> Uni.createFrom().failure(new IllegalStateException("cơ sở dữ liệu bận")))))
                .hasMessageContaining("cơ sở dữ liệu bận");
        assertThat(onPool(keyed, runs, "lần sau")).isEqualTo(new Answer(200, "lần sau"));
    }

    @Test
    void aKeyIsOneTo255CharactersAndAnswersAreForgottenAfterTheRetention() throws Throwable {
        assertThatThrownBy(() -> IdempotentRequests.keyed(" ", () -> "h", "tasks", "a")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("Idempotency-Key"));
        assertThatThrownBy(() -> IdempotentRequests.keyed("k".repeat(256), () -> "h", "tasks", "a"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(IdempotentRequests.keyed("k".repeat(255), () -> "h", "tasks", "a").scopedKey()).isEqualTo("tasks|a|" + "k".repeat(255));

        AtomicInteger runs = new AtomicInteger();
        Keyed keyed = IdempotentRequests.keyed(UUID.randomUUID().toString(), () -> "hash-a", "imports", "igate");
        onPool(keyed, runs, "hôm nay");
        clock.shiftBy(Duration.ofDays(6));
        VertxContextSupport.subscribeAndAwait(() -> idempotent.purge());
        assertThat(onPool(keyed, runs, "sáu ngày sau")).isEqualTo(new Answer(200, "hôm nay"));

        clock.shiftBy(Duration.ofDays(2));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> idempotent.purge())).isPositive();
        assertThat(onPool(keyed, runs, "tám ngày sau")).isEqualTo(new Answer(200, "tám ngày sau"));
        assertThat(runs).hasValue(2);
    }

    private Answer onPool(Keyed keyed, AtomicInteger runs, String body) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> idempotent.run(keyed, connection -> counted(runs, 200, body)));
    }

    private Answer inSession(Keyed keyed, AtomicInteger runs, String body) throws Throwable {
        Supplier<Uni<Answer>> effect = () -> counted(runs, 201, body);
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> idempotent.runInSession(keyed, effect)));
    }

    private static Uni<Answer> counted(AtomicInteger runs, int status, String body) {
        return Uni.createFrom().item(() -> {
            runs.incrementAndGet();
            return new Answer(status, body);
        });
    }
}
