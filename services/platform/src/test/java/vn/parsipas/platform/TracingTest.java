package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.testapp.AgencyCopyService;
import vn.parsipas.platform.tracing.EventLogContext;
import vn.parsipas.platform.tracing.EventSpans;

/**
 * One trace across the outbox and Kafka, and the event on a consumer's log lines: a change made in a
 * trace keeps its traceparent in the outbox row, the relay publishes it (CloudEvents extension and
 * Kafka header), and the consumer's lines name the event's id and type.
 */
@QuarkusTest
@PlatformTest
class TracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    AgencyCopyService service;

    @Inject
    EventSpans spans;

    @Inject
    Pool pool;

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                lines.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        java.util.logging.Logger.getLogger("vn.parsipas.platform").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        java.util.logging.Logger.getLogger("vn.parsipas.platform").removeHandler(capture);
    }

    @Test
    void aChangeMadeInATraceIsPublishedInItAndTheConsumersLinesNameTheEvent() throws Throwable {
        String code = Fixtures.uniqueCode();
        String traceparent = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

        VertxContextSupport.subscribeAndAwait(() -> spans.continueTrace("test request", SpanKind.SERVER, traceparent,
                () -> service.rename(Fixtures.agency(code, "Sở Tư pháp"), false)));

        String stored = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                        "select traceparent from outbox where message_key = $1").execute(Tuple.of(code)))
                .iterator().next().getString("traceparent");
        assertThat(stored).as("the outbox row keeps the trace").startsWith("00-" + TRACE_ID + "-");
        JsonNode envelope;
        try (TestKafka kafka = Fixtures.kafka()) {
            TestKafka.Received record = kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES),
                    records -> records.stream().anyMatch(r -> code.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> code.equals(r.key())).findFirst().orElseThrow();
            envelope = EventJson.mapper().readTree(record.value());
            assertThat(envelope.get("traceparent").asText()).as("CloudEvents distributed-tracing extension").isEqualTo(stored);
            assertThat(record.headers().get("traceparent")).as("Kafka header").startsWith("00-" + TRACE_ID + "-");
        }

        // The test app consumes the topic it publishes: its line written after a database round trip names the event.
        String eventId = envelope.get("id").asText();
        ExtLogRecord applying = await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                .filter(line -> line.getFormattedMessage().equals("applying agency " + code)).findFirst().orElse(null), line -> line != null);
        assertThat(applying.getMdcCopy()).containsEntry(EventLogContext.ID, eventId)
                .containsEntry(EventLogContext.TYPE, EventType.AGENCY_UPSERTED.type());
    }

    @Test
    void aDeadLetteredRecordsLineNamesTheEventAndTheMdcIsClearedAfterIt() throws Throwable {
        String code = Fixtures.uniqueCode();
        String refusedId = UUID.randomUUID().toString();
        String nextCode = Fixtures.uniqueCode();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(Topics.DIRECTORY_AGENCIES, code, envelope(refusedId, code, "Sở BỊ TỪ CHỐI"));
            kafka.sendStructured(Topics.DIRECTORY_AGENCIES, code, envelope(UUID.randomUUID().toString(), nextCode, "Sở Nội vụ"));
        }

        ExtLogRecord refused = await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                .filter(line -> line.getFormattedMessage().contains("dead-lettering a record")
                        && line.getFormattedMessage().contains(code)).findFirst().orElse(null), line -> line != null);
        assertThat(refused.getMdcCopy()).containsEntry(EventLogContext.ID, refusedId)
                .containsEntry(EventLogContext.TYPE, EventType.AGENCY_UPSERTED.type());
        // the next record's lines name the next event, not the refused one
        ExtLogRecord next = await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                .filter(line -> line.getFormattedMessage().equals("applying agency " + nextCode)).findFirst().orElse(null), line -> line != null);
        assertThat(next.getMdcCopy().get(EventLogContext.ID)).isNotEqualTo(refusedId);
    }

    private static String envelope(String id, String code, String name) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/igate\",\"type\":\""
                + EventType.AGENCY_UPSERTED.type() + "\",\"subject\":\"" + code + "\",\"datacontenttype\":\"application/json\","
                + "\"traceparent\":\"00-" + TRACE_ID + "-00f067aa0ba902b7-01\",\"data\":"
                + EventJson.mapper().valueToTree(Fixtures.agency(code, name)) + "}";
    }
}
