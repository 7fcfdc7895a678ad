package vn.parsipas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.indicator.Fixtures;
import vn.parsipas.indicator.IndicatorServiceTest;
import vn.parsipas.platform.time.ShiftableClock;

/**
 * Throughput of both doors on this machine's real engines (docs/benchmarks/indicator-service.md).
 * Kafka: N IndicatorObserved events are produced as fast as the broker takes them; the time until
 * every one is consumed, validated, stored and evaluated gives observations/s end to end; then a
 * plain consumer reads the same N records from the same broker, which gives the raw consume rate.
 * REST: JSON batches of 1000 from a few concurrent clients. Not a test: run it by name (its package
 * keeps it out of the {@code vn.parsipas.indicator.**} test selection and its name out of the default one).
 */
@QuarkusTest
@IndicatorServiceTest
@TestProfile(IndicatorIngestionBenchmark.Profile.class)
class IndicatorIngestionBenchmark {
    private static final Logger LOG = Logger.getLogger(IndicatorIngestionBenchmark.class);
    private static final List<String> IGATE_INDICATORS = Fixtures.IGATE_INDICATORS;
    private static final int SCOPES = 2000;
    private static final int OBSERVATIONS = Integer.getInteger("benchmark.observations", 200_000);
    private static final int ONE_KEY = Integer.getInteger("benchmark.one-key-observations", 50_000);
    private static final int REST_BATCHES = Integer.getInteger("benchmark.rest-batches", 60);
    private static final int REST_CLIENTS = Integer.getInteger("benchmark.rest-clients", 4);

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parsipas.indicator.max-batch", "1000", "quarkus.log.category.\"vn.parsipas\".level", "WARN",
                    // each batch's time: reading and checking, then applying (in the test output)
                    "quarkus.log.category.\"vn.parsipas.platform.events.BatchEventConsumer\".level", "DEBUG");
        }
    }

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @TestHTTPResource("/api/v1/observations")
    URL observations;

    @Test
    void measure() throws Exception {
        Fixtures.emptyDatabase(pool);
        clock.shiftTo(Instant.parse("2025-12-30T03:00:00Z"));
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.dossierRateTarget("dak-lak-2025:t-1.16-online-dossier-rate"));
        }
        StringBuilder report = new StringBuilder();

        Set<String> keys = new HashSet<>();
        List<ProducerRecord<String, String>> records = records(keys);
        Instant start = Instant.now();
        Map<Integer, String> lastPerPartition = produce(records);
        Duration produced = Duration.between(start, Instant.now());
        awaitApplied(lastPerPartition);
        Duration endToEnd = Duration.between(start, Instant.now());
        assertThat(rows()).isEqualTo(keys.size());
        double serviceRate = OBSERVATIONS / seconds(endToEnd);
        double rawRate = rawConsumeRate(OBSERVATIONS + 0L);
        report.append(String.format("kafka, mix: %d observations (%d distinct indicator|scope|period, keys over %d partitions, "
                + "1 in 100 of the province) produced in %.1f s, consumed+validated+stored+evaluated in %.1f s = %.0f obs/s; "
                + "raw consume of the same records %.0f msg/s; ratio %.3f%n", OBSERVATIONS, keys.size(), lastPerPartition.size(),
                seconds(produced), seconds(endToEnd), serviceRate, rawRate, serviceRate / rawRate));

        // the worst case: one indicator of the province, one key, so one partition and one consumer get every
        // record, and every record is a province value that re-evaluates the target
        List<ProducerRecord<String, String>> oneKey = new ArrayList<>();
        for (int i = 0; i < ONE_KEY; i++) {
            LocalDate day = LocalDate.of(1500, 1, 1).plusDays(i);
            IndicatorObserved data = new IndicatorObserved(Fixtures.DOSSIER_RATE, "PROVINCE", day.toString(), BigDecimal.valueOf(50),
                    "percent", day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), null, null);
            oneKey.add(new ProducerRecord<>(Fixtures.topicOf("/igate"), data.subject(), Fixtures.envelope(data, "bench-one-" + i, "/igate")));
        }
        long before = rows();
        start = Instant.now();
        lastPerPartition = produce(oneKey);
        awaitApplied(lastPerPartition);
        endToEnd = Duration.between(start, Instant.now());
        assertThat(rows() - before).isEqualTo(ONE_KEY);
        double oneKeyRate = ONE_KEY / seconds(endToEnd);
        report.append(String.format("kafka, one key: %d observations of the province, one indicator, %d partition, "
                + "consumed+validated+stored+evaluated in %.1f s = %.0f obs/s; ratio to the raw consume rate above %.3f%n",
                ONE_KEY, lastPerPartition.size(), seconds(endToEnd), oneKeyRate, oneKeyRate / rawRate));

        double restRate = restRate();
        report.append(String.format("rest: %d batches x 1000 observations from %d clients = %.0f obs/s%n", REST_BATCHES,
                REST_CLIENTS, restRate));
        LOG.warn("\n" + report);
        Path out = Path.of("target", "indicator-benchmark.txt");
        Files.writeString(out, report.toString());
        clock.reset();
    }

    private static List<ProducerRecord<String, String>> records(Set<String> keys) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < OBSERVATIONS; i++) {
            IndicatorObserved data = observation(i, 0);
            keys.add(data.subject() + "|" + data.period());
            records.add(new ProducerRecord<>(Fixtures.topicOf("/igate"), data.subject(),
                    Fixtures.envelope(data, "bench-" + i, "/igate")));
        }
        return records;
    }

    /** Sends the records; answers the event id of the last record written to each partition. */
    private Map<Integer, String> produce(List<ProducerRecord<String, String>> records) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        Map<Integer, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Integer, Long> lastOffset = new java.util.concurrent.ConcurrentHashMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                String id = json.readTree(record.value()).path("id").asText();
                producer.send(record, (metadata, failure) -> {
                    if (metadata != null && lastOffset.merge(metadata.partition(), metadata.offset(), Math::max) == metadata.offset()) {
                        last.put(metadata.partition(), id);
                    }
                });
            }
            producer.flush();
        }
        return last;
    }

    /**
     * Until the last record of every partition is applied: its inbox row commits with its batch, and a partition's
     * batches commit in order, so every record before it is applied too. Cheap to ask (a count(*) of the whole table every
     * 100 ms took a tenth of PostgreSQL's time in the first runs).
     */
    private void awaitApplied(Map<Integer, String> lastPerPartition) throws InterruptedException {
        int expected = lastPerPartition.size();
        // one lookup of the inbox's whole key per event: with "event_id in (…)" the planner, whose statistics still
        // saw a small inbox, scanned all the consumer's rows (160 ms a time, competing with the service)
        String applied = "select count(*) from (" + lastPerPartition.values().stream()
                .map(id -> "select 1 from inbox where consumer = 'indicator-service-observations' and source = '/igate' "
                        + "and event_id = '" + id + "'")
                .collect(java.util.stream.Collectors.joining(" union all ")) + ") as applied";
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(giveUp)) {
            long done = pool.query(applied).execute().await().indefinitely().iterator().next().getLong(0);
            if (done == expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not every record was applied within 10 minutes");
    }

    /**
     * Observation i: one of the five indicators iGate reports, for one of 2000 localities or (one in
     * a hundred) the province, on a day of 2025. The province's values repeat with other figures,
     * so they are corrections that re-evaluate the targets.
     */
    private static IndicatorObserved observation(int i, int dayOffset) {
        int scope = (i / IGATE_INDICATORS.size()) % SCOPES;
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(dayOffset + (long) i / (IGATE_INDICATORS.size() * SCOPES));
        return new IndicatorObserved(IGATE_INDICATORS.get(i % IGATE_INDICATORS.size()),
                scope % 100 == 0 ? "PROVINCE" : String.format("XA-%04d", scope), day.toString(),
                BigDecimal.valueOf(40 + (i * 7919L) % 5000 / 100.0), "percent",
                day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), "igate", null);
    }

    private long rows() {
        return pool.query("select count(*) from observation").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private double rawConsumeRate(long records) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Fixtures.topicOf("/igate")));
            long read = 0;
            Instant first = null;
            while (read < records) {
                int count = consumer.poll(Duration.ofMillis(500)).count();
                if (count > 0 && first == null) {
                    first = Instant.now();
                }
                read += count;
            }
            return records / seconds(Duration.between(first, Instant.now()));
        }
    }

    private double restRate() {
        HttpClient http = HttpClient.newHttpClient();
        String token = Fixtures.igate();
        AtomicInteger next = new AtomicInteger();
        Instant start = Instant.now();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < REST_CLIENTS; c++) {
            clients.add(CompletableFuture.runAsync(() -> {
                for (int batch = next.getAndIncrement(); batch < REST_BATCHES; batch = next.getAndIncrement()) {
                    send(http, token, batch);
                }
            }));
        }
        CompletableFuture.allOf(clients.toArray(new CompletableFuture[0])).join();
        return REST_BATCHES * 1000 / seconds(Duration.between(start, Instant.now()));
    }

    private void send(HttpClient http, String token, int batch) {
        StringBuilder body = new StringBuilder("{\"observations\": [");
        for (int i = 0; i < 1000; i++) {
            IndicatorObserved o = observation(batch * 1000 + i, 200);
            body.append(i == 0 ? "" : ",").append(String.format("{\"indicatorCode\":\"%s\",\"scope\":\"%s\",\"period\":\"%s\","
                    + "\"value\":%s,\"unit\":\"percent\",\"observedAt\":\"%s\"}", o.indicatorCode(), o.scope(), o.period(),
                    o.value().toPlainString(), o.observedAt()));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(observations.toString()))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "bench-" + batch)
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
                throw new IllegalStateException("batch " + batch + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
