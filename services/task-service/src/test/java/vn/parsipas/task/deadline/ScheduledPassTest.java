package vn.parsipas.task.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.parsipas.contracts.Topics;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/**
 * The scheduled pass on its own: with a poll interval of a minute, the overdue fact still leaves within
 * moments of the deadline, because after each pass a timer is armed for the next trigger.
 */
@QuarkusTest
@TaskServiceTest
@TestProfile(ScheduledPassTest.MinutePoll.class)
class ScheduledPassTest {
    public static class MinutePoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parsipas.task.deadlines.check-interval", "60s");
        }
    }

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOverdueFactLeavesAsTheDeadlinePassesWithoutWaitingForThePoll() {
        clock.shiftTo(Fixtures.local("2037-03-31T23:59:40"));
        String lead = Fixtures.createAgency("Sở Xây dựng thử nghiệm");
        String id = Fixtures.createTask("Công bố chỉ số giá xây dựng quý I.", lead, List.of(), LocalDate.parse("2037-03-31"));

        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, id, 2);

        assertThat(facts).extracting(e -> e.get("id").asText())
                .containsExactly("due-soon/" + id + "/2037-03-31/1", "overdue/" + id + "/2037-03-31");
        Instant dueAt = Fixtures.local("2037-04-01T00:00:00");
        Instant detectedAt = Instant.parse(facts.get(1).at("/data/detectedAt").asText());
        assertThat(Duration.between(dueAt, detectedAt)).isBetween(Duration.ZERO, Duration.ofSeconds(3));
    }
}
