package vn.parsipas.task.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.parsipas.task.Fixtures.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/**
 * Due-soon and overdue facts, driven by the injected clock: the test moves time and runs detection
 * passes (the scheduled pass is off in tests), then reads tasks.deadlines.v1 back from Kafka.
 */
@QuarkusTest
@TaskServiceTest
class DeadlineFactsTest {
    @Inject
    ShiftableClock clock;

    @Inject
    DeadlineDetector detector;

    @Inject
    Pool pool;

    private String lead;

    @BeforeEach
    void givenAnAgency() {
        lead = Fixtures.createAgency("Sở Giao thông vận tải");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dueSoonFactsFireAtEachLeadTimeThenOneOverdueFactAndEachOnlyOnce() throws Throwable {
        clock.shiftTo(Fixtures.local("2031-03-01T10:00:00"));
        String id = Fixtures.createTask("Cập nhật Kiến trúc Chính quyền điện tử phiên bản 4.0.", lead, List.of(),
                LocalDate.parse("2031-05-31"));
        pass();
        passesAt("2031-05-02T00:00:01", 2);
        passesAt("2031-05-25T00:00:01", 2);
        passesAt("2031-05-31T00:00:01", 2);
        passesAt("2031-06-01T00:00:01", 2);
        passesAt("2031-08-01T00:00:00", 1);

        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, id, 4);
        assertThat(facts).extracting(e -> e.get("id").asText()).containsExactly(
                "due-soon/" + id + "/2031-05-31/30", "due-soon/" + id + "/2031-05-31/7",
                "due-soon/" + id + "/2031-05-31/1", "overdue/" + id + "/2031-05-31");
        assertThat(facts.subList(0, 3)).extracting(e -> e.at("/data/daysBefore").asInt()).containsExactly(30, 7, 1);
        assertThat(facts.get(0).at("/data/detectedAt").asText()).startsWith("2031-05-01T17:00");
        assertThat(facts.get(3).get("type").asText()).isEqualTo(EventType.TASK_OVERDUE.type());
        assertThat(facts.get(3).at("/data/dueAt").asText()).isEqualTo("2031-05-31T17:00:00Z");
        assertThat(facts.get(3).at("/data/leadAgency").asText()).isEqualTo(lead);
        api().get("/api/v1/tasks/" + id).then().body("overdue", equalTo(true))
                .body("deadlineFacts.overdueRaised", equalTo(true)).body("deadlineFacts.nextCheck", nullValue());
    }

    @Test
    void twoInstancesPassingAtTheSameTimeRaiseEachFactExactlyOnce() throws Throwable {
        clock.shiftTo(Fixtures.local("2032-01-10T12:00:00"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(Fixtures.createTask("Báo cáo kết quả thực hiện quý " + i, lead, List.of(), LocalDate.parse("2032-01-15")));
        }

        race();
        clock.shiftTo(Fixtures.local("2032-01-16T00:00:00"));
        race();
        race();

        Set<String> ours = Set.copyOf(ids);
        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, ours::contains, 60);
        assertThat(facts).hasSize(60);
        assertThat(facts).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(facts).filteredOn(e -> e.get("subject").asText().equals(id)).extracting(e -> e.get("id").asText())
                    .containsExactly("due-soon/" + id + "/2032-01-15/7", "overdue/" + id + "/2032-01-15");
        }
    }

    @Test
    void aDeadlineChangeClearsTheRaisedFactsAndArmsTheNewDeadline() throws Throwable {
        clock.shiftTo(Fixtures.local("2033-03-01T09:00:00"));
        String id = Fixtures.createTask("Ban hành quy chế quản lý tài sản công.", lead, List.of(), LocalDate.parse("2033-03-05"));
        pass();
        api().body(Map.of("deadline", "2033-04-30", "reason", "Chờ ý kiến thẩm định của Sở Tư pháp."))
                .post("/api/v1/tasks/" + id + "/change-deadline").then().statusCode(200);
        passesAt("2033-03-06T00:00:01", 1);
        passesAt("2033-03-31T23:59:59", 1);
        passesAt("2033-04-01T00:00:01", 1);

        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, id, 3);
        assertThat(facts).extracting(e -> e.get("id").asText()).containsExactly("due-soon/" + id + "/2033-03-05/7",
                "deadline-cleared/" + id + "/2033-03-05", "due-soon/" + id + "/2033-04-30/30/r2");
        JsonNode cleared = facts.get(1);
        assertThat(cleared.get("type").asText()).isEqualTo(EventType.TASK_DEADLINE_CLEARED.type());
        assertThat(cleared.at("/data/resolution").asText()).isEqualTo("deadline-changed");
        assertThat(cleared.at("/data/previousDeadline").asText()).isEqualTo("2033-03-05");
        assertThat(cleared.at("/data/deadline").asText()).isEqualTo("2033-04-30");
        assertThat(cleared.at("/data/wasOverdue").asBoolean()).isFalse();
    }

    @Test
    void completionClearsAnOverdueFactAndReopeningRaisesItAgain() throws Throwable {
        clock.shiftTo(Fixtures.local("2034-01-02T09:00:00"));
        String id = Fixtures.createTask("Công bố năng lực nhà thầu xây lắp.", lead, List.of(), LocalDate.parse("2034-03-31"));
        passesAt("2034-04-01T00:00:01", 1);
        api().body(Map.of("note", "Đã công bố trên Cổng thông tin.")).post("/api/v1/tasks/" + id + "/complete")
                .then().statusCode(200).body("completedOnTime", equalTo(false));
        passesAt("2034-04-05T00:00:00", 1);
        api().body(Map.of("reason", "Danh sách công bố còn thiếu.")).post("/api/v1/tasks/" + id + "/reopen")
                .then().statusCode(200);
        pass();

        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, id, 3);
        assertThat(facts).extracting(e -> e.get("id").asText()).containsExactly("overdue/" + id + "/2034-03-31",
                "deadline-cleared/" + id + "/2034-03-31", "overdue/" + id + "/2034-03-31/r2");
        assertThat(facts.get(1).at("/data/resolution").asText()).isEqualTo("completed");
        assertThat(facts.get(1).at("/data/wasOverdue").asBoolean()).isTrue();
        assertThat(Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, id, 3), EventType.TASK_COMPLETED))
                .singleElement().satisfies(e -> assertThat(e.at("/data/onTime").asBoolean()).isFalse());
    }

    @Test
    void aTaskCompletedBeforeItsRemindersRaisesNoFactAtAll() throws Throwable {
        clock.shiftTo(Fixtures.local("2034-05-01T09:00:00"));
        String id = Fixtures.createTask("Tổ chức hội nghị đối thoại.", lead, List.of(), LocalDate.parse("2034-09-30"));
        api().body(Map.of()).post("/api/v1/tasks/" + id + "/complete").then().statusCode(200);
        passesAt("2034-09-29T00:00:00", 1);
        passesAt("2034-10-02T00:00:00", 1);

        long deadlineRows = pool.preparedQuery("select count(*) from outbox where subject = $1 and topic = $2")
                .execute(Tuple.of(id, Topics.TASKS_DEADLINES)).await().indefinitely().iterator().next().getLong(0);
        assertThat(deadlineRows).isZero();
        api().get("/api/v1/tasks/" + id).then().body("deadlineFacts.nextCheck", nullValue());
    }

    @Test
    void eachOccurrenceOfARecurringDutyRaisesItsOwnFactsForItsOwnDeadline() throws Throwable {
        clock.shiftTo(Fixtures.local("2025-06-01T08:00:00"));
        String plan = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String seed = new String(Fixtures.seedPlan(), StandardCharsets.UTF_8).replace("id: dak-lak-2025", "id: " + plan);
        api().contentType("application/yaml").body(seed.getBytes(StandardCharsets.UTF_8)).post("/api/v1/plans").then().statusCode(201);
        passesAt("2025-06-01T08:00:01", 2);
        passesAt("2025-07-02T00:00:01", 2);

        // the monthly construction briefing of 1.8: May's is overdue, June's comes due then is overdue, July's comes due
        String briefing = plan + ":1.8-t5-2025-";
        List<JsonNode> facts = Fixtures.events(Topics.TASKS_DEADLINES, key -> key.startsWith(briefing), 4);
        assertThat(facts).extracting(e -> e.get("id").asText()).containsExactlyInAnyOrder(
                "overdue/" + briefing + "05/2025-05-31", "due-soon/" + briefing + "06/2025-06-30/30",
                "overdue/" + briefing + "06/2025-06-30", "due-soon/" + briefing + "07/2025-07-31/30");
        // the six-month PAR report is due by 20 June, the calendar of văn bản 581/BNV-CCHC
        assertThat(Fixtures.events(Topics.TASKS_DEADLINES, plan + ":plan-r1-2025-Q2", 2)).extracting(e -> e.get("id").asText())
                .containsExactly("due-soon/" + plan + ":plan-r1-2025-Q2/2025-06-20/30", "overdue/" + plan + ":plan-r1-2025-Q2/2025-06-20");
    }

    private void passesAt(String localTime, int passes) throws Throwable {
        clock.shiftTo(Fixtures.local(localTime));
        for (int i = 0; i < passes; i++) {
            pass();
        }
    }

    private int pass() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> detector.runPass());
    }

    /** Two detection passes at once, each on its own connection, as two replicas would run them. */
    private void race() {
        CompletableFuture.allOf(CompletableFuture.runAsync(this::unchecked), CompletableFuture.runAsync(this::unchecked)).join();
    }

    private void unchecked() {
        try {
            pass();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
