package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.parsipas.platform.events.RecordAgeLimit;

class RecordAgeLimitTest {
    @Test
    void aServiceThatPutsTheConnectorsRecordAgeLimitBackDoesNotStart() {
        assertThatCode(() -> RecordAgeLimit.requireNone(Map.of(
                "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", "0"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RecordAgeLimit.requireNone(Map.of(
                "mp.messaging.incoming.responses.throttled.unprocessed-record-max-age.ms", "60000")))
                .hasMessageContaining("mp.messaging.incoming.responses.throttled.unprocessed-record-max-age.ms=60000")
                .hasMessageContaining("parsipas.events.max-retry");
    }
}
