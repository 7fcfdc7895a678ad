package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.parsipas.system.BenchmarkReport.pace;
import static vn.parsipas.system.BenchmarkReport.percentile;
import static vn.parsipas.system.BenchmarkReport.seconds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The suite's figures from one run on one machine (docs/benchmarks/suite.md): start time and RSS of
 * every process; the raw broker's produce/consume rate and end-to-end latency; ingestion of
 * observations and responses; fact → alert latency at a fixed rate and the maximum sustained rate;
 * the suite's figures as ratios to the broker's. Runs only with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SuiteBenchmarkIT {
    static final int RAW = Integer.getInteger("bench.raw", 100_000);
    static final int OBSERVATIONS = Integer.getInteger("bench.observations", 50_000);
    static final int OBSERVATION_MIX = Integer.getInteger("bench.observation-mix", 100_000);
    /** The indicators iGate reports (deploy/catalogue), for the realistic mix. */
    static final List<String> IGATE_INDICATORS = List.of("online-end-to-end-dossier-rate", "online-payment-enabled-procedure-rate",
            "online-payment-transacting-procedure-rate", "online-payment-dossier-rate", "digitised-data-reuse-rate");
    static final int RESPONSES = Integer.getInteger("bench.responses", 20_000);
    static final int FACT_RATE = Integer.getInteger("bench.fact-rate", 1_000);
    static final int FACT_SECONDS = Integer.getInteger("bench.fact-seconds", 10);
    static final int LOW_FACT_RATE = Integer.getInteger("bench.low-fact-rate", 200);
    static final int FACT_FLOOD = Integer.getInteger("bench.fact-flood", 10_000);

    final BenchmarkReport report = new BenchmarkReport("benchmark");

    @Test
    void figures() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        RawEngines engines = new RawEngines(sut, report);
        Footprint footprint = new Footprint(sut, report);
        report.add("machine: %d cores, Java %s, load average at start %.1f", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.add("start: engines (Kafka, PostgreSQL, Keycloak), SMTP, webhook receiver and 4 services ready in %d s",
                sut.startTime.toSeconds());
        footprint.processes();

        String bootstrap = sut.engines.addresses().get("kafka.bootstrap.servers");
        double[] raw = engines.broker(RAW, 0);
        double rawRows = engines.observationInserts(OBSERVATIONS);
        ExternalProducer kafka = new ExternalProducer(bootstrap, sut.repo);

        // observations through Kafka, the worst case: one key (one indicator of the province), so one partition and one
        // consumer get all of them, and every one is a province value that re-evaluates the indicator's targets.
        // The records are made before the clock starts (reading the contract's files for each cost seconds).
        String observations = ExternalProducer.topicOf("indicators.observations.v1", "igate");
        List<String[]> oneKey = new ArrayList<>();
        ObjectNode example = kafka.example("indicator-observed.v1");
        ObjectNode envelope = (ObjectNode) SystemUnderTest.JSON.readTree(
                kafka.envelope("id", FaultsIT.OBSERVED, "indicator-observed.v1", "/igate", FaultsIT.INDICATOR, example));
        for (int i = 0; i < OBSERVATIONS; i++) {
            ObjectNode data = example.deepCopy();
            String period = LocalDate.of(1500, 1, 1).plusDays(i).toString();
            data.put("indicatorCode", FaultsIT.INDICATOR).put("scope", "PROVINCE").put("period", period).put("value", 50)
                    .remove(List.of("sourceSystem", "note"));
            String id = "bench-" + UUID.randomUUID();
            oneKey.add(new String[] {FaultsIT.INDICATOR, id, envelope.deepCopy().put("id", id).set("data", data).toString()});
        }
        long begin = System.nanoTime();
        awaitApplied(sut, send(kafka, observations, oneKey));
        double observationsPerSecond = OBSERVATIONS / seconds(begin);
        assertThat(sut.count("indicator", "select count(*) from observation where period between '1500' and '1649'"))
                .isEqualTo(OBSERVATIONS);
        report.add("ingestion: %,d IndicatorObserved on Kafka stored in %.1f s: %,.0f observations/s (%.3f of the raw consume rate, "
                + "%.3f of raw batched inserts)", OBSERVATIONS, seconds(begin), observationsPerSecond, observationsPerSecond / raw[1],
                observationsPerSecond / rawRows);

        // observations through Kafka, a realistic mix: the 5 indicators iGate reports x 2000 localities, one in a hundred
        // of them the province (whose repeated values are corrections), keys spread over the topic's partitions
        List<String[]> mix = new ArrayList<>();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < OBSERVATION_MIX; i++) {
            int locality = (i / IGATE_INDICATORS.size()) % 2000;
            String indicator = IGATE_INDICATORS.get(i % IGATE_INDICATORS.size());
            String scope = locality % 100 == 0 ? "PROVINCE" : String.format("XA-%04d", locality);
            String period = LocalDate.of(1700, 1, 1).plusDays(i / (IGATE_INDICATORS.size() * 2000L)).toString();
            ObjectNode data = example.deepCopy();
            data.put("indicatorCode", indicator).put("scope", scope).put("period", period)
                    .put("value", java.math.BigDecimal.valueOf(40 + (i * 7919L) % 5000 / 100.0)).remove(List.of("sourceSystem", "note"));
            distinct.add(indicator + "|" + scope + "|" + period);
            String id = "bench-" + UUID.randomUUID();
            mix.add(new String[] {indicator + "|" + scope, id, envelope.deepCopy().put("id", id).put("subject", indicator + "|" + scope)
                    .set("data", data).toString()});
        }
        begin = System.nanoTime();
        int partitions = awaitApplied(sut, send(kafka, observations, mix));
        double mixPerSecond = OBSERVATION_MIX / seconds(begin);
        assertThat(sut.count("indicator", "select count(*) from observation where period between '1700' and '1799'"))
                .isEqualTo(distinct.size());
        report.add("ingestion: %,d IndicatorObserved on Kafka, realistic mix (%,d distinct indicator|scope|period, keys on %d "
                + "partitions, 1 in 100 of the province) stored in %.1f s: %,.0f observations/s (%.3f of the raw consume rate, "
                + "%.3f of raw batched inserts)", OBSERVATION_MIX, distinct.size(), partitions, seconds(begin), mixPerSecond,
                mixPerSecond / raw[1], mixPerSecond / rawRows);

        // responses through Kafka, each with its receipt code and PIN (each code's row is locked and used); 20,000 so
        // that the first poll and the consumers' warm-up weigh little in the rate (survey-service's own benchmark
        // also measures a kiosk platform's responses without receipt code)
        String run = "BENCH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> codes = sut.registerReceipts(run, RESPONSES);
        // the documents are built before the clock starts (each from the contract's example file): the figure is the suite's
        Map<String, String> envelopes = new java.util.LinkedHashMap<>();
        for (String code : codes) {
            ObjectNode data = sut.surveyResponse(code, 4).put("submittedAt", "2025-11-10T03:00:00Z");
            envelopes.put(code, kafka.envelope(data.path("responseId").asText(), FaultsIT.RESPONSE, "survey-response-submitted.v1",
                    "/survey-kiosk", code, data));
        }
        begin = System.nanoTime();
        envelopes.forEach((code, document) -> kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), code, document));
        kafka.flush();
        String responses = "select count(*) from survey_response where receipt_code like '" + run + "%'";
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> sut.count("survey", responses) >= RESPONSES);
        double responsesSeconds = seconds(begin);
        double responsesPerSecond = RESPONSES / responsesSeconds;
        double rawResponseRows = engines.responseInserts("receipt_code like '" + run + "%'");
        report.add("ingestion: %,d SurveyResponseSubmitted on Kafka stored in %.1f s: %,.0f responses/s (%.4f of the raw consume rate, "
                + "%.3f of raw batched inserts of the same rows)", RESPONSES, responsesSeconds, responsesPerSecond, responsesPerSecond / raw[1],
                responsesPerSecond / rawResponseRows);

        // a flood first: the most the suite sustains, and the services' JIT warm for the fixed rates after it
        factsToAlerts(sut, kafka, FACT_FLOOD, 0, null);
        for (int rate : new int[] {LOW_FACT_RATE, FACT_RATE}) {
            double[] rawAtRate = engines.broker(rate * FACT_SECONDS, rate);
            factsToAlerts(sut, kafka, rate * FACT_SECONDS, rate, rawAtRate);
        }
        kafka.close();
        footprint.processes();
        footprint.startedAlone();
        report.write(sut.repo.resolve("deploy/system-tests/target/benchmark.txt"));
    }

    /**
     * Facts at a fixed rate (0: as fast as the producer goes); latency = AlertRaised appended to alerts.v1 −
     * fact sent; the drain rate; compared with the raw broker's latency at the same rate ({@code raw}, none for a flood).
     */
    void factsToAlerts(SystemUnderTest sut, ExternalProducer kafka, int facts, int rate, double[] raw) throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long begin = System.nanoTime();
        for (int i = 0; i < facts; i++) {
            if (rate > 0) {
                pace(begin + (long) (i * 1e9 / rate));
            }
            String taskId = run + "-" + i;
            ObjectNode data = kafka.example("task-overdue.v1");
            data.put("taskId", taskId).put("leadAgency", "SO-TU-PHAP");
            data.putArray("coordinatingAgencies");
            sentAt.put(taskId, System.currentTimeMillis());
            kafka.send("tasks.deadlines.v1", taskId, kafka.envelope("bench-" + taskId, FaultsIT.TASK_OVERDUE, "task-overdue.v1",
                    "/parsipas/task-service", taskId, data));
        }
        kafka.flush();
        double offered = facts / seconds(begin);
        List<Long> latencies = new ArrayList<>();
        long drainedAt;
        String bootstrap = sut.engines.addresses().get("kafka.bootstrap.servers");
        try (KafkaConsumer<byte[], byte[]> consumer = RawEngines.consumer(bootstrap, "alerts.v1")) {
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(15).toMillis();
            while (latencies.size() < facts && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (!value.contains("alert.raised")) {
                        continue;
                    }
                    String subject = SystemUnderTest.JSON.readTree(value).at("/data/subjectId").asText();
                    Long sent = sentAt.remove(subject);
                    if (sent != null) {
                        latencies.add(record.timestamp() - sent);
                    }
                }
            }
            drainedAt = System.nanoTime();
        }
        assertThat(latencies).hasSize(facts);
        Collections.sort(latencies);
        double drained = facts / seconds(begin, drainedAt);
        String measured = String.format("AlertRaised on alerts.v1 for all after %.1f s (sustained %,.0f alerts/s); latency p50 %d ms, "
                + "p99 %d ms, max %d ms", seconds(begin, drainedAt), drained, percentile(latencies, 50), percentile(latencies, 99),
                latencies.get(latencies.size() - 1));
        if (raw == null) {
            report.add("facts → alerts, flood: %,d TaskOverdue written in %.1f s (%,.0f/s); %s", facts, facts / offered, offered, measured);
        } else {
            report.add("facts → alerts: %,d TaskOverdue offered at %,.0f/s; %s; raw broker at the same rate p50 %.0f ms, p99 %.0f ms "
                    + "(p99 ratio %.1f)", facts, offered, measured, raw[2], raw[3], percentile(latencies, 99) / Math.max(1, raw[3]));
        }
    }

    /** Sends records ({key, event id, CloudEvent}); answers the event id of the last record written to each partition. */
    static Map<Integer, String> send(ExternalProducer kafka, String topic, List<String[]> records) throws Exception {
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>(records.size());
        for (String[] record : records) {
            sent.add(kafka.send(topic, record[0], record[2]));
        }
        kafka.flush();
        Map<Integer, String> last = new java.util.HashMap<>();
        Map<Integer, Long> lastOffset = new java.util.HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            org.apache.kafka.clients.producer.RecordMetadata written = sent.get(i).get();
            if (written.offset() >= lastOffset.getOrDefault(written.partition(), -1L)) {
                lastOffset.put(written.partition(), written.offset());
                last.put(written.partition(), records.get(i)[1]);
            }
        }
        return last;
    }

    /**
     * Until the last record of every partition is applied: its inbox row commits with its batch and a partition's
     * batches commit in order, so every record before it is applied too. Answers the number of partitions. (Asking
     * with a count of the observations every 200 ms cost PostgreSQL a share of its time the service then lacked.)
     */
    static int awaitApplied(SystemUnderTest sut, Map<Integer, String> lastPerPartition) throws Exception {
        // one lookup of the inbox's whole key per event: with "event_id in (…)" a planner whose statistics still saw a
        // small inbox scanned all the consumer's rows
        String applied = "select count(*) from (" + lastPerPartition.values().stream()
                .map(id -> "select 1 from inbox where consumer = 'indicator-service-observations' and source = '/igate' "
                        + "and event_id = '" + id + "'")
                .collect(java.util.stream.Collectors.joining(" union all ")) + ") as applied";
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (java.sql.Connection connection = sut.connect("indicator"); java.sql.Statement statement = connection.createStatement()) {
            while (System.nanoTime() < giveUp) {
                try (java.sql.ResultSet rows = statement.executeQuery(applied)) {
                    rows.next();
                    if (rows.getLong(1) >= lastPerPartition.size()) {
                        return lastPerPartition.size();
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the observations were not all applied within 10 minutes");
    }
}
