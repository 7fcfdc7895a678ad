package vn.parsipas.survey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class AgencyDirectoryTest {
    @Inject
    Clock clock;

    /** Security review M3: one record dated 2999 must not freeze the agency against every later update. */
    @Test
    void aRecordFromTheFutureCannotPinAnAgencyAgainstLaterUpdates() {
        String code = Fixtures.uniqueAgency();
        try (TestKafka kafka = Fixtures.kafka()) {
            upsert(kafka, code, "Cơ quan giả mạo", Instant.parse("2999-01-01T00:00:00Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> name(code).equals(List.of("{\"name\":\"Cơ quan giả mạo\"}")));
            // A genuine update from a producer whose clock runs 10 minutes ahead: later than the cap.
            upsert(kafka, code, "Sở thật", clock.instant().plus(Duration.ofMinutes(10)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(name(code))
                .containsExactly("{\"name\":\"Sở thật\"}"));
    }

    private static void upsert(TestKafka kafka, String code, String name, Instant updatedAt) {
        AgencyUpserted agency = new AgencyUpserted(code, name, "department", "VP-UBND-TINH", List.of(), null, true, updatedAt);
        kafka.sendStructured(Topics.DIRECTORY_AGENCIES, code, Fixtures.envelope(EventType.AGENCY_UPSERTED,
                "/parsipas/task-service", code, agency));
    }

    private static List<String> name(String code) {
        return Fixtures.rows("select name from agency where code = $1", code);
    }
}
