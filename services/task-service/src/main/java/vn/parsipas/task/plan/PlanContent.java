package vn.parsipas.task.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.agency.AgencyRequests.PlanAgency;
import vn.parsipas.task.plan.PlanFile.CriterionEntry;
import vn.parsipas.task.plan.PlanFile.RecurringEntry;
import vn.parsipas.task.plan.PlanFile.TargetEntry;
import vn.parsipas.task.plan.PlanFile.TaskEntry;

/**
 * What a plan file states once its inheritance is resolved: each task with its effective lead,
 * coordinating agencies and deadline, each recurring duty expanded into its occurrences, each target
 * as the {@link TargetDefined} it publishes. Ids are prefixed with the plan id.
 */
record PlanContent(PlanFile file, List<PlanAgency> agencies, List<TargetSpec> targets, List<TaskSpec> tasks) {
    /** Months per period of the recurrences of the plan format. */
    private static final Map<String, Integer> PERIOD_MONTHS = Map.of("monthly", 1, "quarterly", 3, "half-yearly", 6, "yearly", 12);

    /** A task as the plan states it; compared field by field with the previous version's. */
    record TaskSpec(String id, String planTaskId, String criterionCode, String title, String intro, String leadAgency,
            List<String> coordinatingAgencies, LocalDate deadline, String recurrence, String reportTo) {
    }

    /** A target's definition; {@code planVersion} and {@code active} are set when it is published. */
    record TargetSpec(String id, String criterionCode, String kind, int position, TargetDefined definition) {
    }

    static PlanContent of(PlanFile file) {
        String planId = file.plan().id();
        List<PlanAgency> agencies = file.agencies().stream()
                .map(a -> new PlanAgency(a.code(), a.name(), a.kind(), a.parent())).toList();
        List<TargetSpec> targets = new ArrayList<>();
        for (TargetEntry goal : file.plan().goals().targets()) {
            targets.add(target(planId, null, goal, targets.size()));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (CriterionEntry criterion : file.criteria()) {
            criterion.targets().forEach(target -> targets.add(target(planId, criterion, target, targets.size())));
            for (TaskEntry task : criterion.tasks()) {
                String lead = task.leadAgency() != null ? task.leadAgency() : criterion.leadAgency();
                List<String> coordinating = task.coordinatingAgencies() != null ? task.coordinatingAgencies()
                        : criterion.coordinatingAgencies();
                if (task.recurrence() == null) {
                    tasks.add(new TaskSpec(planId + ":" + task.id(), task.id(), criterion.code(), task.title(), task.intro(),
                            lead, coordinating, task.deadline() != null ? task.deadline() : criterion.deadline(), null, null));
                    continue;
                }
                LocalDate from = task.from() != null ? task.from() : file.plan().issuedOn();
                LocalDate until = task.until() != null ? task.until() : criterion.deadline();
                for (Occurrence occurrence : occurrences(task.recurrence(), task.dueDay(), from, until)) {
                    tasks.add(new TaskSpec(planId + ":" + task.id() + "-" + occurrence.period(), task.id(), criterion.code(),
                            task.title(), task.intro(), lead, coordinating, occurrence.due(), task.recurrence(), task.reportTo()));
                }
            }
        }
        for (TaskEntry task : file.tasks()) {
            tasks.add(new TaskSpec(planId + ":" + task.id(), task.id(), null, task.title(), task.intro(), task.leadAgency(),
                    orEmpty(task.coordinatingAgencies()), task.deadline(), null, null));
        }
        for (RecurringEntry duty : file.recurringTasks()) {
            for (Occurrence occurrence : occurrences(duty.recurrence(), duty.dueDay(), duty.from(), duty.until())) {
                tasks.add(new TaskSpec(planId + ":" + duty.id() + "-" + occurrence.period(), duty.id(), null, duty.title(),
                        duty.intro(), duty.leadAgency(), orEmpty(duty.coordinatingAgencies()), occurrence.due(),
                        duty.recurrence(), duty.reportTo()));
            }
        }
        return new PlanContent(file, agencies, List.copyOf(targets), List.copyOf(tasks));
    }

    record Occurrence(String period, LocalDate due) {
    }

    /**
     * One occurrence per calendar period, due on {@code dueDay} of the period's last month (null: its last
     * day), for every period whose due date falls within [from, until]. Quarterly with dueDay 20 is the PAR
     * reporting calendar (văn bản 581/BNV-CCHC): reports by 20/3, 20/6, 20/9 and 20/12.
     */
    static List<Occurrence> occurrences(String recurrence, Integer dueDay, LocalDate from, LocalDate until) {
        int months = PERIOD_MONTHS.get(recurrence);
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate start = from.withDayOfMonth(1).withMonth(((from.getMonthValue() - 1) / months) * months + 1);
                !start.isAfter(until); start = start.plusMonths(months)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            LocalDate due = dueDay == null ? end : end.withDayOfMonth(dueDay);
            if (!due.isBefore(from) && !due.isAfter(until)) {
                occurrences.add(new Occurrence(period(recurrence, start), due));
            }
        }
        return occurrences;
    }

    private static String period(String recurrence, LocalDate start) {
        int index = (start.getMonthValue() - 1) / PERIOD_MONTHS.get(recurrence) + 1;
        return switch (recurrence) {
            case "monthly" -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case "quarterly" -> start.getYear() + "-Q" + index;
            case "half-yearly" -> start.getYear() + "-H" + index;
            default -> String.valueOf(start.getYear());
        };
    }

    private static TargetSpec target(String planId, CriterionEntry criterion, TargetEntry target, int position) {
        String id = planId + ":" + target.id();
        TargetDefined.Indicator indicator = target.indicator() == null ? null
                : new TargetDefined.Indicator(target.indicator().code(), target.indicator().name(), target.indicator().unit());
        String unit = indicator != null ? indicator.unit() : "sipas".equals(target.kind()) ? "percent" : null;
        TargetDefined.Baseline baseline = target.baseline() == null ? null
                : new TargetDefined.Baseline(target.baseline().value(), target.baseline().year());
        String criterionCode = criterion == null ? null : criterion.code();
        TargetDefined definition = new TargetDefined(id, planId, 1, criterionCode, criterion == null ? null : criterion.title(),
                target.kind(), target.description(), indicator, target.subIndex(), target.comparator(), target.value(), unit,
                baseline, target.relativeTo(), target.delta(), target.responsibleAgency(), target.deadline(),
                BusinessTime.endOf(target.deadline()), target.resultExpectedBy(), true);
        return new TargetSpec(id, criterionCode, target.kind(), position, definition);
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
