package vn.parsipas.console.sipas;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.charts.IntervalChart;
import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Wording;

/**
 * What the SIPAS page shows, from every sub-index value the person may see: the chosen sub-index and
 * period (the latest quarter unless asked), one row per scope (the province first, then agencies by
 * name), the chart of their intervals against the target, and the sub-index per scope and quarter.
 */
@TemplateData
public record SipasView(Map<String, String> subIndices, List<String> periods, String subIndex, String period, List<SubIndex> rows,
        BigDecimal target, List<String> quarters, Map<String, Map<String, SubIndex>> byQuarter, String chart) {
    static final String PROVINCE = "PROVINCE";

    static SipasView of(List<SubIndex> all, String subIndex, String period, Directory.Names names) {
        Map<String, String> subIndices = new TreeMap<>();
        all.forEach(v -> subIndices.putIfAbsent(v.subIndex(), v.subIndexName()));
        List<String> periods = all.stream().map(SubIndex::period).distinct().sorted(Comparator.reverseOrder()).toList();
        String chosenIndex = subIndex != null && subIndices.containsKey(subIndex) ? subIndex : subIndices.keySet().stream().findFirst().orElse(null);
        String chosenPeriod = period != null && periods.contains(period) ? period
                : periods.stream().filter(p -> p.contains("-Q")).findFirst().orElse(periods.stream().findFirst().orElse(null));
        Comparator<SubIndex> byScope = Comparator.comparing((SubIndex v) -> !PROVINCE.equals(v.scope()))
                .thenComparing(v -> names.of(v.scope()));
        List<SubIndex> ofIndex = all.stream().filter(v -> v.subIndex().equals(chosenIndex)).toList();
        List<SubIndex> rows = ofIndex.stream().filter(v -> v.period().equals(chosenPeriod)).sorted(byScope).toList();
        BigDecimal target = rows.stream().map(SubIndex::targetPercent).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> quarters = ofIndex.stream().map(SubIndex::period).filter(p -> p.contains("-Q")).distinct().sorted().toList();
        Map<String, Map<String, SubIndex>> byQuarter = new LinkedHashMap<>();
        ofIndex.stream().filter(v -> v.period().contains("-Q")).sorted(byScope)
                .forEach(v -> byQuarter.computeIfAbsent(v.scope(), s -> new TreeMap<>()).put(v.period(), v));
        String chart = rows.isEmpty() ? null : IntervalChart.draw("bieu-do", "Biểu đồ " + subIndices.get(chosenIndex) + " kỳ "
                + chosenPeriod, describe(rows, target, names), rows.stream().map(v -> new IntervalChart.Row(scope(v.scope(), names),
                        v.satisfiedPercent(), v.intervalLowPercent(), v.intervalHighPercent(), v.responses(), v.enoughResponses(),
                        v.belowTarget())).toList(), target);
        return new SipasView(subIndices, periods, chosenIndex, chosenPeriod, rows, target, quarters, byQuarter, chart);
    }

    static String scope(String scope, Directory.Names names) {
        return PROVINCE.equals(scope) ? "Toàn tỉnh" : names.of(scope);
    }

    /** The word for a row: judged only with enough responses, and below target only when the whole interval is. */
    public String judgement(SubIndex v) {
        if (!v.enoughResponses()) {
            return "Chưa đủ phiếu để đánh giá";
        }
        if (v.targetPercent() == null) {
            return "Không đặt mục tiêu";
        }
        if (v.belowTarget()) {
            return "Dưới mục tiêu";
        }
        return v.satisfiedPercent().compareTo(v.targetPercent()) >= 0 ? "Đạt mục tiêu" : "Thấp hơn mục tiêu, chưa khẳng định (trong khoảng tin cậy)";
    }

    private static String describe(List<SubIndex> rows, BigDecimal target, Directory.Names names) {
        long below = rows.stream().filter(SubIndex::belowTarget).count();
        long thin = rows.stream().filter(v -> !v.enoughResponses()).count();
        return rows.size() + " phạm vi" + (target == null ? "" : ", mục tiêu " + Wording.figure(target, "percent"))
                + "; " + below + " dưới mục tiêu" + (below == 0 ? "" : " (" + String.join(", ", rows.stream().filter(SubIndex::belowTarget)
                        .map(v -> scope(v.scope(), names)).toList()) + ")") + "; " + thin + " chưa đủ phiếu. Số liệu chi tiết ở bảng bên dưới.";
    }
}
