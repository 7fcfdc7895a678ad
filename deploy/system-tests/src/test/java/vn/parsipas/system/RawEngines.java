package vn.parsipas.system;

import static vn.parsipas.system.BenchmarkReport.pace;
import static vn.parsipas.system.BenchmarkReport.percentile;
import static vn.parsipas.system.BenchmarkReport.seconds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The engines of the suite's run measured alone, no service involved, so that every suite figure has the
 * raw engine's figure of the same run beside it: the broker's rate and latency, PostgreSQL's batched inserts.
 */
final class RawEngines {
    static final int ROWS_PER_INSERT = 500;

    private final SystemUnderTest sut;
    private final BenchmarkReport report;

    RawEngines(SystemUnderTest sut, BenchmarkReport report) {
        this.sut = sut;
        this.report = report;
    }

    /**
     * Raw Kafka, no service involved: {@code count} 1 KB records produced (acks=all) to a topic of 6
     * partitions, flat out ({@code rate} 0) or at a fixed rate, while a consumer reads them; latency =
     * received − the send time stamped in the record. Returns produced/s, consumed/s, p50 and p99 ms.
     */
    double[] broker(int count, int rate) throws Exception {
        String bootstrap = sut.engines.addresses().get("kafka.bootstrap.servers");
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
        report.add("raw broker: %,d records of 1 KB produced at %,.0f/s%s (acks=all) and consumed alongside, all received at "
                + "%,.0f/s; produce→consume latency p50 %d ms, p99 %d ms", count, produced, rate == 0 ? " (flat out)" : " (fixed rate)",
                consumed, percentile(sorted, 50), percentile(sorted, 99));
        return new double[] {produced, consumed, percentile(sorted, 50), percentile(sorted, 99)};
    }

    /**
     * Raw PostgreSQL, no service involved: rows shaped as an observation inserted into a scratch table
     * of the indicator database, {@value #ROWS_PER_INSERT} rows per multi-row INSERT, one transaction per
     * statement. Returns rows/s.
     */
    double observationInserts(int rows) throws Exception {
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
            report.add("raw PostgreSQL: %,d observation-shaped rows inserted %d per statement (autocommit) at %,.0f rows/s",
                    rows, ROWS_PER_INSERT, perSecond);
            return perSecond;
        }
    }

    /** The stored responses' rows read back and inserted again, {@link #ROWS_PER_INSERT} per statement (autocommit), into a copy of the table. */
    double responseInserts(String where) throws Exception {
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
            report.add("raw PostgreSQL: the same %,d survey_response rows inserted %d per statement (autocommit) at %,.0f rows/s",
                    rows.size(), ROWS_PER_INSERT, perSecond);
            return perSecond;
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
}
