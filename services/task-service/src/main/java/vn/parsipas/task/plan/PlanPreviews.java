package vn.parsipas.task.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.task.Json;
import vn.parsipas.task.agency.Agency;
import vn.parsipas.task.agency.AgencyRequests.PlanAgency;
import vn.parsipas.task.plan.PlanContent.TaskSpec;
import vn.parsipas.task.plan.PlanReader.ParsedPlan;
import vn.parsipas.task.tasks.Task;

/**
 * The dry run of an import: what a plan file would change, for whom, compared with the tasks, targets
 * and agencies the service holds, as {@link PlanImporter} would compare them. Reads only.
 */
@ApplicationScoped
public class PlanPreviews {

    public Uni<PlanPreview> preview(byte[] body, PlanFormat format) {
        ParsedPlan parsed = PlanReader.read(body, format);
        String planId = parsed.planId();
        List<String> codes = parsed.content().agencies().stream().map(PlanAgency::code).toList();
        return Panache.withSession(() -> Plan.<Plan>findById(planId)
                .chain(plan -> Task.<Task>list("planId = ?1 and planSpec is not null", planId)
                        .chain(tasks -> Target.<Target>list("planId = ?1 and active = true", planId)
                                .chain(targets -> Agency.<Agency>list("code in ?1", codes)
                                        .map(agencies -> diff(parsed, plan, tasks, targets, agencies))))));
    }

    private static PlanPreview diff(ParsedPlan parsed, Plan plan, List<Task> tasks, List<Target> targets, List<Agency> agencies) {
        String outcome = plan == null ? ImportResult.CREATED
                : plan.contentHash.equals(parsed.hash()) ? ImportResult.UNCHANGED : ImportResult.REVISED;
        List<PlanDiff.StoredTask> stored = tasks.stream()
                .map(t -> new PlanDiff.StoredTask(Json.read(t.planSpec, TaskSpec.class), Task.WITHDRAWN.equals(t.status)))
                .toList();
        List<TargetDefined> published = targets.stream().map(t -> Json.read(t.definition, TargetDefined.class)).toList();
        Map<String, PlanAgency> directory = agencies.stream().collect(Collectors.toMap(a -> a.code,
                a -> new PlanAgency(a.code, a.name, a.kind, a.parentCode)));
        return PlanDiff.between(parsed.planId(), plan == null ? null : plan.version, outcome, parsed.warnings(), stored,
                published, directory, parsed.content());
    }
}
