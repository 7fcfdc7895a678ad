package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.contracts.sipas.SatisfactionBelowTarget;
import vn.parsipas.contracts.sipas.SatisfactionRecovered;
import vn.parsipas.contracts.task.TaskDueSoon;
import vn.parsipas.contracts.task.TaskProgressReported;
import vn.parsipas.contracts.task.TaskUpdated;

@QuarkusTest
@NotificationServiceTest
class TargetAndRoutingTest {
    @Inject
    Pool pool;

    @Test
    void aTargetAtRiskThenMissedThenMetOpensOneAlertPerStatusAndResolvesTheLast() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-KHCN");
            scenario.agency(lead, "Sở Khoa học và Công nghệ", "VP-UBND-TINH");
            String targetId = "dak-lak-2025:t-1.16-" + UUID.randomUUID().toString().substring(0, 6);

            scenario.send(status(targetId, lead, "ON_TRACK", "AT_RISK", "62.4"));
            JsonPath atRisk = Scenario.inbox(lead, 1);
            assertThat(atRisk.getString("items[0].kind")).isEqualTo("target-at-risk");
            assertThat(atRisk.getString("items[0].body")).contains("đạt 62,4% (kỳ 2025-06), mục tiêu ≥ 80% vào ngày 31/12/2025")
                    .contains("lộ trình cần 70,5%").contains("Cơ quan chịu trách nhiệm: Sở Khoa học và Công nghệ.");

            scenario.send(status(targetId, lead, "AT_RISK", "MISSED", "71.5"));
            JsonPath both = Scenario.inbox(lead, 2);
            assertThat(both.getString("items.find { it.kind == 'target-at-risk' }.resolution")).isEqualTo("superseded");
            assertThat(both.getString("items.find { it.kind == 'target-missed' }.status")).isEqualTo("open");
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1);

            scenario.send(status(targetId, lead, "MISSED", "MET", "81"));
            await().atMost(Scenario.WAIT).until(() -> "target-recovered".equals(Scenario.inbox(lead, 2)
                    .getString("items.find { it.kind == 'target-missed' }.resolution")));
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 2);
            assertThat(scenario.receiver.delivered(Scenario.hookPath(lead)).get(1).header("X-Parsipas-Event"))
                    .isEqualTo("alert.resolved");
        }
    }

    @Test
    void missingDataAlertsTheDataProviderRatherThanTheResponsibleAgency() {
        try (Scenario scenario = new Scenario()) {
            String responsible = Scenario.code("SO-TAI-CHINH");
            String provider = Scenario.code("CUC-THONG-KE");
            scenario.agency(responsible, "Sở Tài chính", "VP-UBND-TINH");
            scenario.agency(provider, "Thống kê tỉnh", "VP-UBND-TINH");
            String targetId = "dak-lak-2025:t-growth-" + UUID.randomUUID().toString().substring(0, 6);

            scenario.send(new TargetStatusChanged(targetId, null, "grdp-growth", "Tốc độ tăng trưởng GRDP", "PROVINCE",
                    responsible, provider, "ON_TRACK", "NO_DATA", null, "2025-Q3", "percent-growth", "gte", new BigDecimal("8"),
                    null, LocalDate.parse("2025-12-31"), Instant.parse("2025-10-20T01:00:00Z"),
                    "Chưa nhận được số liệu quý 3/2025."));

            JsonPath inbox = Scenario.inbox(provider, 1);
            assertThat(inbox.getString("items[0].kind")).isEqualTo("target-no-data");
            assertThat(inbox.getString("items[0].body")).contains("Chưa nhận được số liệu của chỉ tiêu \"Tốc độ tăng trưởng GRDP\"")
                    .contains("Đơn vị cung cấp số liệu: Thống kê tỉnh.");
            assertThat(Scenario.asCoordinator().get("/api/v1/agencies/{code}/alerts", responsible).jsonPath().getList("items")).isEmpty();
        }
    }

    @Test
    void aTargetWithoutItsBaselineAsksTheDataProviderOnceAndItsFirstJudgementResolvesIt() {
        try (Scenario scenario = new Scenario()) {
            String responsible = Scenario.code("SO-KHCN");
            String provider = Scenario.code("VP-UBND");
            scenario.agency(responsible, "Sở Khoa học và Công nghệ", "VP-UBND-TINH");
            scenario.agency(provider, "Văn phòng UBND tỉnh", null);
            String targetId = "dak-lak-2025:t-1.17-" + UUID.randomUUID().toString().substring(0, 6);
            String reason = "Chưa có số liệu năm gốc 2024 của chỉ tiêu «Tỷ lệ hồ sơ thanh toán trực tuyến» nên chưa đánh giá được "
                    + "mục tiêu. Đơn vị cung cấp số liệu " + provider + " cần gửi giá trị kỳ 2024 (toàn tỉnh).";

            scenario.send(noBaseline(targetId, responsible, provider, reason));
            JsonPath inbox = Scenario.inbox(provider, 1);
            assertThat(inbox.getString("items[0].kind")).isEqualTo("target-no-baseline");
            assertThat(inbox.getString("items[0].title")).isEqualTo("Chưa có số liệu năm gốc của chỉ tiêu: tiêu chí 1.17");
            assertThat(inbox.getString("items[0].body")).contains("Chỉ tiêu \"Tỷ lệ hồ sơ thanh toán trực tuyến\" (toàn tỉnh): "
                    + "mục tiêu hạn 31/12/2025 được so với năm gốc 2024").contains(reason)
                    .contains("Đơn vị cung cấp số liệu: Văn phòng UBND tỉnh.");
            assertThat(inbox.getString("items[0].rule")).as("asked once: no repeat, no escalation").isEqualTo("no-baseline");
            await().atMost(Scenario.WAIT).until(() -> Mailbox.to(Scenario.email(provider)).size() == 1);
            assertThat(Scenario.asCoordinator().get("/api/v1/agencies/{code}/alerts", responsible).jsonPath().getList("items")).isEmpty();

            // The baseline arrives and the target is judged: the request is resolved.
            scenario.send(status(targetId, responsible, "NO_BASELINE", "ON_TRACK", "35"));
            await().atMost(Scenario.WAIT).until(() -> "target-recovered".equals(Scenario.inbox(provider, 1)
                    .getString("items[0].resolution")));
        }
    }

    @Test
    void aQuarterAndTheYearToDateAreSeparateAlertsAndAQuarterThatRecoversLeavesTheYearOpen() {
        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("SO-XAY-DUNG");
            scenario.agency(agency, "Sở Xây dựng", "VP-UBND-TINH");

            scenario.send(below(agency, "2025-Q3"));
            scenario.send(below(agency, "2025"));
            JsonPath inbox = Scenario.inbox(agency, 2);
            assertThat(inbox.getList("items.fingerprint", String.class)).containsExactlyInAnyOrder(
                    "satisfaction-below-target:2.2.3|" + agency + "|2025-Q3", "satisfaction-below-target:2.2.3|" + agency + "|2025");
            assertThat(inbox.getString("items.find { it.subjectId.endsWith('|2025-Q3') }.body"))
                    .contains("(" + agency + ", kỳ 2025-Q3) đạt 70% (khoảng tin cậy 95%: 62,24–76,7%, 150 phiếu), thấp hơn mục tiêu 83,4%");
            assertThat(inbox.getString("items.find { it.subjectId.endsWith('|2025') }.title")).endsWith("(kỳ 2025)");

            scenario.send(recovered(agency, "2025-Q3"));
            await().atMost(Scenario.WAIT).until(() -> "index-recovered".equals(Scenario.inbox(agency, 2)
                    .getString("items.find { it.subjectId.endsWith('|2025-Q3') }.resolution")));
            JsonPath after = Scenario.inbox(agency, 2);
            assertThat(after.getString("items.find { it.subjectId.endsWith('|2025') }.status")).isEqualTo("open");
            assertThat(after.getString("items.find { it.subjectId.endsWith('|2025') }.resolution")).isNull();
        }
    }

    @Test
    void anAlertRaisedBeforePeriodsMovesToThePeriodOfItsFactAndOnlyThatPeriodsRecoveryResolvesIt() throws Exception {
        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("SO-Y-TE");
            scenario.agency(agency, "Sở Y tế", "VP-UBND-TINH");
            String quarter = legacySatisfactionAlert(agency, "2.2.3", "\"Chỉ số hài lòng về công chức\" (" + agency
                    + ", kỳ 2025-Q3) đạt 70% (khoảng tin cậy 95%: 62,24–76,7%, 150 phiếu), thấp hơn mục tiêu 83,4%.");
            String undated = legacySatisfactionAlert(agency, "2.2.4", "Chỉ số hài lòng thấp hơn mục tiêu.");

            String migration = new String(getClass().getResourceAsStream("/db/migration/V4__satisfaction_alert_period.sql")
                    .readAllBytes(), StandardCharsets.UTF_8);
            pool.query(migration).execute().await().indefinitely();

            String fingerprint = "satisfaction-below-target:2.2.3|" + agency + "|2025-Q3";
            assertThat(Scenario.alert(quarter).getString("alert.fingerprint")).isEqualTo(fingerprint);
            assertThat(Scenario.alert(quarter).getString("alert.title")).endsWith("(kỳ 2025-Q3)");
            assertThat(Scenario.alert(undated).getString("alert.subjectId")).as("no period in its body: the year it was raised")
                    .isEqualTo("2.2.4|" + agency + "|2025");
            // both on the key 2.2.3|agency, so in this order: the year's recovery leaves the quarter's alert open
            scenario.send(recovered(agency, "2025"), UUID.randomUUID().toString());
            String quarterRecovered = UUID.randomUUID().toString();
            scenario.send(recovered(agency, "2025-Q3"), quarterRecovered);
            List<JsonNode> events = scenario.alertEvents(fingerprint, 1);
            assertThat(events).singleElement().satisfies(resolved -> assertThat(resolved.at("/data/causeEventId").asText())
                    .isEqualTo(quarterRecovered));
            assertThat(Scenario.alert(quarter).getString("alert.resolution")).isEqualTo("index-recovered");
            assertThat(Scenario.alert(undated).getString("alert.status")).isEqualTo("open");
        }
    }

    @Test
    void aTaskLedByACollectiveGoesToItsCoordinatingOfficeNamingTheCollective() {
        try (Scenario scenario = new Scenario()) {
            String office = Scenario.code("VP-DIEU-PHOI");
            String collective = Scenario.code("ALL-DEPARTMENTS");
            scenario.agency(office, "Văn phòng điều phối (thử nghiệm)", null);
            scenario.collective(collective, "Các sở, ban, ngành", office);

            scenario.send(Scenario.overdue(Scenario.taskId(), collective, List.of()));

            JsonPath inbox = Scenario.inbox(office, 1);
            assertThat(inbox.getString("items[0].agencyCode")).isEqualTo(collective);
            assertThat(inbox.getString("items[0].deliveredTo")).isEqualTo(office);
            assertThat(inbox.getString("items[0].body"))
                    .contains("Cơ quan chủ trì: Các sở, ban, ngành (gửi Văn phòng điều phối (thử nghiệm) để điều phối).");
            await().atMost(Scenario.WAIT).until(() -> Mailbox.to(Scenario.email(office)).size() == 1);
        }
    }

    @Test
    void progressGoesInTheTimelineAndAReassignedTaskMovesItsAlertToTheNewLead() {
        try (Scenario scenario = new Scenario()) {
            String first = Scenario.code("SO-NOI-VU");
            String second = Scenario.code("SO-TU-PHAP");
            String taskId = Scenario.taskId();
            String alertId = dueSoonOf(scenario, taskId, first, second);
            assertThat(Scenario.inbox(first, 1).getString("items[0].body")).contains("sẽ đến hạn vào ngày 31/12/2025 (còn 7 ngày)");

            scenario.send(new TaskProgressReported(taskId, UUID.randomUUID().toString(), new BigDecimal("60"),
                    "Đã hoàn thành dự thảo.", null, first, Instant.parse("2025-12-26T02:00:00Z"), "nguyen.van.a"));
            scenario.send(reassigned(taskId, first, second, "Giao lại theo chức năng, nhiệm vụ.", Instant.parse("2025-12-27T02:00:00Z")));

            assertThat(Scenario.inbox(second, 1).getString("items[0].alertId")).isEqualTo(alertId);
            await().atMost(Scenario.WAIT).until(() -> Scenario.alert(alertId).getList("timeline.type", String.class)
                    .containsAll(List.of("progress", "reassigned")));
            JsonPath detail = Scenario.alert(alertId);
            assertThat(detail.getString("alert.deliveredTo")).isEqualTo(second);
            assertThat(detail.getString("alert.body")).contains("Cơ quan chủ trì: Sở Tư pháp.").doesNotContain("Sở Nội vụ.");
            assertThat(detail.getString("timeline.find { it.type == 'progress' }.detail")).contains("60%");
            await().during(Duration.ofSeconds(1)).atMost(Scenario.WAIT)
                    .until(() -> scenario.receiver.calls(Scenario.hookPath(second)).isEmpty());
        }
    }

    @Test
    void aTaskReassignedBackAndForthEndsWithItsLastLead() {
        try (Scenario scenario = new Scenario()) {
            String first = Scenario.code("SO-NOI-VU");
            String second = Scenario.code("SO-TU-PHAP");
            String taskId = Scenario.taskId();
            String alertId = dueSoonOf(scenario, taskId, first, second);

            // first → second → first → second: the second time the alert comes to second, it was announced to it before
            String[] leads = {second, first, second};
            for (int i = 0; i < leads.length; i++) {
                String previous = i == 0 ? first : leads[i - 1];
                scenario.send(reassigned(taskId, previous, leads[i], "Giao lại lần " + (i + 1) + ".",
                        Instant.parse("2025-12-27T02:00:00Z").plusSeconds(i * 3600L)));
            }

            await().atMost(Scenario.WAIT).until(() -> Scenario.alert(alertId).getList("timeline.findAll { it.type == 'reassigned' }")
                    .size() == 3);
            assertThat(Scenario.alert(alertId).getString("alert.deliveredTo")).isEqualTo(second);
            assertThat(Scenario.inbox(second, 1).getString("items[0].alertId")).isEqualTo(alertId);
        }
    }

    /** Two agencies, and task 1.3's due-soon alert for the first, as its inbox shows it; returns the alert's id. */
    private static String dueSoonOf(Scenario scenario, String taskId, String first, String second) {
        scenario.agency(first, "Sở Nội vụ", "VP-UBND-TINH");
        scenario.agency(second, "Sở Tư pháp", "VP-UBND-TINH");
        scenario.send(new TaskDueSoon(taskId, "dak-lak-2025", "1.3", "Rà soát thủ tục hành chính.", first, List.of(),
                Scenario.DEADLINE, Instant.parse("2025-12-31T17:00:00Z"), 7, Instant.parse("2025-12-24T17:00:05Z")));
        return Scenario.inbox(first, 1).getString("items[0].alertId");
    }

    private static TaskUpdated reassigned(String taskId, String from, String to, String reason, Instant at) {
        return new TaskUpdated(taskId, "dak-lak-2025", "1.3", "Rà soát thủ tục hành chính.", to, List.of(), Scenario.DEADLINE,
                Instant.parse("2025-12-31T17:00:00Z"), "reassigned", "in-progress", from, null, reason, at, "coordinator.snv");
    }

    /** An open alert as the service stored it before periods: subject subIndex|scope, raised in 2025 (business time). */
    private String legacySatisfactionAlert(String agency, String subIndex, String body) {
        String id = UUID.randomUUID().toString();
        pool.withTransaction(sql -> sql.preparedQuery("insert into alert (id, fingerprint, kind, severity, status, subject_id, "
                        + "agency_code, delivered_to, title, body, rule_name, raised_at, last_seen_at, updated_at, criterion_code) "
                        + "values ($1, 'satisfaction-below-target:' || $4 || '|' || $2, 'satisfaction-below-target', 'warning', "
                        + "'open', $4 || '|' || $2, $2, $2, 'Chỉ số hài lòng dưới mục tiêu: ' || $4, $3, 'overdue-and-missed', "
                        + "'2025-09-20T04:00:00Z', '2025-09-20T04:00:00Z', '2025-09-20T04:00:00Z', $4)")
                        .execute(Tuple.of(id, agency, body, subIndex))
                .chain(() -> sql.preparedQuery("insert into alert_recipient (alert_id, agency_code, role) values ($1, $2, 'responsible')")
                        .execute(Tuple.of(id, agency))))
                .await().indefinitely();
        return id;
    }

    private static SatisfactionBelowTarget below(String agency, String period) {
        return new SatisfactionBelowTarget("2.2.3", "Chỉ số hài lòng về công chức", agency, period, 150, new BigDecimal("70"),
                new BigDecimal("62.24"), new BigDecimal("76.7"), "dak-lak-2025:t-2.2.3-sipas", new BigDecimal("83.4"), agency,
                Instant.parse("2025-09-20T04:00:00Z"));
    }

    private static SatisfactionRecovered recovered(String agency, String period) {
        return new SatisfactionRecovered("2.2.3", "Chỉ số hài lòng về công chức", agency, period, 310, new BigDecimal("84.1"),
                new BigDecimal("79.6"), new BigDecimal("87.8"), "dak-lak-2025:t-2.2.3-sipas", new BigDecimal("83.4"), agency,
                Instant.parse("2025-09-28T04:00:00Z"));
    }

    private static TargetStatusChanged noBaseline(String targetId, String responsible, String provider, String reason) {
        return new TargetStatusChanged(targetId, "1.17", "online-payment-dossier-rate", "Tỷ lệ hồ sơ thanh toán trực tuyến",
                "PROVINCE", responsible, provider, null, "NO_BASELINE", null, "2024", "percent", "gt", null, null,
                LocalDate.parse("2025-12-31"), Instant.parse("2025-06-10T03:00:00Z"), reason);
    }

    private static TargetStatusChanged status(String targetId, String agency, String previous, String status, String value) {
        return new TargetStatusChanged(targetId, "1.16", "online-end-to-end-dossier-rate",
                "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "PROVINCE", agency, "VP-UBND-TINH", previous, status,
                new BigDecimal(value), "2025-06", "percent", "gte", new BigDecimal("80"), new BigDecimal("70.5"),
                LocalDate.parse("2025-12-31"), Instant.parse("2025-07-01T01:00:02Z"), "Đánh giá tự động.");
    }
}
