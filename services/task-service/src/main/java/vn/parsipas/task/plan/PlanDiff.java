package vn.parsipas.task.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.task.agency.AgencyRequests.PlanAgency;
import vn.parsipas.task.plan.PlanContent.TargetSpec;
import vn.parsipas.task.plan.PlanContent.TaskSpec;
import vn.parsipas.task.plan.PlanPreview.Impact;
import vn.parsipas.task.plan.PlanPreview.Reassignment;
import vn.parsipas.task.plan.PlanPreview.Reschedule;
import vn.parsipas.task.plan.PlanPreview.TargetItem;
import vn.parsipas.task.plan.PlanPreview.TaskItem;

/**
 * Compares what the service holds for a plan with a new version of its file, as the import would
 * (each task against what the previous version said about it; a withdrawn task that comes back is
 * added again). Pure: the caller loads the state.
 */
final class PlanDiff {
    /** A plan task as stored: the previous version's statement of it, and whether it was withdrawn since. */
    record StoredTask(TaskSpec spec, boolean withdrawn) {
    }

    /** Fields of a published target that belong to the version (or follow from another field), not to its definition. */
    private static final Set<String> NOT_COMPARED = Set.of("planVersion", "active", "dueAt");

    private final Map<String, ImpactBuilder> impacts = new TreeMap<>();

    private PlanDiff() {
    }

    static PlanPreview between(String planId, Integer currentVersion, String outcome, List<PlanWarning> warnings,
            List<StoredTask> storedTasks, List<TargetDefined> activeTargets, Map<String, PlanAgency> directory,
            PlanContent next) {
        PlanDiff diff = new PlanDiff();
        return new PlanPreview(planId, currentVersion, outcome, warnings, diff.tasks(storedTasks, next.tasks()),
                diff.targets(activeTargets, next.targets()), agencies(directory, next.agencies()),
                diff.impacts.values().stream().map(ImpactBuilder::build).toList());
    }

    private PlanPreview.Tasks tasks(List<StoredTask> stored, List<TaskSpec> next) {
        Map<String, StoredTask> previous = index(stored, s -> s.spec().id());
        List<TaskItem> added = new ArrayList<>();
        List<TaskItem> removed = new ArrayList<>();
        List<Reassignment> reassigned = new ArrayList<>();
        List<Reschedule> rescheduled = new ArrayList<>();
        List<String> reworded = new ArrayList<>();
        for (TaskSpec spec : next) {
            StoredTask old = previous.remove(spec.id());
            if (old == null || old.withdrawn()) {
                added.add(item(spec));
                agenciesOf(spec).forEach(code -> impact(code).tasksGained.add(spec.id()));
                continue;
            }
            TaskSpec was = old.spec();
            if (!spec.leadAgency().equals(was.leadAgency()) || !spec.coordinatingAgencies().equals(was.coordinatingAgencies())) {
                reassigned.add(new Reassignment(spec.id(), spec.title(), was.leadAgency(), spec.leadAgency(),
                        was.coordinatingAgencies(), spec.coordinatingAgencies()));
                Set<String> before = agenciesOf(was);
                Set<String> after = agenciesOf(spec);
                after.stream().filter(code -> !before.contains(code)).forEach(code -> impact(code).tasksGained.add(spec.id()));
                before.stream().filter(code -> !after.contains(code)).forEach(code -> impact(code).tasksLost.add(spec.id()));
            }
            if (!spec.deadline().equals(was.deadline())) {
                rescheduled.add(new Reschedule(spec.id(), spec.title(), was.deadline(), spec.deadline()));
                agenciesOf(spec).forEach(code -> impact(code).tasksRescheduled.add(spec.id()));
            }
            if (!spec.title().equals(was.title()) || !Objects.equals(spec.intro(), was.intro())
                    || !Objects.equals(spec.criterionCode(), was.criterionCode())) {
                reworded.add(spec.id());
            }
        }
        for (StoredTask gone : previous.values()) {
            if (!gone.withdrawn()) {
                removed.add(item(gone.spec()));
                agenciesOf(gone.spec()).forEach(code -> impact(code).tasksLost.add(gone.spec().id()));
            }
        }
        return new PlanPreview.Tasks(added, removed, reassigned, rescheduled, reworded);
    }

    private PlanPreview.Targets targets(List<TargetDefined> active, List<TargetSpec> next) {
        Map<String, TargetDefined> previous = index(active, TargetDefined::targetId);
        List<TargetItem> added = new ArrayList<>();
        List<TargetItem> removed = new ArrayList<>();
        List<TargetItem> changed = new ArrayList<>();
        for (TargetSpec spec : next) {
            TargetDefined now = spec.definition();
            TargetDefined was = previous.remove(spec.id());
            if (was == null) {
                added.add(new TargetItem(now.targetId(), now.description(), null, now.responsibleAgency(), List.of()));
                impact(now.responsibleAgency()).targetsGained.add(now.targetId());
                continue;
            }
            List<String> fields = changedFields(was, now);
            if (fields.isEmpty()) {
                continue;
            }
            changed.add(new TargetItem(now.targetId(), now.description(), was.responsibleAgency(), now.responsibleAgency(), fields));
            if (!was.responsibleAgency().equals(now.responsibleAgency())) {
                impact(now.responsibleAgency()).targetsGained.add(now.targetId());
                impact(was.responsibleAgency()).targetsLost.add(now.targetId());
            } else {
                impact(now.responsibleAgency()).targetsChanged.add(now.targetId());
            }
        }
        for (TargetDefined gone : previous.values()) {
            removed.add(new TargetItem(gone.targetId(), gone.description(), gone.responsibleAgency(), null, List.of()));
            impact(gone.responsibleAgency()).targetsLost.add(gone.targetId());
        }
        return new PlanPreview.Targets(added, removed, changed);
    }

    private static PlanPreview.Agencies agencies(Map<String, PlanAgency> directory, List<PlanAgency> next) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (PlanAgency agency : next) {
            PlanAgency known = directory.get(agency.code());
            if (known == null) {
                added.add(agency.code());
            } else if (!known.equals(agency)) {
                changed.add(agency.code());
            }
        }
        return new PlanPreview.Agencies(added, changed);
    }

    private static List<String> changedFields(TargetDefined was, TargetDefined now) {
        JsonNode before = EventJson.mapper().valueToTree(was);
        JsonNode after = EventJson.mapper().valueToTree(now);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!NOT_COMPARED.contains(name) && !after.get(name).equals(before.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }

    private static TaskItem item(TaskSpec spec) {
        return new TaskItem(spec.id(), spec.title(), spec.leadAgency(), spec.coordinatingAgencies(), spec.deadline());
    }

    private static Set<String> agenciesOf(TaskSpec spec) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(spec.leadAgency());
        codes.addAll(spec.coordinatingAgencies());
        return codes;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    private ImpactBuilder impact(String agency) {
        return impacts.computeIfAbsent(agency, ImpactBuilder::new);
    }

    private static final class ImpactBuilder {
        final String agency;
        final List<String> tasksGained = new ArrayList<>();
        final List<String> tasksLost = new ArrayList<>();
        final List<String> tasksRescheduled = new ArrayList<>();
        final List<String> targetsGained = new ArrayList<>();
        final List<String> targetsLost = new ArrayList<>();
        final List<String> targetsChanged = new ArrayList<>();

        ImpactBuilder(String agency) {
            this.agency = agency;
        }

        Impact build() {
            return new Impact(agency, tasksGained, tasksLost, tasksRescheduled, targetsGained, targetsLost, targetsChanged);
        }
    }
}
