package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.devstack.Suite;

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
    static final int ROWS_PER_INSERT = 500;

    final List<String> lines = new ArrayList<>();

    @Test
    void figures() throws Exception {
        SystemUnderTest sut = SystemUnderTest.get();
        report("machine: %d cores, Java %s, load average at start %.1f", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report("start: engines (Kafka, PostgreSQL, Keycloak), SMTP, webhook receiver and 4 services ready in %d s",
                sut.startTime.toSeconds());
        processes(sut);

        String bootstrap = sut.engines.addresses().get("kafka.bootstrap.servers");
        double[] raw = rawBroker(bootstrap, sut, RAW, 0);
        double rawRows = rawInserts(sut, OBSERVATIONS);
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
        report("ingestion: %,d IndicatorObserved on Kafka stored in %.1f s: %,.0f observations/s (%.3f of the raw consume rate, "
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
        report("ingestion: %,d IndicatorObserved on Kafka, realistic mix (%,d distinct indicator|scope|period, keys on %d "
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
        double rawResponseRows = rawResponseInserts(sut, "receipt_code like '" + run + "%'");
        report("ingestion: %,d SurveyResponseSubmitted on Kafka stored in %.1f s: %,.0f responses/s (%.4f of the raw consume rate, "
                + "%.3f of raw batched inserts of the same rows)", RESPONSES, responsesSeconds, responsesPerSecond, responsesPerSecond / raw[1],
                responsesPerSecond / rawResponseRows);

        // a flood first: the most the suite sustains, and the services' JIT warm for the fixed rates after it
        factsToAlerts(sut, kafka, FACT_FLOOD, 0, null);
        for (int rate : new int[] {LOW_FACT_RATE, FACT_RATE}) {
            double[] rawAtRate = rawBroker(bootstrap, sut, rate * FACT_SECONDS, rate);
            factsToAlerts(sut, kafka, rate * FACT_SECONDS, rate, rawAtRate);
        }
        kafka.close();
        processes(sut);
        startedAlone(sut);
        Path out = sut.repo.resolve("deploy/system-tests/target/benchmark.txt");
        Files.write(out, lines);
        System.out.println("[benchmark] written to " + out);
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
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(sut.engines.addresses().get("kafka.bootstrap.servers"), "alerts.v1")) {
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
            report("facts → alerts, flood: %,d TaskOverdue written in %.1f s (%,.0f/s); %s", facts, facts / offered, offered, measured);
        } else {
            report("facts → alerts: %,d TaskOverdue offered at %,.0f/s; %s; raw broker at the same rate p50 %.0f ms, p99 %.0f ms "
                    + "(p99 ratio %.1f)", facts, offered, measured, raw[2], raw[3], percentile(latencies, 99) / Math.max(1, raw[3]));
        }
    }

    /** Waits until {@code due} (System.nanoTime) without holding a core: a spinning producer would take one of the two. */
    private static void pace(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Raw Kafka, no service involved: {@code count} 1 KB records produced (acks=all) to a topic of 6
     * partitions, flat out ({@code rate} 0) or at a fixed rate, while a consumer reads them; latency =
     * received − the send time stamped in the record. Returns produced/s, consumed/s, p50 and p99 ms.
     */
    double[] rawBroker(String bootstrap, SystemUnderTest sut, int count, int rate) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 6);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] lastReceived = new long[1];
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, topic)) {
                while (latencies.size() < count) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        long stamp = Long.parseLong(new String(record.value(), 0, 13, StandardCharsets.US_ASCII));
                        latencies.add(System.currentTimeMillis() - stamp);
                    }
                }
                lastReceived[0] = System.nanoTime();
            }
        }, "raw-reader");
        reader.start();
        Thread.sleep(2_000); // the reader is assigned and at the beginning
        byte[] payload = new byte[1024];
        ExternalProducer producer = new ExternalProducer(bootstrap, sut.repo);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = rate == 0 ? 0 : begin + (long) (i * 1e9 / rate);
            pace(due);
            byte[] value = payload.clone();
            byte[] stamp = Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(stamp, 0, value, 0, stamp.length);
            producer.send(topic, Integer.toString(i), value);
        }
        producer.flush();
        double produced = count / seconds(begin);
        producer.close();
        reader.join(Duration.ofMinutes(5).toMillis());
        double consumed = count / seconds(begin, lastReceived[0]);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report("raw broker: %,d records of 1 KB produced at %,.0f/s%s (acks=all) and consumed alongside, all received at "
                + "%,.0f/s; produce→consume latency p50 %d ms, p99 %d ms", count, produced, rate == 0 ? " (flat out)" : " (fixed rate)",
                consumed, percentile(sorted, 50), percentile(sorted, 99));
        return new double[] {produced, consumed, percentile(sorted, 50), percentile(sorted, 99)};
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

    /**
     * Raw PostgreSQL, no service involved: rows shaped as an observation inserted into a scratch table
     * of the indicator database, {@value #ROWS_PER_INSERT} rows per multi-row INSERT, one transaction per
     * statement. Returns rows/s.
     */
    double rawInserts(SystemUnderTest sut, int rows) throws Exception {
        try (java.sql.Connection connection = sut.connect("indicator")) {
            connection.createStatement().execute("create temporary table raw_observation (like observation including all)");
            StringBuilder sql = new StringBuilder("insert into raw_observation (indicator_code, scope, period, period_start, "
                    + "period_end, as_of, value, unit, source, observed_at, channel, reference, revision, received_at) values ");
            for (int r = 0; r < ROWS_PER_INSERT; r++) {
                sql.append(r == 0 ? "" : ",").append("(?, 'PROVINCE', ?, ?, ?, ?, 50, 'percent', '/igate', now(), 'kafka', ?, 1, now())");
            }
            long begin = System.nanoTime();
            try (java.sql.PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                for (int done = 0; done < rows; done += ROWS_PER_INSERT) {
                    for (int r = 0; r < ROWS_PER_INSERT; r++) {
                        LocalDate day = LocalDate.of(1500, 1, 1).plusDays(done + r);
                        int p = r * 6;
                        insert.setString(p + 1, FaultsIT.INDICATOR);
                        insert.setString(p + 2, day.toString());
                        insert.setObject(p + 3, day);
                        insert.setObject(p + 4, day);
                        insert.setObject(p + 5, day);
                        insert.setString(p + 6, "bench-" + (done + r));
                    }
                    insert.executeUpdate();
                }
            }
            double perSecond = rows / seconds(begin);
            report("raw PostgreSQL: %,d observation-shaped rows inserted %d per statement (autocommit) at %,.0f rows/s",
                    rows, ROWS_PER_INSERT, perSecond);
            return perSecond;
        }
    }

    /**
     * Memory of every process and its descendants (PostgreSQL's backends, Keycloak's JVM under its
     * launcher) from /proc/<pid>/smaps_rollup: RSS counts shared pages (PostgreSQL's shared buffers) in
     * every process; PSS shares them out, so the PSS of a process tree counts them once; USS is what
     * the tree alone holds. A service's start is Quarkus's own "started in" from its log.
     */
    void processes(SystemUnderTest sut) throws Exception {
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : sut.suite.instances(service)) {
                report("process %s-service (pid %d): %s; %s", service, instance.process().pid(), memory(instance.process().pid()),
                        startedIn(sut.suite.logs(), service + "-service-" + instance.port() + ".log"));
            }
        }
        Path pids = Path.of(sut.engines.addresses().get("state.dir"), "pids");
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path file : files.toList()) {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        report("process %s (pid %d): %s", file.getFileName(), pid, memory(pid));
                    }
                }
            }
        }
    }

    /**
     * Each service started once more, one at a time, while the rest of the suite idles: the four services
     * above start together on two cores with the engines; a pod starts with its own CPU. Ready = the
     * readiness probe's first 200 after launch (probed every 300 ms); idle memory 15 s after that.
     */
    void startedAlone(SystemUnderTest sut) throws Exception {
        // -Dbench.start-profile=<folder>: a flight recording of each start (its first 30 s) and the JVM's own
        // account of its memory once idle (native memory tracking), to see where the start and the footprint go.
        String profile = System.getProperty("bench.start-profile");
        for (String service : Suite.SERVICES) {
            String[] options = profile == null ? new String[0] : new String[] { "-XX:NativeMemoryTracking=summary",
                "-XX:StartFlightRecording=settings=profile,duration=30s,filename=" + profile + "/" + service + "-start.jfr" };
            long launched = System.nanoTime();
            Suite.Instance replica = sut.suite.addReplica(service, options);
            double ready = seconds(launched);
            Thread.sleep(15_000);
            report("started alone: %s-service ready %.1f s after launch (%s); idle 15 s later: %s", service, ready,
                    startedIn(sut.suite.logs(), service + "-service-" + replica.port() + ".log"), memory(replica.process().pid()));
            if (profile != null) {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(replica.process().pid()), "VM.native_memory", "summary")
                        .redirectOutput(Path.of(profile, service + "-idle-memory.txt").toFile()).start().waitFor();
            }
        }
    }

    static String memory(long pid) {
        long[] kb = smaps(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            long[] more = smaps(child.pid());
            for (int i = 0; i < kb.length; i++) {
                kb[i] += more[i];
            }
        }
        return String.format("RSS %d MB, PSS %d MB, USS %d MB", kb[0] / 1024, kb[1] / 1024, kb[2] / 1024);
    }

    /** RSS, PSS and USS (private clean + dirty) in kB; zeros for a process that has ended. */
    private static long[] smaps(long pid) {
        long[] kb = new long[3];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                long value = line.matches("^\\w+:\\s+\\d+ kB$") ? Long.parseLong(line.replaceAll("\\D", "")) : 0;
                if (line.startsWith("Rss:")) {
                    kb[0] = value;
                } else if (line.startsWith("Pss:")) {
                    kb[1] = value;
                } else if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                    kb[2] += value;
                }
            }
        } catch (Exception gone) {
            // the process has ended
        }
        return kb;
    }

    private static String startedIn(Path logs, String logFile) {
        try {
            return Files.readAllLines(logs.resolve(logFile)).stream()
                    .map(line -> java.util.regex.Pattern.compile("started in (\\d+\\.\\d+)s").matcher(line))
                    .filter(java.util.regex.Matcher::find).map(m -> "started in " + m.group(1) + " s").findFirst()
                    .orElse("start time not in its log");
        } catch (java.io.IOException e) {
            return "no log";
        }
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The stored responses' rows read back and inserted again, {@link #ROWS_PER_INSERT} per statement (autocommit), into a copy of the table. */
    double rawResponseInserts(SystemUnderTest sut, String where) throws Exception {
        try (java.sql.Connection connection = sut.connect("survey"); var statement = connection.createStatement()) {
            statement.execute("create temporary table raw_response (like survey_response including all)");
            List<Object[]> rows = new ArrayList<>();
            int columns;
            try (var result = statement.executeQuery("select * from survey_response where " + where)) {
                columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            String values = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            long begin = System.nanoTime();
            for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
                try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into raw_response values "
                        + String.join(", ", Collections.nCopies(chunk.size(), values)))) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        for (Object value : row) {
                            insert.setObject(p++, value);
                        }
                    }
                    insert.executeUpdate();
                }
            }
            double perSecond = rows.size() / seconds(begin);
            report("raw PostgreSQL: the same %,d survey_response rows inserted %d per statement (autocommit) at %,.0f rows/s",
                    rows.size(), ROWS_PER_INSERT, perSecond);
            return perSecond;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double seconds(long fromNanos) {
        return seconds(fromNanos, System.nanoTime());
    }

    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    void report(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println("[benchmark] " + line);
    }
}
