package vn.parsipas.platform.events;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import vn.parsipas.contracts.JsonLimits;

/**
 * Gives every dead-letter record the headers contracts/asyncapi.yaml declares, and only those, on
 * top of the rejected record's own: {@code dead-letter-reason}, {@code -cause} (when there is one),
 * {@code -topic}, {@code -partition}, {@code -offset} and {@code -service}. It is the dead-letter
 * producer's interceptor of every incoming channel (platform defaults, {@code dead-letter-queue.interceptor-bean}).
 *
 * <ul>
 *   <li>SmallRye's {@code dead-letter-exception-class-name} and {@code dead-letter-cause-class-name}
 *       are dropped: a Java class name means nothing to the system that sent the record.</li>
 *   <li>Reason and cause are one line of at most {@link InvalidEventException#MAX_REASON} characters,
 *       control characters escaped, as every reason is ({@link JsonLimits#oneLine}).</li>
 *   <li>A {@code dead-letter-*} header the rejected record already carried (a dead letter replayed
 *       after a fix, or a forged one) is dropped, so a reader taking the last header of a name reads
 *       this rejection's.</li>
 *   <li>{@code dead-letter-service} names the service that refused the record: the consumers add it
 *       to their nack ({@link #of}), so SmallRye writes it after the record's own headers, and the
 *       last one is kept. Several services read some topics, and each replays only its own refusals.</li>
 * </ul>
 */
@ApplicationScoped
@Identifier(DeadLetterHeaders.ID)
public class DeadLetterHeaders implements ProducerInterceptor<Object, Object> {
    public static final String ID = "parsipas-dead-letter-headers";
    /** The service that refused the record (its application name, e.g. {@code survey-service}). */
    public static final String SERVICE = "dead-letter-service";
    private static final String PREFIX = "dead-letter-";
    private static final Set<String> DECLARED = Set.of(DEAD_LETTER_REASON, DEAD_LETTER_CAUSE, DEAD_LETTER_TOPIC,
            DEAD_LETTER_PARTITION, DEAD_LETTER_OFFSET);
    private static final Set<String> TEXTS = Set.of(DEAD_LETTER_REASON, DEAD_LETTER_CAUSE);
    private static final Pattern CLASS_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z][\\w$]*");

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Headers headers = new RecordHeaders();
        // SmallRye writes its dead-letter headers first, ending with the offset, then the record's own.
        boolean recordsOwn = false;
        Header service = record.headers().lastHeader(SERVICE);
        for (Header header : record.headers()) {
            String name = header.key();
            if (recordsOwn && !name.startsWith(PREFIX)) {
                headers.add(header);
            } else if (!recordsOwn && DECLARED.contains(name)) {
                headers.add(name, TEXTS.contains(name) ? text(header.value()) : header.value());
            }
            recordsOwn = recordsOwn || DEAD_LETTER_OFFSET.equals(name);
        }
        if (service != null) {
            headers.add(SERVICE, service.value());
        }
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(), record.value(),
                headers);
    }

    /** What a consumer nacks a record with, so that its dead letter names the service that refused it. */
    public static Metadata of(String service) {
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(new RecordHeaders().add(SERVICE, service.getBytes(StandardCharsets.UTF_8))).build());
    }

    /** A failure without a message leaves SmallRye only its class name to write: that says nothing to a reader. */
    private static byte[] text(byte[] value) {
        String line = JsonLimits.oneLine(new String(value, StandardCharsets.UTF_8), InvalidEventException.MAX_REASON);
        return (CLASS_NAME.matcher(line).matches() ? InvalidEventException.NO_MESSAGE : line).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing to do once the record is written
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
