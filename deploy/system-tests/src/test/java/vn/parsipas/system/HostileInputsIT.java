package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.devstack.Suite;

/**
 * A thousand malformed or hostile inputs through every door: 500 REST requests get a clear 4xx
 * problem (or, for indicator batches, every item rejected with its reason), 500 Kafka records end in
 * their dead-letter topic with the reason; nothing of them is stored and every service stays ready.
 */
class HostileInputsIT {
    static SystemUnderTest sut;
    static ExternalProducer kafka;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.get();
        kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo);
    }

    @Test
    void aThousandHostileInputsGetClearErrorsOrDeadLetters() throws Exception {
        String run = "hostile-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> refusals = new ArrayList<>();
        String igate = sut.client.systemToken("igate");
        String kiosk = sut.client.systemToken("survey-kiosk");
        String coordinator = sut.client.userToken("coordinator.snv");
        List<byte[]> hostileValues = hostileValues();
        int rest = 0;
        for (int i = 0; i < 500; i++) {
            byte[] body = hostileValues.get(i % hostileValues.size());
            String target = switch (i % 3) {
                case 0 -> sut.url("indicator") + "/api/v1/observations|" + igate;
                case 1 -> sut.url("survey") + "/api/v1/responses|" + kiosk;
                default -> sut.url("task") + "/api/v1/tasks|" + coordinator;
            };
            String[] parts = target.split("\\|");
            HttpResponse<String> answer = FaultsIT.postBytes(parts[0], parts[1], wrap(i % 3, body),
                    Map.of("Idempotency-Key", run + "-rest-" + i));
            rest++;
            String type = answer.headers().firstValue("content-type").orElse("");
            if (answer.statusCode() == 200 && i % 3 == 0 && nothingImported(answer.body())) {
                continue; // indicator-service answers a batch item by item: every item rejected, with its reason
            }
            if (answer.statusCode() < 400 || answer.statusCode() >= 500
                    || (answer.statusCode() != 413 && !type.startsWith("application/problem+json"))
                    || answer.body().contains("Exception") || answer.body().contains("at vn.parsipas")) {
                refusals.add(parts[0] + " " + answer.statusCode() + " " + type + " " + abbreviate(answer.body()));
            }
        }
        assertThat(refusals).as("REST answers that were not a clear 4xx problem").isEmpty();

        int sent = 0;
        for (int i = 0; i < 500; i++) {
            String topic = i % 2 == 0 ? ExternalProducer.topicOf("indicators.observations.v1", "igate")
                    : ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk");
            kafka.send(topic, run + "-" + i, hostileRecord(i, topic));
            sent++;
        }
        kafka.flush();
        int expected = sent;
        await().atMost(FaultsIT.PATIENCE).untilAsserted(() -> assertThat(deadLetters(run)).isEqualTo(expected));
        assertThat(rest + sent).isEqualTo(1000);
        for (String service : Suite.SERVICES) {
            assertThat(sut.client.get(sut.url(service) + "/q/health/ready", null).status()).isEqualTo(200);
        }
        assertThat(sut.count("indicator", "select count(*) from observation where scope like '%<%' or indicator_code like '%''%'")).isZero();
    }

    /** Records with this run's keys on the dead-letter topics. */
    static long deadLetters(String run) {
        java.util.Properties config = new java.util.Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, sut.engines.addresses().get("kafka.bootstrap.servers"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("indicators.observations.v1.dlq", "sipas.responses.v1.dlq")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long found = 0;
            long quiet = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < quiet) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).startsWith(run + "-")) {
                        found++;
                        assertThat(record.headers().lastHeader("dead-letter-reason")).as("a dead letter says why").isNotNull();
                    }
                    quiet = System.currentTimeMillis() + 2_000;
                }
            }
            return found;
        }
    }

    /** Malformed or hostile payload fragments, each wrapped below into the door's document shape. */
    static List<byte[]> hostileValues() {
        List<byte[]> values = new ArrayList<>();
        values.add("{\"value\": \"not a number\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"value\": 1e999999}".getBytes(StandardCharsets.UTF_8));
        values.add(("{\"text\": \"" + "Đ".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] badUtf8 = "{\"text\": \"Sở Tư pháp \u0000 XX\"}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xC3;
        badUtf8[badUtf8.length - 3] = (byte) 0x28;
        values.add(badUtf8);
        values.add("{\"code\": \"x'; drop table observation; --\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"code\": \"<script>alert('xss')</script>\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"source\": \"/finance-system\", \"forged\": true}".getBytes(StandardCharsets.UTF_8));
        values.add("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".getBytes(StandardCharsets.UTF_8));
        values.add("not json at all".getBytes(StandardCharsets.UTF_8));
        values.add(new byte[0]);
        return values;
    }

    /** Puts a hostile fragment where each door expects its document, so parsing gets past the first brace. */
    static byte[] wrap(int door, byte[] fragment) {
        String text = new String(fragment, StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            return fragment;
        }
        String inner = text.substring(1, text.length() - 1);
        String document = switch (door) {
            case 0 -> "{\"observations\":[{\"indicatorCode\":\"" + FaultsIT.INDICATOR + "\",\"scope\":\"<script>\",\"period\":\"2025-06\","
                    + inner.replace("\"code\"", "\"indicatorCode\"").replace("\"text\"", "\"note\"") + "}]}";
            case 1 -> "{\"questionnaireId\":\"sipas-2025\",\"questionnaireVersion\":\"one\",\"receiptCode\":\"x'; drop table survey_response; --\","
                    + inner + "}";
            default -> "{\"leadAgency\":\"<script>\",\"deadline\":123," + inner.replace("\"text\"", "\"title\"") + "}";
        };
        return document.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hostileRecord(int i, String topic) {
        List<byte[]> values = hostileValues();
        byte[] fragment = values.get(i % values.size());
        String text = new String(fragment, StandardCharsets.UTF_8);
        if (i % 5 == 0 || !text.startsWith("{")) {
            return fragment; // not a CloudEvent at all
        }
        boolean observations = topic.startsWith("indicators");
        ObjectNode data = kafka.example(observations ? "indicator-observed.v1" : "survey-response-submitted.v1");
        switch (i % 5) {
            case 1 -> data.put(observations ? "value" : "questionnaireVersion", "wrong type");
            case 2 -> data.put(observations ? "scope" : "agencyCode", "<script>alert(1)</script>");
            case 3 -> data.put(observations ? "indicatorCode" : "receiptCode", "x'; drop table observation; --");
            default -> data.remove(observations ? "value" : "answers");
        }
        // forged: igate writing as another system on its own topic
        String source = observations && i % 7 == 0 ? "/tax-system" : observations ? "/igate" : "/survey-kiosk";
        return kafka.envelope("hostile-" + i + "-" + UUID.randomUUID(), observations ? FaultsIT.OBSERVED : FaultsIT.RESPONSE,
                observations ? "indicator-observed.v1" : "survey-response-submitted.v1", source, "hostile", data)
                .getBytes(StandardCharsets.UTF_8);
    }

    static boolean nothingImported(String body) {
        try {
            var summary = SystemUnderTest.JSON.readTree(body);
            return summary.at("/importCount/imported").asInt() == 0 && summary.at("/importCount/updated").asInt() == 0
                    && summary.at("/importCount/rejected").asInt() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
