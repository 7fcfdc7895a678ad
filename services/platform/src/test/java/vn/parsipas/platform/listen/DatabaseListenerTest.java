package vn.parsipas.platform.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.PlatformTest;

@QuarkusTest
@PlatformTest
class DatabaseListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    DatabaseListener listener;

    @Inject
    Pool pool;

    @Test
    void aChannelHearsWhatCommitsAnnounceAndIsListenedToAgainAfterTheConnectionIsLost() {
        String channel = "parsipas_test_" + UUID.randomUUID().toString().replace("-", "");
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger listened = new AtomicInteger();

        listener.listen(channel, listened::incrementAndGet, heard::add);
        await().atMost(WAIT).until(() -> listened.get() == 1);
        notify(channel, "trước khi mất kết nối");
        await().atMost(WAIT).until(() -> heard.contains("trước khi mất kết nối"));

        // The listening connection is lost: PostgreSQL ends its backend.
        int ended = pool.preparedQuery("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                        + " and query like '%LISTEN \"' || $1 || '\"%'")
                .execute(Tuple.of(channel)).await().atMost(WAIT).rowCount();
        assertThat(ended).isEqualTo(1);

        await("the hook runs again after the reconnection").atMost(WAIT).until(() -> listened.get() == 2);
        notify(channel, "sau khi kết nối lại");
        await().atMost(WAIT).until(() -> heard.contains("sau khi kết nối lại"));
        assertThat(heard).containsExactly("trước khi mất kết nối", "sau khi kết nối lại");
    }

    private void notify(String channel, String payload) {
        pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(channel, payload)).await().atMost(WAIT);
    }
}
