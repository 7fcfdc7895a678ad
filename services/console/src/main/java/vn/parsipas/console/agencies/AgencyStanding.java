package vn.parsipas.console.agencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.TaskSummary;

/**
 * One agency's line in the league table: its overdue tasks (as lead), the alerts delivered to it that
 * are still open or escalated, how long it takes to acknowledge (the median over the alerts it
 * acknowledged since the plan's year began) and its targets at risk or missed.
 */
@TemplateData
public record AgencyStanding(String agency, long tasks, long overdueTasks, long openAlerts, long escalatedAlerts,
        long acknowledged, Duration medianToAcknowledge, long targetsAtRisk, long targetsMissed) {

    public static final List<String> SORTS = List.of("qua-han", "canh-bao", "tiep-nhan", "chi-tieu", "ten");

    /** The sort asked for when it is one of {@link #SORTS}, else the first (no parameter included: List.of refuses null). */
    public static String sort(String requested) {
        return requested != null && SORTS.contains(requested) ? requested : SORTS.get(0);
    }

    /** Every agency that leads a task, holds an alert or answers for a target, in the order asked for. */
    public static List<AgencyStanding> of(List<TaskSummary.OfAgency> tasks, List<Alert> alerts, List<Target> targets,
            String sort, Comparator<String> byName) {
        Set<String> agencies = new TreeSet<>();
        Stream.of(tasks.stream().map(TaskSummary.OfAgency::agency), alerts.stream().map(Alert::deliveredTo),
                targets.stream().map(Target::responsibleAgency)).flatMap(s -> s).filter(Objects::nonNull).forEach(agencies::add);
        Map<String, TaskSummary.Counts> taskCounts = new HashMap<>();
        tasks.forEach(t -> taskCounts.put(t.agency(), t.tasks()));
        Map<String, List<Alert>> alertsOf = new HashMap<>();
        alerts.forEach(a -> alertsOf.computeIfAbsent(a.deliveredTo(), k -> new ArrayList<>()).add(a));
        List<AgencyStanding> standings = new ArrayList<>();
        for (String agency : agencies) {
            TaskSummary.Counts counts = taskCounts.getOrDefault(agency, TaskSummary.Counts.NONE);
            List<Alert> held = alertsOf.getOrDefault(agency, List.of());
            List<Duration> waits = held.stream().filter(a -> a.acknowledgedAt() != null)
                    .map(a -> Duration.between(a.raisedAt(), a.acknowledgedAt())).sorted().toList();
            standings.add(new AgencyStanding(agency, counts.total(), counts.overdue(),
                    held.stream().filter(Alert::isOpen).count(),
                    held.stream().filter(a -> a.escalationLevel() > 0 && a.resolvedAt() == null).count(), waits.size(),
                    median(waits), targets.stream().filter(t -> agency.equals(t.responsibleAgency()) && "AT_RISK".equals(t.status())).count(),
                    targets.stream().filter(t -> agency.equals(t.responsibleAgency()) && "MISSED".equals(t.status())).count()));
        }
        standings.sort(order(sort, byName));
        return standings;
    }

    static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** Worst first on the chosen column, then by name; unknown sorts are the default (overdue tasks). */
    private static Comparator<AgencyStanding> order(String sort, Comparator<String> byName) {
        Comparator<AgencyStanding> name = Comparator.comparing(AgencyStanding::agency, byName);
        Comparator<AgencyStanding> worst = switch (sort == null ? "" : sort) {
            case "canh-bao" -> Comparator.comparingLong((AgencyStanding s) -> s.openAlerts() + s.escalatedAlerts()).reversed();
            case "tiep-nhan" -> Comparator.comparing(AgencyStanding::medianToAcknowledge,
                    Comparator.nullsLast(Comparator.<Duration>reverseOrder()));
            case "chi-tieu" -> Comparator.comparingLong((AgencyStanding s) -> s.targetsMissed() * 1_000_000 + s.targetsAtRisk()).reversed();
            case "ten" -> (a, b) -> 0;
            default -> Comparator.comparingLong(AgencyStanding::overdueTasks).reversed();
        };
        return worst.thenComparing(name);
    }
}
