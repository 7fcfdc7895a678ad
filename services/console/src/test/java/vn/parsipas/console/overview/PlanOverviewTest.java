package vn.parsipas.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.parsipas.console.clients.Agency;
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.Criterion;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.TaskSummary;
import vn.parsipas.console.web.Directory;

public class PlanOverviewTest {
    public static final Plan PLAN = new Plan("dak-lak-2025", "120/KH-UBND", "KẾ HOẠCH", "Kế hoạch cải thiện PAR Index và SIPAS năm 2025",
            "Ủy ban nhân dân tỉnh Đắk Lắk", "Đắk Lắk", LocalDate.of(2025, 5, 26), 2025);
    public static final Directory.Names NAMES = names("VP-UBND-TINH", "Văn phòng UBND tỉnh", "SO-KHOA-HOC-CONG-NGHE", "Sở Khoa học và Công nghệ",
            "SO-TU-PHAP", "Sở Tư pháp");

    @Test
    void eachCriterionCarriesItsTasksTargetsAndTheAlertsOfItsSubCriteria() {
        PlanOverview overview = sample(null);

        CriterionRow digital = row(overview, "1.16");
        assertThat(digital.leadAgency()).isEqualTo("SO-KHOA-HOC-CONG-NGHE");
        assertThat(digital.tasks().done()).isEqualTo(3);
        assertThat(digital.tasks().inProgress()).isEqualTo(3);
        assertThat(digital.tasks().overdue()).isEqualTo(1);
        assertThat(digital.statusCounts()).containsExactly(Map.entry("AT_RISK", 1), Map.entry("ON_TRACK", 1));
        assertThat(digital.worstStatus()).isEqualTo("AT_RISK");
        assertThat(digital.openAlerts()).as("1.16 and its sub-criterion 1.16.2").isEqualTo(2);
        assertThat(row(overview, "1.1").targets()).isEmpty();
        assertThat(overview.openAlerts()).isEqualTo(3);
        assertThat(overview.openAlertsWithoutCriterion()).isEqualTo(1);
        assertThat(overview.rows().get(overview.rows().size() - 1).isPlanWide()).as("the plan's own targets last").isTrue();
    }

    @Test
    void agencyStaffSeeOnlyTheCriteriaTheirAgencyLeadsOrHasWorkIn() {
        PlanOverview overview = sample("SO-TU-PHAP");
        assertThat(overview.rows()).extracting(CriterionRow::code).containsExactly("2.2.1");
    }

    @Test
    void filtersBySlippingStatusAndLeadAgencyAndSortsWorstFirst() {
        List<CriterionRow> rows = sample(null).rows();
        assertThat(OverviewQuery.parse(null, null, "AT_RISK", null).apply(rows, NAMES)).extracting(CriterionRow::code).containsExactly("1.16");
        assertThat(OverviewQuery.parse(null, "VP-UBND-TINH", null, null).apply(rows, NAMES)).extracting(CriterionRow::code).containsExactly("1.1");
        assertThat(OverviewQuery.parse(null, null, null, "trang-thai").apply(rows, NAMES)).extracting(CriterionRow::code)
                .startsWith("2.2.1", "1.16");
        assertThat(OverviewQuery.parse(null, null, null, "qua-han").apply(rows, NAMES).get(0).code()).isEqualTo("1.16");
        assertThat(OverviewQuery.parse(null, null, null, "co-quan").apply(rows, NAMES)).extracting(CriterionRow::code)
                .containsExactly("1.16", "2.2.1", "1.1", null);
        OverviewQuery hostile = OverviewQuery.parse("x'; drop", "so tu phap", "WORST", "random()");
        assertThat(hostile).isEqualTo(new OverviewQuery(null, null, null, "tieu-chi"));
        assertThat(OverviewQuery.parse("dak-lak-2025", "SO-TU-PHAP", "MISSED", "tieu-chi").sortLink("canh-bao"))
                .isEqualTo("/tong-quan?ke-hoach=dak-lak-2025&co-quan=SO-TU-PHAP&trang-thai=MISSED&sap-xep=canh-bao");
    }

    public static PlanOverview sample(String agency) {
        List<Criterion> criteria = List.of(criterion("1.1", "criterion", "Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao", "VP-UBND-TINH"),
                criterion("1.16", "criterion", "Chuyển đổi số", "SO-KHOA-HOC-CONG-NGHE"),
                criterion("2.2.1", "sipas", "Tiếp cận dịch vụ", "SO-TU-PHAP"));
        List<TaskSummary.OfCriterion> tasks = List.of(
                new TaskSummary.OfCriterion("1.1", "", "VP-UBND-TINH", new TaskSummary.Counts(2, 2, 0, 0, 0, 0)),
                new TaskSummary.OfCriterion("1.16", "", "SO-KHOA-HOC-CONG-NGHE", new TaskSummary.Counts(7, 2, 1, 1, 2, 1)));
        Target.Overview targets = new Target.Overview(Instant.parse("2025-12-25T01:00:00Z"), Map.of(), List.of(
                new Target.Group("1.16", "Chuyển đổi số", List.of(target("t-online", "1.16", "SO-KHOA-HOC-CONG-NGHE", "AT_RISK"),
                        target("t-reuse", "1.16", "SO-KHOA-HOC-CONG-NGHE", "ON_TRACK"))),
                new Target.Group("2.2.1", "Tiếp cận dịch vụ", List.of(target("t-access", "2.2.1", "SO-TU-PHAP", "MISSED"))),
                new Target.Group(null, null, List.of(target("t-rank", null, "SO-NOI-VU", null)))));
        List<Alert> alerts = List.of(alert("1.16", "SO-KHOA-HOC-CONG-NGHE"), alert("1.16.2", "SO-KHOA-HOC-CONG-NGHE"),
                alert(null, "SO-TU-PHAP"));
        if (agency != null) { // the services answer agency staff with their agency's share only
            targets = new Target.Overview(targets.at(), Map.of(), targets.criteria().stream().filter(g -> g.targets().stream()
                    .anyMatch(t -> agency.equals(t.responsibleAgency()))).toList());
            return PlanOverview.of(PLAN, agency, criteria, List.of(), targets, List.of());
        }
        return PlanOverview.of(PLAN, null, criteria, tasks, targets, alerts);
    }

    static Criterion criterion(String code, String kind, String title, String lead) {
        return new Criterion(code, kind, title, lead, LocalDate.of(2025, 12, 31), "Trong năm 2025", true);
    }

    static Target target(String id, String criterion, String agency, String status) {
        return new Target(id, "dak-lak-2025", criterion, null, "Mục tiêu " + id, "indicator-" + id, "Chỉ số " + id, "percent", "gte",
                new BigDecimal("80"), null, null, agency, "igate", LocalDate.of(2025, 12, 31), status,
                status == null ? null : new BigDecimal("48.5"), "2025-11", new BigDecimal("74.2"), "Nhận định", null, null);
    }

    static Alert alert(String criterion, String agency) {
        return new Alert("a-" + criterion, null, "target-at-risk", "warning", "open", "t", agency, agency, List.of(), "Cảnh báo", "",
                null, 1, Instant.EPOCH, Instant.EPOCH, 0, null, null, null, 0, null, null, null, Instant.EPOCH, criterion);
    }

    static Directory.Names names(String... pairs) {
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            byCode.put(pairs[i], new Agency(pairs[i], pairs[i + 1], "department", null, List.of(), null, true));
        }
        return new Directory.Names(byCode);
    }

    private static CriterionRow row(PlanOverview overview, String code) {
        return overview.rows().stream().filter(r -> code.equals(r.code())).findFirst().orElseThrow();
    }
}
