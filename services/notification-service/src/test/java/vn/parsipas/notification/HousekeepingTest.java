package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.notification.retention.Retention;

/**
 * What keeps the service healthy for years (review 2026-12-06: M6, L3, L5, L6): caches that survive a
 * lost LISTEN connection, bounded live streams, change notices of any size, sorts served by indexes.
 */
@QuarkusTest
@NotificationServiceTest
class HousekeepingTest {
    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void aSilenceAnnouncedWhileTheListenConnectionWasDownAppliesOnceItIsBack() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-CONG-THUONG");
            scenario.agency(lead, "Sở Công Thương", "VP-UBND-TINH");

            // the LISTEN connection drops; meanwhile another replica creates a silence and announces it
            pool.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and query ilike 'listen%'").execute().await().indefinitely();
            await().pollInterval(Duration.ofMillis(20)).atMost(Scenario.WAIT).until(() -> listeners() == 0);
            pool.withTransaction(sql -> sql.preparedQuery("insert into silence (id, agency_code, starts_at, ends_at, reason, "
                            + "created_by, created_at) values ($1, $2, now() - interval '1 minute', now() + interval '1 day', "
                            + "'Sắp xếp tổ chức bộ máy', 'coordinator.test', now())").execute(Tuple.of(UUID.randomUUID().toString(), lead))
                    .chain(() -> sql.query("notify parsipas_silences").execute())).await().indefinitely();

            await().atMost(Scenario.WAIT).until(() -> listeners() > 0);
            await().atMost(Scenario.WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());
                scenario.send(task);
                await().atMost(Scenario.WAIT).until(() -> deliveryStatuses(task.taskId()).size() == 3);
                return deliveryStatuses(task.taskId()).stream().allMatch("muted"::equals);
            });
        }
    }

    @Test
    void liveStreamsAreCappedPerUserAndPerAgency() throws Exception {
        String agency = Scenario.code("SO-CONG-AN");
        String url = "http://127.0.0.1:" + RestAssured.port + "/api/v1/agencies/" + agency + "/alerts/stream";
        String first = TestTokens.user("staff.one", "agency-staff", agency);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(new SseClient(url, first));
            }
            assertThatThrownBy(() -> new SseClient(url, first)).hasMessageContaining("answered 429")
                    .hasMessageContaining("Retry-After: 30");
            open.add(new SseClient(url, TestTokens.user("staff.two", "agency-staff", agency)));
            open.add(new SseClient(url, TestTokens.user("staff.three", "agency-staff", agency)));
            assertThatThrownBy(() -> new SseClient(url, TestTokens.user("staff.four", "agency-staff", agency)))
                    .hasMessageContaining("answered 429");
            // the open streams are a gauge on the dashboards; refused ones are not counted
            assertThat(openStreams()).isGreaterThanOrEqualTo(5);
        } finally {
            for (SseClient client : open) {
                client.close();
            }
        }
        await().atMost(Scenario.WAIT).ignoreExceptions().until(() -> {
            new SseClient(url, first).close();
            return true;
        });
    }

    private static double openStreams() {
        Matcher gauge = Pattern.compile("(?m)^parsipas_alert_streams_open (\\S+)$")
                .matcher(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
        assertThat(gauge.find()).as("parsipas_alert_streams_open is exposed").isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    @Test
    void anAlertWithHundredsOfRecipientsAndALongTitleStillReachesTheLiveStream() throws Exception {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-NONG-NGHIEP");
            scenario.agency(lead, "Sở Nông nghiệp", "VP-UBND-TINH");
            // the most one alert can have: 100 coordinating agencies and 20 more in copy by rule, 64-character
            // codes, a 128-character task id, a title of three-byte letters (the notice clips it to 300 characters)
            List<String> communes = IntStream.range(100, 200).mapToObj(i -> "UBND-XA-" + "D".repeat(52) + "-" + i).toList();
            List<String> wards = IntStream.range(100, 120).mapToObj(i -> "UBND-PHUONG-" + "P".repeat(48) + "-" + i).toList();
            String title = "Nhiệm vụ " + "ệ".repeat(500);
            TaskOverdue task = Scenario.overdue(Scenario.taskId() + "-" + "t".repeat(101), lead, communes);
            List<Object> rules = new ArrayList<>(Scenario.asCoordinator().get("/api/v1/rules").jsonPath().getList("rules"));
            rules.add(0, Map.of("name", "all-communes-" + lead, "agencies", List.of(lead), "channels", List.of("inbox"),
                    "copyCoordinators", true, "copyTo", wards));
            Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("rules", rules)).put("/api/v1/rules")
                    .then().statusCode(200);
            try (SseClient live = new SseClient("http://127.0.0.1:" + RestAssured.port + "/api/v1/agencies/" + lead + "/alerts/stream",
                    TestTokens.staff(lead))) {
                scenario.send(new TaskOverdue(task.taskId(), task.planId(), task.criterionCode(), title, lead, communes,
                        task.deadline(), task.dueAt(), task.detectedAt()));

                String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");
                await().atMost(Scenario.WAIT).until(() -> live.events().stream().anyMatch(e -> e.data().contains(alertId)));
                assertThat(live.events().get(0).name()).isEqualTo("raised");
                assertThat(live.events().get(0).data()).contains(communes.get(99), wards.get(19));
            } finally {
                Scenario.asCoordinator().post("/api/v1/rules/reload").then().statusCode(200);
            }
        }
    }

    @Test
    void theInboxAndWebhookSortsAreServedByIndexes() {
        assertThat(plan("select id from alert order by raised_at desc, id desc limit 50")).contains("Index").doesNotContain("Sort");
        assertThat(plan("select id from webhook_attempt order by at desc limit 1")).contains("Index").doesNotContain("Sort");
    }

    @Test
    void whatIsPastItsRetentionIsDeletedAndTheAlertsStay() {
        String old = oldAlert("401 days");
        String recent = oldAlert("10 days");

        assertThat(retention.purge().await().indefinitely()).isGreaterThanOrEqualTo(4);

        for (String table : List.of("delivery", "alert_timeline")) {
            assertThat(count("select count(*) from " + table + " where alert_id = $1", old)).as(table).isZero();
            assertThat(count("select count(*) from " + table + " where alert_id = $1", recent)).as(table).isEqualTo(1);
        }
        String attempts = "select count(*) from webhook_attempt w join delivery d on d.id = w.delivery_id where d.alert_id = $1";
        assertThat(count(attempts, old)).isZero();
        assertThat(count(attempts, recent)).as("the 100-day-old attempt goes, the recent one stays").isEqualTo(1);
        assertThat(count("select count(*) from alert where id = $1", old)).isEqualTo(1);
    }

    /** A resolved alert with one delivery, two webhook attempts (one 100 days old) and one timeline line. */
    private String oldAlert(String resolvedAgo) {
        String id = UUID.randomUUID().toString();
        String delivery = UUID.randomUUID().toString();
        pool.withTransaction(sql -> sql.preparedQuery("insert into alert (id, fingerprint, kind, severity, status, subject_id, "
                        + "agency_code, delivered_to, title, body, rule_name, raised_at, last_seen_at, resolved_at, resolution, updated_at) "
                        + "values ($1, 'task-overdue:' || $1, 'task-overdue', 'critical', 'resolved', $1, 'SO-TU-PHAP', 'SO-TU-PHAP', "
                        + "'Nhiệm vụ', 'Nhiệm vụ', 'overdue-and-missed', now() - $2::text::interval, now() - $2::text::interval, "
                        + "now() - $2::text::interval, 'completed', now() - $2::text::interval)").execute(Tuple.of(id, resolvedAgo))
                .chain(() -> sql.preparedQuery("insert into delivery (id, alert_id, transition, channel, agency_code, role, status, "
                        + "created_at) values ($1, $2, 'raised', 'webhook', 'SO-TU-PHAP', 'responsible', 'sent', now())")
                        .execute(Tuple.of(delivery, id)))
                .chain(() -> sql.preparedQuery("insert into webhook_attempt (id, delivery_id, attempt, at, url, duration_ms) values "
                        + "($1, $3, 1, now() - interval '100 days', 'https://hooks.example.vn/', 5), "
                        + "($2, $3, 2, now(), 'https://hooks.example.vn/', 5)")
                        .execute(Tuple.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), delivery)))
                .chain(() -> sql.preparedQuery("insert into alert_timeline (alert_id, at, type) values ($1, now(), 'raised')")
                        .execute(Tuple.of(id))))
                .await().indefinitely();
        return id;
    }

    private long count(String query, String parameter) {
        return pool.preparedQuery(query).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }

    private String plan(String query) {
        return pool.withTransaction(sql -> sql.query("set local enable_seqscan = off").execute()
                        .chain(() -> sql.query("explain " + query).execute()))
                .map(rows -> {
                    StringBuilder plan = new StringBuilder();
                    for (Row row : rows) {
                        plan.append(row.getString(0)).append('\n');
                    }
                    return plan.toString();
                }).await().indefinitely();
    }

    private long listeners() {
        return pool.query("select count(*) from pg_stat_activity where datname = current_database() and query ilike 'listen%'")
                .execute().await().indefinitely().iterator().next().getLong(0);
    }

    private List<String> deliveryStatuses(String taskId) {
        List<String> statuses = new ArrayList<>();
        pool.preparedQuery("select d.status from delivery d join alert a on a.id = d.alert_id where a.subject_id = $1")
                .execute(Tuple.of(taskId)).await().indefinitely().forEach(row -> statuses.add(row.getString(0)));
        return statuses;
    }
}
