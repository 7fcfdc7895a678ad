package vn.parsipas.survey.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the engines alone do with the records and rows the service just handled, in the same run:
 * the figures the service's rates are divided by.
 */
final class RawEngines {
    private RawEngines() {
    }

    /** Records/s a plain consumer reads the topic from its beginning at, with the service's poll size; no parsing, no commit. */
    static double consumeRate(String bootstrapServers, String topic, long records, int pollRecords) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, pollRecords);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = System.nanoTime();
            while (read < records) {
                read += consumer.poll(Duration.ofSeconds(1)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Rows/s of plain multi-row INSERTs of the given rows into a copy of their table (same columns,
     * indexes and constraints but the foreign keys), {@code batch} rows per statement, each its own
     * transaction.
     */
    static double insertRate(Connection connection, String table, String where, int batch) throws SQLException {
        String copy = table + "_raw_insert";
        List<Object[]> rows = new ArrayList<>();
        int columns;
        try (var statement = connection.createStatement()) {
            statement.execute("drop table if exists " + copy);
            statement.execute("create table " + copy + " (like " + table + " including all)");
            try (var result = statement.executeQuery("select * from " + table + " where " + where)) {
                columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batch) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + batch));
            try (PreparedStatement insert = connection.prepareStatement("insert into " + copy + " values " + values(chunk.size(), columns))) {
                int parameter = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        insert.setObject(parameter++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
        double rate = rows.size() / ((System.nanoTime() - start) / 1e9);
        try (var statement = connection.createStatement()) {
            statement.execute("drop table " + copy);
        }
        return rate;
    }

    private static String values(int rows, int columns) {
        StringJoiner row = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < columns; i++) {
            row.add("?");
        }
        StringJoiner all = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            all.add(row.toString());
        }
        return all.toString();
    }
}
