package vn.parsipas.console.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.Criterion;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.TaskSummary;

/**
 * Where the plan stands, put together from the three services' answers as the signed-in person may see
 * them: the plan's criteria (task-service), task counts per criterion (task-service), targets with their
 * status (indicator-service) and the alerts not yet resolved (notification-service).
 *
 * @param agency             null for the whole province (coordinators); else the person's agency, and only
 *                           the criteria it leads or where it has tasks, targets or alerts are listed
 * @param openAlertsByAgency open alerts by the agency responsible for acting on them
 */
@TemplateData
public record PlanOverview(Plan plan, String agency, List<CriterionRow> rows, long openAlerts, long openAlertsWithoutCriterion,
        Map<String, Long> openAlertsByAgency, Instant at) {

    public static PlanOverview of(Plan plan, String agency, List<Criterion> criteria, List<TaskSummary.OfCriterion> tasks,
            Target.Overview targets, List<Alert> activeAlerts) {
        Map<String, TaskSummary.Counts> tasksByCode = new HashMap<>();
        tasks.forEach(s -> tasksByCode.put(key(s.criterionCode()), s.tasks()));
        Map<String, List<Target>> targetsByCode = new HashMap<>();
        targets.criteria().forEach(g -> targetsByCode.computeIfAbsent(key(g.criterionCode()), k -> new ArrayList<>()).addAll(g.targets()));
        List<String> codes = criteria.stream().map(Criterion::code).toList();
        Map<String, Long> alertsByCode = new HashMap<>();
        long withoutCriterion = 0;
        Map<String, Long> byAgency = new HashMap<>();
        for (Alert alert : activeAlerts) {
            byAgency.merge(alert.deliveredTo(), 1L, Long::sum);
            String code = owningCriterion(alert.criterionCode(), codes);
            if (code == null) {
                withoutCriterion++;
            } else {
                alertsByCode.merge(code, 1L, Long::sum);
            }
        }
        List<CriterionRow> rows = new ArrayList<>();
        for (Criterion c : criteria) {
            rows.add(new CriterionRow(c.code(), c.title(), c.kind(), c.leadAgency(),
                    tasksByCode.getOrDefault(c.code(), TaskSummary.Counts.NONE), targetsByCode.getOrDefault(c.code(), List.of()),
                    alertsByCode.getOrDefault(c.code(), 0L)));
        }
        TaskSummary.Counts planTasks = tasksByCode.get("");
        List<Target> planTargets = targetsByCode.getOrDefault("", List.of());
        if (planTasks != null || !planTargets.isEmpty()) {
            rows.add(new CriterionRow(null, plan.shortTitle(), null, null, planTasks == null ? TaskSummary.Counts.NONE : planTasks,
                    planTargets, 0));
        }
        List<CriterionRow> visible = agency == null ? rows : rows.stream().filter(r -> concerns(r, agency)).toList();
        return new PlanOverview(plan, agency, visible, activeAlerts.size(), withoutCriterion, byAgency, targets.at());
    }

    /** The criterion an alert is about: its own code, else the nearest listed ancestor (1.2.3 → 1.2); null when none. */
    static String owningCriterion(String code, List<String> codes) {
        String candidate = code;
        while (candidate != null && !candidate.isEmpty()) {
            if (codes.contains(candidate)) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? null : candidate.substring(0, dot);
        }
        return null;
    }

    private static boolean concerns(CriterionRow row, String agency) {
        return agency.equals(row.leadAgency()) || row.tasks().total() > 0 || !row.targets().isEmpty() || row.openAlerts() > 0;
    }

    private static String key(String code) {
        return code == null ? "" : code;
    }
}
