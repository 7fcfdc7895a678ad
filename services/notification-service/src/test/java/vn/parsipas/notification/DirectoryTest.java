package vn.parsipas.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.contracts.directory.AgencyUpserted;

@QuarkusTest
@NotificationServiceTest
class DirectoryTest {
    @Inject
    Clock clock;

    /**
     * Security review M3: a record dated 2999 with an attacker's e-mail and webhook must not freeze
     * the agency against its genuine later updates.
     */
    @Test
    void aRecordFromTheFutureCannotPinAnAgencyAgainstLaterUpdates() {
        String code = Scenario.code("SO-THU");
        try (Scenario scenario = new Scenario()) {
            scenario.upsert(new AgencyUpserted(code, "Cơ quan giả mạo", "department", "VP-UBND-TINH",
                    List.of("canbo@gia-mao.vn"), scenario.receiver.url("/hooks/attacker"), true,
                    Instant.parse("2999-01-01T00:00:00Z")));
            // A genuine update from a producer whose clock runs 10 minutes ahead: later than the cap.
            scenario.send(new AgencyUpserted(code, "Sở thật", "department", "VP-UBND-TINH", List.of(Scenario.email(code)),
                    scenario.receiver.url(Scenario.hookPath(code)), true, clock.instant().plus(Duration.ofMinutes(10))));

            await().atMost(Scenario.WAIT).untilAsserted(() -> Scenario.asCoordinator()
                    .get("/api/v1/agencies/{code}/webhook", code).then().statusCode(200)
                    .body("agencyName", equalTo("Sở thật"))
                    .body("url", equalTo(scenario.receiver.url(Scenario.hookPath(code)))));
        }
    }
}
