package vn.parsipas.survey.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted.Answer;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;
import vn.parsipas.survey.Fixtures;

/**
 * The survey-service benchmark (docs/benchmarks/survey-service.md): responses/s through REST batches
 * and through Kafka, then the latency of a sub-index query over 1,000,000 stored responses.
 * Run with {@code ./mvnw -B -ntp -pl services/survey-service -am verify -Pbenchmark -DskipTests}.
 */
public final class SurveyBenchmark {
    static final int AGENCIES = 20;
    static final int REST_RESPONSES = Integer.getInteger("bench.rest", 20_000);
    static final int KAFKA_RESPONSES = Integer.getInteger("bench.kafka", 100_000);
    static final int KAFKA_WITH_CODES = Integer.getInteger("bench.kafka-codes", 50_000);
    /** The benchmark's receipt codes: RECEIPT0, RECEIPT1, ... */
    static final String RECEIPT = "BENCH-RC-";
    static final int STORED = Integer.getInteger("bench.stored", 1_000_000);
    static final int QUERIES = Integer.getInteger("bench.queries", 5_000);
    static final int BATCH = 500;
    /** The raw engines' batch: the raw consumer's max.poll.records, the raw INSERT's rows per statement (the REST batch's limit). */
    static final int POLL = 500;
    /** A kiosk platform bound to every agency, with a quota far above the benchmark's responses (none has a receipt PIN). */
    private static final String KIOSK = "Bearer " + Fixtures.provider("survey-kiosk", List.of("sipas-2025"), List.of("*"), 100_000_000);
    static final String KAFKA_SOURCE = "/bench-kiosk";
    private static final String OPERATOR = "Bearer " + TestTokens.operator();
    private static final String COORDINATOR = "Bearer " + TestTokens.coordinator();

    private static final Random RANDOM = new Random(2025);
    private static final List<String> REPORT = new ArrayList<>();

    private SurveyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        try (BenchService service = BenchService.start(module)) {
            report("machine: %d cores, Java %s, load average at start %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), load());
            agencies(service);
            restBatches(service);
            kafka(service);
            fill(service);
            queries(service);
        }
        Files.write(module.resolve("target/benchmark/results.txt"), REPORT, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static void agencies(BenchService service) throws Exception {
        try (KafkaProducer<String, String> producer = producer(service)) {
            for (int i = 0; i < AGENCIES; i++) {
                AgencyUpserted agency = new AgencyUpserted(agency(i), "Cơ quan " + i, "department", "VP-UBND-TINH", List.of(), null, true,
                        Instant.now());
                producer.send(new ProducerRecord<>(Topics.DIRECTORY_AGENCIES, agency.code(), CloudEventReader.envelope(
                        EventType.AGENCY_UPSERTED, UUID.randomUUID().toString(), "/bench", agency.code(),
                        EventJson.mapper().valueToTree(agency)).toString()));
            }
        }
        while (service.count("select count(*) from agency") < AGENCIES) {
            Thread.sleep(200);
        }
    }

    /** Two clients post batches of 500 concurrently, as two kiosks' platforms would. */
    private static void restBatches(BenchService service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> bodies = new ArrayList<>();
        for (int sent = 0; sent < REST_RESPONSES; sent += BATCH) {
            List<ObjectNode> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(EventJson.mapper().valueToTree(response()));
            }
            bodies.add(EventJson.mapper().writeValueAsString(Map.of("responses", batch)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Instant start = Instant.now();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String body : bodies) {
            statuses.add(clients.submit(() -> http.send(HttpRequest.newBuilder(URI.create(service.baseUrl + "/api/v1/responses/batch"))
                    .header("Content-Type", "application/json").header("Authorization", KIOSK)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> status : statuses) {
            if (status.get() != 200) {
                throw new IllegalStateException("a batch was answered " + status.get());
            }
        }
        Duration elapsed = Duration.between(start, Instant.now());
        clients.shutdown();
        long stored = service.count("select count(*) from survey_response where door = 'rest'");
        report("REST batch: %d responses in %d batches of %d, 2 clients: %.1f s, %.0f responses/s (%d stored; load average %s)",
                REST_RESPONSES, bodies.size(), BATCH, seconds(elapsed), REST_RESPONSES / seconds(elapsed), stored, load());
    }

    /**
     * Responses over Kafka end to end (stored, aggregates updated), then what the raw engines do with
     * the same records and rows in the same run: a plain consumer reading the topic, and plain
     * multi-row INSERTs of the stored rows, as many per statement as the service's poll. Twice: as a
     * kiosk platform sends them (no receipt code, within the source's daily quota), and as kiosks that
     * scanned the receipt send them (receipt code and PIN: each code's row is locked and used).
     */
    private static void kafka(BenchService service) throws Exception {
        kafka(service, "without receipt code", KAFKA_RESPONSES, i -> response(null, null, agency(RANDOM.nextInt(AGENCIES))),
                "door = 'kafka' and receipt_code is null");
        registerReceipts(service, KAFKA_WITH_CODES);
        kafka(service, "with receipt code and PIN", KAFKA_WITH_CODES, i -> response(RECEIPT + i, pin(i), agency(i % AGENCIES)),
                "door = 'kafka' and receipt_code like '" + RECEIPT + "%'");
    }

    private static void kafka(BenchService service, String label, int count, IntFunction<SurveyResponseSubmitted> make, String stored)
            throws Exception {
        if (count == 0) {
            return;
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SurveyResponseSubmitted response = make.apply(i);
            records.add(new ProducerRecord<>(Fixtures.topicOf(KAFKA_SOURCE),
                    response.receiptCode() != null ? response.receiptCode() : response.agencyCode(), CloudEventReader.envelope(
                    EventType.SURVEY_RESPONSE_SUBMITTED, UUID.randomUUID().toString(), KAFKA_SOURCE, response.responseId(),
                    EventJson.mapper().valueToTree(response)).toString()));
        }
        // Counted in the aggregates (one row read, as a dashboard would): a count(*) of the responses every
        // 50 ms would scan the table and take CPU from the service on this 2-core machine.
        String counted = "select coalesce(sum(responses), 0) from sub_index_stat where sub_index = '2.2.1' and scope = 'PROVINCE' and period = '2025'";
        String rows = "select count(*) from survey_response where " + stored;
        long rowsBefore = service.count(rows);
        Connection poll = service.database();
        long before = count(poll, counted);
        double[] cpuBefore = {cpuSeconds(service.process.pid()), postgresCpuSeconds()};
        Instant start = Instant.now();
        try (KafkaProducer<String, String> producer = producer(service)) {
            records.forEach(producer::send);
        }
        Duration produced = Duration.between(start, Instant.now());
        Instant tenth = null;
        Instant ninetieth = null;
        for (long done = 0; done < count; Thread.sleep(50)) {
            done = count(poll, counted) - before;
            tenth = tenth == null && done >= count / 10 ? Instant.now() : tenth;
            ninetieth = ninetieth == null && done >= count * 9 / 10 ? Instant.now() : ninetieth;
        }
        Duration elapsed = Duration.between(start, Instant.now());
        double serviceCpu = cpuSeconds(service.process.pid()) - cpuBefore[0];
        double postgresCpu = postgresCpuSeconds() - cpuBefore[1];
        poll.close();
        if (service.count(rows) - rowsBefore != count) {
            throw new IllegalStateException("the aggregates count " + count + " new responses, the table does not");
        }
        double endToEnd = count / seconds(elapsed);
        double steady = 0.8 * count / seconds(Duration.between(tenth, ninetieth));
        report("Kafka, %s: %d SurveyResponseSubmitted (6 partitions, produced in %.1f s) stored and counted in %.1f s: %.0f responses/s;"
                + " between 10 %% and 90 %% stored: %.0f responses/s (load average %s)", label, count, seconds(produced),
                seconds(elapsed), endToEnd, steady, load());
        report("CPU per 1,000 responses over Kafka, %s: survey-service %.0f ms, PostgreSQL backends of its database %.0f ms", label,
                1000 * serviceCpu / count * 1000, 1000 * postgresCpu / count * 1000);
        double consumed = RawEngines.consumeRate(service.engines.kafkaBootstrapServers(), Fixtures.topicOf(KAFKA_SOURCE), count, POLL);
        double inserted;
        try (Connection connection = service.database()) {
            inserted = RawEngines.insertRate(connection, "survey_response", stored, POLL);
        }
        report("raw engines, same records and rows: plain consumer %.0f records/s; multi-row INSERT of %d rows a statement %.0f rows/s"
                + " (load average %s)", consumed, POLL, inserted, load());
        report("Kafka %s end to end / raw consume: %.3f (10-90 %%: %.3f); / raw batched INSERT: %.3f (10-90 %%: %.3f)", label,
                endToEnd / consumed, steady / consumed, endToEnd / inserted, steady / inserted);
    }

    /** Registers receipt codes RECEIPT0.. in SQL, as the one-stop-shop system would: agency BENCH-(i mod 20), PIN {@link #pin}. */
    private static void registerReceipts(BenchService service, int count) throws Exception {
        try (Connection connection = service.database(); var statement = connection.createStatement()) {
            statement.execute(("insert into receipt_code (code, agency_code, registered_at, expires_at, pin_hash)"
                    + " select '%1$s' || i, 'BENCH-' || (i %% %2$d), now(), now() + interval '90 days',"
                    + " encode(sha256(convert_to('%1$s' || i || ':' || lpad((i %% 1000000)::text, 6, '0'), 'UTF8')), 'hex')"
                    + " from generate_series(0, %3$d - 1) i").formatted(RECEIPT, AGENCIES, count));
        }
    }

    private static String pin(int i) {
        return String.format("%06d", i % 1_000_000);
    }

    /** Tops the table up to STORED responses in SQL, then rebuilds every sub-index from them. */
    private static void fill(BenchService service) throws Exception {
        long existing = service.count("select count(*) from survey_response");
        Instant start = Instant.now();
        try (Connection connection = service.database(); var statement = connection.createStatement()) {
            statement.execute(("insert into survey_response (response_id, questionnaire_id, questionnaire_version, agency_code,"
                    + " channel, submitted_at, received_at, door, expectations, answers)"
                    + " select 'fill-' || i, 'sipas-2025', 1, 'BENCH-' || (i %% %d), 'counter',"
                    + " timestamptz '2025-01-01 00:00+07' + (i %% 330) * interval '1 day' + (i %% 36000) * interval '1 second',"
                    + " now(), 'fill', '[]'::jsonb, jsonb_build_object("
                    + "'2.2.1-q1', s(), '2.2.1-q2', s(), '2.2.2-q1', s(), '2.2.2-q2', s(), '2.2.3-q1', s(), '2.2.3-q2', s(),"
                    + " '2.2.4-q1', s(), '2.2.6-q1', s())"
                    + " from generate_series(1, %d) i").formatted(AGENCIES, STORED - existing)
                    .replace("s()", "(1 + floor(random() * 5))::int"));
        }
        Duration filled = Duration.between(start, Instant.now());
        start = Instant.now();
        String rebuild = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl + "/api/v1/indices/rebuild"))
                .header("Authorization", OPERATOR).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Duration rebuilt = Duration.between(start, Instant.now());
        report("stored responses: %d (%d inserted in SQL in %.1f s); rebuild of every sub-index from them: %.1f s, %s",
                service.count("select count(*) from survey_response"), STORED - existing, seconds(filled), seconds(rebuilt), rebuild);
    }

    /** One client asks for single sub-indices (random sub-index, scope and period), one request at a time. */
    private static void queries(BenchService service) throws Exception {
        while (service.count("select count(*) from sub_index_stat where evaluation_due") > 0) {
            Thread.sleep(200); // the evaluator has the rebuilt aggregates to look at first
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> subIndices = List.of("2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.6");
        List<String> periods = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
        long[] nanos = new long[QUERIES];
        for (int i = -500; i < QUERIES; i++) {
            String scope = RANDOM.nextInt(AGENCIES + 1) == 0 ? "PROVINCE" : "BENCH-" + RANDOM.nextInt(AGENCIES);
            URI uri = URI.create(service.baseUrl + "/api/v1/indices/" + subIndices.get(RANDOM.nextInt(subIndices.size())) + "/" + scope
                    + "/" + periods.get(RANDOM.nextInt(periods.size())));
            long begin = System.nanoTime();
            int status = http.send(HttpRequest.newBuilder(uri).header("Authorization", COORDINATOR).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(uri + " answered " + status);
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - begin;
            }
        }
        Arrays.sort(nanos);
        report("sub-index query GET /api/v1/indices/{subIndex}/{scope}/{period} over %d stored responses, %d requests after 500 warm-up:"
                + " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (load average %s)", service.count("select count(*) from survey_response"),
                QUERIES, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99), nanos[QUERIES - 1] / 1e6, load());
    }

    private static SurveyResponseSubmitted response() {
        return response(null, null, agency(RANDOM.nextInt(AGENCIES)));
    }

    private static SurveyResponseSubmitted response(String receiptCode, String pin, String agency) {
        List<Answer> answers = new ArrayList<>();
        for (String question : List.of("2.2.1-q1", "2.2.1-q2", "2.2.2-q1", "2.2.2-q2", "2.2.3-q1", "2.2.3-q2", "2.2.4-q1", "2.2.6-q1")) {
            answers.add(new Answer(question, 1 + RANDOM.nextInt(5)));
        }
        return new SurveyResponseSubmitted(UUID.randomUUID().toString(), "sipas-2025", 1, receiptCode, pin, agency, null,
                "counter", Instant.parse("2025-06-01T02:00:00Z").plusSeconds(RANDOM.nextInt(7_000_000)), answers,
                List.of("shorter-processing-time"), null);
    }

    private static String agency(int i) {
        return "BENCH-" + i;
    }

    private static KafkaProducer<String, String> producer(BenchService service) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.engines.kafkaBootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // batches of 128 kB as a bulk producer would send them: with the default 16 kB the producer took 10-15 s
        // for 100,000 responses here, and the end-to-end figure measured the producer more than the service
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static long count(Connection connection, String sql) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** CPU time (user + system) a process has used so far, from /proc. */
    private static double cpuSeconds(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** CPU time of the PostgreSQL backends connected to the benchmark's database (the service's pool and the benchmark's own). */
    private static double postgresCpuSeconds() throws java.io.IOException {
        double total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    if (Files.readString(process.resolve("cmdline")).contains(" " + BenchService.DATABASE + " ")) {
                        total += cpuSeconds(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (java.io.IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return total;
    }

    /** The 1-minute load average: the machine is shared, so figures are only comparable at similar load. */
    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    private static void report(String format, Object... values) {
        String line = String.format(format, values);
        REPORT.add(line);
        System.out.println("[benchmark] " + line);
    }
}
