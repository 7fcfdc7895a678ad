package vn.parsipas.console.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.TaskSummary;
import vn.parsipas.console.overview.PlanOverviewTest;

class AgencyStandingTest {
    private static final Instant RAISED = Instant.parse("2025-11-03T01:00:00Z");
    private static final Comparator<String> BY_NAME = Comparator.comparing(PlanOverviewTest.NAMES::of);

    @Test
    void theLeagueIsSortedByOverdueTasksUnlessAKnownSortIsAsked() {
        assertThat(AgencyStanding.sort(null)).as("the tab's link has no sort").isEqualTo("qua-han");
        assertThat(AgencyStanding.sort("khong-co")).isEqualTo("qua-han");
        assertThat(AgencyStanding.sort("chi-tieu")).isEqualTo("chi-tieu");
    }

    @Test
    void eachAgencyCountsItsOverdueTasksAlertsMedianTimeToAcknowledgeAndSlippingTargets() {
        List<AgencyStanding> standings = AgencyStanding.of(tasks(), alerts(), targets(), null, BY_NAME);

        assertThat(standings).extracting(AgencyStanding::agency).containsExactly("SO-TU-PHAP", "SO-KHOA-HOC-CONG-NGHE", "VP-UBND-TINH");
        AgencyStanding stp = standings.get(0);
        assertThat(stp.overdueTasks()).isEqualTo(3);
        assertThat(stp.tasks()).isEqualTo(10);
        assertThat(stp.openAlerts()).isEqualTo(1);
        assertThat(stp.escalatedAlerts()).as("escalated and not resolved").isEqualTo(1);
        assertThat(stp.acknowledged()).isEqualTo(3);
        assertThat(stp.medianToAcknowledge()).as("median of 1 h, 3 h, 30 h").isEqualTo(Duration.ofHours(3));
        AgencyStanding skhcn = standings.get(1);
        assertThat(skhcn.targetsAtRisk()).isOne();
        assertThat(skhcn.targetsMissed()).isOne();
        assertThat(skhcn.medianToAcknowledge()).isNull();
        assertThat(standings.get(2).tasks()).as("an agency known only by its target").isZero();
    }

    @Test
    void sortsWorstFirstOnTheChosenColumnThenByName() {
        assertThat(AgencyStanding.of(tasks(), alerts(), targets(), "chi-tieu", BY_NAME)).extracting(AgencyStanding::agency)
                .startsWith("SO-KHOA-HOC-CONG-NGHE");
        assertThat(AgencyStanding.of(tasks(), alerts(), targets(), "tiep-nhan", BY_NAME)).extracting(AgencyStanding::agency)
                .containsExactly("SO-TU-PHAP", "SO-KHOA-HOC-CONG-NGHE", "VP-UBND-TINH");
        assertThat(AgencyStanding.of(tasks(), alerts(), targets(), "ten", BY_NAME)).extracting(AgencyStanding::agency)
                .containsExactly("SO-KHOA-HOC-CONG-NGHE", "SO-TU-PHAP", "VP-UBND-TINH");
        assertThat(AgencyStanding.median(List.of(Duration.ofHours(1), Duration.ofHours(3)))).isEqualTo(Duration.ofHours(2));
    }

    private static List<TaskSummary.OfAgency> tasks() {
        return List.of(new TaskSummary.OfAgency("SO-TU-PHAP", "Sở Tư pháp", new TaskSummary.Counts(10, 2, 1, 3, 3, 1)),
                new TaskSummary.OfAgency("SO-KHOA-HOC-CONG-NGHE", "Sở Khoa học và Công nghệ", new TaskSummary.Counts(4, 2, 0, 1, 1, 0)));
    }

    private static List<Alert> alerts() {
        return List.of(alert("open", 0, null, null), alert("acknowledged", 1, Duration.ofHours(1), null),
                alert("resolved", 1, Duration.ofHours(30), RAISED.plus(Duration.ofDays(3))), alert("acknowledged", 0, Duration.ofHours(3), null));
    }

    private static Alert alert(String status, int escalation, Duration toAcknowledge, Instant resolvedAt) {
        return new Alert("a-" + status + escalation, null, "task-overdue", "critical", status, "t", "SO-TU-PHAP", "SO-TU-PHAP", List.of(),
                "Cảnh báo", "", null, 1, RAISED, RAISED, 0, toAcknowledge == null ? null : RAISED.plus(toAcknowledge), null, null,
                escalation, escalation > 0 ? "VP-UBND-TINH" : null, resolvedAt, null, RAISED, null);
    }

    private static List<Target> targets() {
        return List.of(target("SO-KHOA-HOC-CONG-NGHE", "AT_RISK"), target("SO-KHOA-HOC-CONG-NGHE", "MISSED"), target("VP-UBND-TINH", "MET"));
    }

    private static Target target(String agency, String status) {
        return new Target("t-" + status, "dak-lak-2025", "1.16", "", "", "online-end-to-end-dossier-rate", "", "percent", "gte",
                new BigDecimal("80"), null, null, agency, agency, null, status, null, null, null, null, null, null);
    }
}
