package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.contracts.sipas.SatisfactionBelowTarget;
import vn.parsipas.contracts.sipas.SatisfactionRecovered;
import vn.parsipas.contracts.task.TaskDueSoon;
import vn.parsipas.contracts.task.TaskProgressReported;
import vn.parsipas.contracts.task.TaskUpdated;

@QuarkusTest
@NotificationServiceTest
class TargetAndRoutingTest {

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
    void aSatisfactionIndexBelowTargetAlertsTheAgencyAndItsRecoveryResolvesIt() {
        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("SO-XAY-DUNG");
            scenario.agency(agency, "Sở Xây dựng", "VP-UBND-TINH");
            SatisfactionBelowTarget below = new SatisfactionBelowTarget("2.2.3", "Chỉ số hài lòng về công chức", agency,
                    "2025-Q3", 150, new BigDecimal("70"), new BigDecimal("62.24"), new BigDecimal("76.7"),
                    "dak-lak-2025:t-2.2.3-sipas", new BigDecimal("83.4"), agency, Instant.parse("2025-09-20T04:00:00Z"));

            scenario.send(below);
            JsonPath inbox = Scenario.inbox(agency, 1);
            assertThat(inbox.getString("items[0].fingerprint")).isEqualTo("satisfaction-below-target:2.2.3|" + agency);
            assertThat(inbox.getString("items[0].body"))
                    .contains("đạt 70% (khoảng tin cậy 95%: 62,24–76,7%, 150 phiếu), thấp hơn mục tiêu 83,4%");

            scenario.send(new SatisfactionRecovered("2.2.3", "Chỉ số hài lòng về công chức", agency, "2025-Q3", 310,
                    new BigDecimal("84.1"), new BigDecimal("79.6"), new BigDecimal("87.8"), "dak-lak-2025:t-2.2.3-sipas",
                    new BigDecimal("83.4"), agency, Instant.parse("2025-09-28T04:00:00Z")));
            await().atMost(Scenario.WAIT).until(() -> "index-recovered".equals(Scenario.inbox(agency, 1)
                    .getString("items[0].resolution")));
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
            scenario.agency(first, "Sở Nội vụ", "VP-UBND-TINH");
            scenario.agency(second, "Sở Tư pháp", "VP-UBND-TINH");
            String taskId = Scenario.taskId();
            scenario.send(new TaskDueSoon(taskId, "dak-lak-2025", "1.3", "Rà soát thủ tục hành chính.", first, List.of(),
                    Scenario.DEADLINE, Instant.parse("2025-12-31T17:00:00Z"), 7, Instant.parse("2025-12-24T17:00:05Z")));
            String alertId = Scenario.inbox(first, 1).getString("items[0].id");
            assertThat(Scenario.inbox(first, 1).getString("items[0].body")).contains("sẽ đến hạn vào ngày 31/12/2025 (còn 7 ngày)");

            scenario.send(new TaskProgressReported(taskId, UUID.randomUUID().toString(), new BigDecimal("60"),
                    "Đã hoàn thành dự thảo.", null, first, Instant.parse("2025-12-26T02:00:00Z"), "nguyen.van.a"));
            scenario.send(new TaskUpdated(taskId, "dak-lak-2025", "1.3", "Rà soát thủ tục hành chính.", second, List.of(),
                    Scenario.DEADLINE, Instant.parse("2025-12-31T17:00:00Z"), "reassigned", "in-progress", first, null,
                    "Giao lại theo chức năng, nhiệm vụ.", Instant.parse("2025-12-27T02:00:00Z"), "coordinator.snv"));

            assertThat(Scenario.inbox(second, 1).getString("items[0].id")).isEqualTo(alertId);
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

    private static TargetStatusChanged status(String targetId, String agency, String previous, String status, String value) {
        return new TargetStatusChanged(targetId, "1.16", "online-end-to-end-dossier-rate",
                "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "PROVINCE", agency, "VP-UBND-TINH", previous, status,
                new BigDecimal(value), "2025-06", "percent", "gte", new BigDecimal("80"), new BigDecimal("70.5"),
                LocalDate.parse("2025-12-31"), Instant.parse("2025-07-01T01:00:02Z"), "Đánh giá tự động.");
    }
}
