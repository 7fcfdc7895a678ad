package vn.parsipas.console.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.TaskSummary;

/**
 * One line of the plan's overview: a criterion (or SIPAS item) with its lead agency, its tasks counted
 * by state, its targets by status and its open alerts. A null code is the plan's own line: tasks and
 * targets of the plan as a whole.
 */
@TemplateData
public record CriterionRow(String code, String title, String kind, String leadAgency, TaskSummary.Counts tasks,
        List<Target> targets, long openAlerts) {

    /** Target statuses from the worst to the best; NOT_EVALUATED stands for a target not judged yet. */
    public static final List<String> STATUSES = List.of("MISSED", "AT_RISK", "NO_DATA", "NO_BASELINE", "ON_TRACK", "MET",
            TargetStatuses.NOT_EVALUATED);

    /** How many of its targets stand at each status, worst first, leaving out statuses none has. */
    public Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : STATUSES) {
            int n = (int) targets.stream().filter(t -> status.equals(TargetStatuses.of(t))).count();
            if (n > 0) {
                counts.put(status, n);
            }
        }
        return counts;
    }

    /** The worst status among its targets, or null without targets. */
    public String worstStatus() {
        return statusCounts().keySet().stream().findFirst().orElse(null);
    }

    /** Index of the worst status in {@link #STATUSES}; criteria without targets sort after all others. */
    int severityRank() {
        String worst = worstStatus();
        return worst == null ? STATUSES.size() : STATUSES.indexOf(worst);
    }

    public boolean hasStatus(String status) {
        return targets.stream().anyMatch(t -> status.equals(TargetStatuses.of(t)));
    }

    public boolean isPlanWide() {
        return code == null;
    }

    public String kindLabel() {
        return switch (kind == null ? "" : kind) {
            case "criterion" -> "Tiêu chí";
            case "sub-criterion" -> "Tiêu chí thành phần";
            case "sipas" -> "Chỉ số hài lòng (SIPAS)";
            default -> "Chung của kế hoạch";
        };
    }
}
