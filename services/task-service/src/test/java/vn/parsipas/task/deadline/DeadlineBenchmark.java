package vn.parsipas.task.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.task.Fixtures.api;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.DevStackTestResource;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.task.Fixtures;

/**
 * The deadline detection at 1,000,000 tasks (docs/benchmarks/task-service.md). Runs only when asked
 * ({@code -Dbenchmark=true}; the class name is outside the default test includes too):
 * {@code ./mvnw -B -ntp -pl services/task-service -am verify -Dtest=DeadlineBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 *
 * <ol>
 *   <li>loads the tasks with SQL (deadlines spread over 2041-2045, so none comes due during the run);</li>
 *   <li>runs detection passes when nothing is due: wall time, CPU of the service JVM and of PostgreSQL;</li>
 *   <li>lets deadlines pass with the scheduler running (poll every 60 s, timer to the next trigger): the
 *       time from the instant a deadline passes to its overdue fact arriving on Kafka, for single
 *       deadlines and for a burst of tasks due at the same instant.</li>
 * </ol>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "task_bench"))
@TestProfile(DeadlineBenchmark.Scheduled.class)
class DeadlineBenchmark {
    private static final int TASKS = Integer.getInteger("benchmark.tasks", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    private static final int BURST = Integer.getInteger("benchmark.burst", 10_000);
    private static final int IDLE_PASSES = Integer.getInteger("benchmark.idle-passes", 1000);
    private static final String CLAIM = "select * from task where next_deadline_check <= $1 "
            + "order by next_deadline_check limit 100 for update skip locked";

    public static class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parsipas.task.deadlines.check-interval", "60s",
                    "parsipas.task.deadlines.batch-size", System.getProperty("benchmark.batch-size", "500"));
        }
    }

    @Inject
    Pool pool;

    @Inject
    ShiftableClock clock;

    @Inject
    DeadlineDetector detector;

    @Inject
    DeadlineScheduler scheduler;

    private final List<String> report = new ArrayList<>();

    @Test
    void deadlineDetectionAtOneMillionTasks() throws Throwable {
        clock.shiftTo(Fixtures.local("2039-12-01T08:00:00"));
        long start = System.nanoTime();
        for (int from = 1; from <= TASKS; from += 100_000) {
            insert("bench-", from, Math.min(from + 99_999, TASKS),
                    "date '2041-01-01' + (g % 1826)", "due_at - interval '30 days'", "null");
        }
        // The state autovacuum leaves after a bulk load (visibility map, GIN pending list merged).
        sql("vacuum analyze task");
        line("load: %,d tasks in %.1f s; %,d tasks in the table", TASKS, seconds(start), count("select count(*) from task"));
        while (pass() > 0) {
            // the seed plan's 2025 tasks raise their overdue facts first
        }

        idlePasses();
        queries("SO-NOI-VU");
        latency();
        Path file = Path.of("target/benchmark/deadline-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
    }

    private void idlePasses() throws Throwable {
        for (int i = 0; i < IDLE_PASSES / 5; i++) {
            pass();
        }
        // What the service and the database burn without any pass (relay polling, metrics, ...) is subtracted.
        long idleStart = System.nanoTime();
        long idleCpu = processCpuNanos();
        long idleTicks = postgresTicks();
        Thread.sleep(5000);
        double backgroundCpuPerNano = (processCpuNanos() - idleCpu) / (double) (System.nanoTime() - idleStart);
        double backgroundTicksPerNano = (postgresTicks() - idleTicks) / (double) (System.nanoTime() - idleStart);
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        long pgTicks = postgresTicks();
        List<Long> walls = new ArrayList<>();
        for (int i = 0; i < IDLE_PASSES; i++) {
            long begin = System.nanoTime();
            assertThat(pass()).isZero();
            walls.add(System.nanoTime() - begin);
        }
        long elapsed = System.nanoTime() - start;
        double serviceCpuMs = (processCpuNanos() - cpu - backgroundCpuPerNano * elapsed) / 1e6 / IDLE_PASSES;
        double pgCpuMs = (postgresTicks() - pgTicks - backgroundTicksPerNano * elapsed) * 10.0 / IDLE_PASSES;
        Collections.sort(walls);
        line("idle pass (nothing due), %d passes: wall p50 %.2f ms, p99 %.2f ms; CPU per pass: service JVM %.3f ms, "
                + "PostgreSQL %.3f ms", IDLE_PASSES, walls.get(walls.size() / 2) / 1e6, walls.get(walls.size() * 99 / 100) / 1e6,
                serviceCpuMs, pgCpuMs);
        line("claim query plan: %s", explain(CLAIM.replace("$1", "now() + interval '13 years'")));
        line("for contrast, a scan for unfinished past-due tasks: %s",
                explain("select id from task where status in ('open', 'in-progress') and due_at <= timestamptz '2040-06-01'"));
    }

    /** Median times of: one agency's tasks (lead or coordinating), page 1 and page 22; the per-agency summary. */
    private void queries(String agency) {
        api().queryParam("agency", "SO-TU-PHAP").get("/api/v1/tasks").then().statusCode(200);
        String[] cursor = new String[1];
        double first = median(() -> cursor[0] = api().queryParam("agency", agency).queryParam("limit", 50)
                .get("/api/v1/tasks").then().statusCode(200).extract().path("nextCursor"));
        for (int page = 0; page < 20; page++) {
            cursor[0] = api().queryParam("agency", agency).queryParam("limit", 50).queryParam("cursor", cursor[0])
                    .get("/api/v1/tasks").then().statusCode(200).extract().path("nextCursor");
        }
        double deep = median(() -> api().queryParam("agency", agency).queryParam("limit", 50)
                .queryParam("cursor", cursor[0]).get("/api/v1/tasks").then().statusCode(200));
        double summary = median(() -> api().get("/api/v1/summaries/agencies").then().statusCode(200));
        line("queries (median of 5, through the REST API): tasks of an agency (lead or coordinating, 200,000 of them), "
                + "page 1 %.1f ms, page 22 %.1f ms; per-agency summary over all tasks %.0f ms", first, deep, summary);
    }

    private static double median(Runnable call) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long begin = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - begin) / 1e6);
        }
        Collections.sort(times);
        return times.get(2);
    }

    private void latency() throws InterruptedException, IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            insert("lat-" + round + "-", 1, 1, "date '2040-01-01' + " + (round - 1), "due_at", "1");
        }
        insert("burst-", 1, BURST, "date '2040-02-15'", "due_at", "1");
        sql("analyze task");
        try (Arrivals arrivals = new Arrivals()) {
            List<Double> single = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Instant passes = crossDeadline(LocalDate.parse("2040-01-01").plusDays(round - 1));
                String key = "lat-" + round + "-1";
                Instant arrived = arrivals.await(List.of(key), Duration.ofSeconds(60)).get(key);
                single.add(Duration.between(passes, arrived).toNanos() / 1e6);
            }
            Collections.sort(single);
            line("deadline passed -> overdue fact on Kafka, single task, %d deadlines: min %.0f ms, p50 %.0f ms, max %.0f ms",
                    ROUNDS, single.get(0), single.get(single.size() / 2), single.get(single.size() - 1));

            List<String> keys = new ArrayList<>();
            for (int i = 1; i <= BURST; i++) {
                keys.add("burst-" + i);
            }
            long cpu = processCpuNanos();
            long pgTicks = postgresTicks();
            Instant passes = crossDeadline(LocalDate.parse("2040-02-15"));
            Map<String, Instant> arrived = arrivals.await(keys, Duration.ofMinutes(10));
            double serviceCpuSeconds = (processCpuNanos() - cpu) / 1e9;
            double pgCpuSeconds = (postgresTicks() - pgTicks) / 100.0;
            List<Instant> times = new ArrayList<>(arrived.values());
            Collections.sort(times);
            double last = Duration.between(passes, times.get(times.size() - 1)).toNanos() / 1e6;
            line("burst of %,d tasks due at the same instant: first fact after %.0f ms, median %.0f ms, last %.0f ms "
                    + "(%.0f facts/s)", BURST, Duration.between(passes, times.get(0)).toNanos() / 1e6,
                    Duration.between(passes, times.get(times.size() / 2)).toNanos() / 1e6, last, BURST / (last / 1000));
            // Where the time went: the detector's last batch (its transaction's start) and the relay's last acknowledgement.
            Row stages = pool.query("select max(created_at) as written, max(sent_at) as sent from outbox where message_key like 'burst-%'")
                    .execute().await().atMost(Duration.ofMinutes(1)).iterator().next();
            line("of which: the detector's last batch of facts began %.0f ms after the instant, the relay's last row was acknowledged after %.0f ms; "
                    + "CPU meanwhile: service JVM (with the test's Kafka consumer) %.1f s, PostgreSQL %.1f s",
                    Duration.between(passes, stages.getOffsetDateTime("written").toInstant()).toNanos() / 1e6,
                    Duration.between(passes, stages.getOffsetDateTime("sent").toInstant()).toNanos() / 1e6, serviceCpuSeconds, pgCpuSeconds);
        }
    }

    /** Sets the clock two seconds before the deadline passes and wakes the scheduler; returns the real instant it passes. */
    private Instant crossDeadline(LocalDate deadline) {
        Instant dueAt = BusinessTime.endOf(deadline);
        clock.shiftTo(dueAt.minusSeconds(2));
        scheduler.wake();
        return dueAt.minus(clock.offset());
    }

    private void insert(String prefix, int from, int to, String deadline, String nextCheck, String lastDueSoon) {
        sql("insert into task (id, title, lead_agency, coordinating_agencies, deadline, due_at, status, assigned_at, "
                + "assigned_by, updated_at, last_due_soon_days, next_deadline_check) "
                + "select id, 'Nhiệm vụ thử tải ' || id, lead, '{}', deadline, due_at, 'open', now(), 'benchmark', now(), "
                + lastDueSoon + ", " + nextCheck + " from (select '" + prefix + "' || g as id, "
                + "(array['SO-NOI-VU', 'SO-TU-PHAP', 'SO-TAI-CHINH', 'VP-UBND-TINH', 'SO-XAY-DUNG'])[1 + g % 5] as lead, "
                + deadline + " as deadline, ((" + deadline + ") + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh' as due_at "
                + "from generate_series(" + from + ", " + to + ") g) t");
    }

    private int pass() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> detector.runPass());
    }

    private String explain(String query) {
        List<String> plan = new ArrayList<>();
        pool.query("explain (analyze, buffers) " + query).execute().await().atMost(Duration.ofMinutes(5))
                .forEach(row -> plan.add(row.getString(0).strip()));
        return String.join(" / ", plan);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofMinutes(10));
    }

    private long count(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofMinutes(5)).iterator().next().getLong(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks (10 ms) used so far by every process of this PostgreSQL server (Linux /proc). */
    private long postgresTicks() throws IOException {
        long ticks = 0;
        for (Row row : pool.query("select pid from pg_stat_activity").execute().await().indefinitely()) {
            Path stat = Path.of("/proc/" + row.getInteger("pid") + "/stat");
            if (Files.exists(stat)) {
                String content = Files.readString(stat);
                String[] fields = content.substring(content.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void line(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("BENCHMARK " + line);
    }

    /** Arrival time of each overdue fact on tasks.deadlines.v1, from now on, by task id. */
    private static final class Arrivals implements AutoCloseable {
        private final Map<String, Instant> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Thread reader;

        Arrivals() {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASKS_DEADLINES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(() -> {
                try (consumer) {
                    while (open.get()) {
                        consumer.poll(Duration.ofMillis(20)).forEach(record -> {
                            if (record.value().contains("vn.parsipas.task.overdue.v1")) {
                                arrived.putIfAbsent(record.key(), Instant.now());
                            }
                        });
                    }
                }
            }, "benchmark-arrivals");
            reader.start();
        }

        Map<String, Instant> await(List<String> keys, Duration timeout) {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                    .until(() -> arrived.size() >= keys.size() && keys.stream().allMatch(arrived::containsKey));
            Map<String, Instant> result = new ConcurrentHashMap<>();
            keys.forEach(key -> result.put(key, arrived.get(key)));
            return result;
        }

        @Override
        public void close() throws InterruptedException {
            open.set(false);
            reader.join();
        }
    }
}
