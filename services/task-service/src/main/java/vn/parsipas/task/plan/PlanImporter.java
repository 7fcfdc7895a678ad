package vn.parsipas.task.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.Json;
import vn.parsipas.task.agency.AgencyDirectory;
import vn.parsipas.task.deadline.DeadlineScheduler;
import vn.parsipas.task.plan.PlanContent.TargetSpec;
import vn.parsipas.task.plan.PlanReader.ParsedPlan;

/**
 * Imports a plan file in one transaction: the plan, its agencies, criteria, targets and tasks, and the
 * events of what changed. Importing the same content again changes nothing; other content makes a new
 * version whose events are only the differences. Imports are serialised across replicas by an advisory
 * lock, so two instances starting on an empty database import the initial plan once.
 */
@ApplicationScoped
public class PlanImporter {
    private static final Logger LOG = Logger.getLogger(PlanImporter.class);

    @Inject
    AgencyDirectory directory;

    @Inject
    PlanTaskSync tasks;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    DeadlineScheduler deadlines;

    public Uni<ImportResult> importPlan(byte[] body, PlanFormat format, String actor) {
        ParsedPlan parsed = PlanReader.read(body, format);
        return Panache.withTransaction(() -> lock()
                        .chain(() -> Plan.<Plan>findById(parsed.planId()))
                        .chain(plan -> apply(plan, parsed, actor)))
                .invoke(this::afterCommit);
    }

    /** Imports the plan only when the database holds no plan at all (first start). */
    public Uni<ImportResult> importIfNoPlan(byte[] body, PlanFormat format, String actor) {
        ParsedPlan parsed = PlanReader.read(body, format);
        return Panache.withTransaction(() -> lock()
                        .chain(() -> Plan.count())
                        .chain(plans -> plans > 0 ? Uni.createFrom().<ImportResult>nullItem() : apply(null, parsed, actor)))
                .invoke(this::afterCommit);
    }

    private Uni<Void> lock() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('parsipas.plan-import'))")
                .getSingleResult()).replaceWithVoid();
    }

    private void afterCommit(ImportResult result) {
        if (result != null && !ImportResult.UNCHANGED.equals(result.outcome())) {
            LOG.infof("plan %s version %d imported: %s", result.planId(), result.version(), result.changes());
            deadlines.wake();
        }
    }

    private Uni<ImportResult> apply(Plan existing, ParsedPlan parsed, String actor) {
        if (existing != null && existing.contentHash.equals(parsed.hash())) {
            return Uni.createFrom().item(new ImportResult(existing.id, existing.version, ImportResult.UNCHANGED,
                    ImportResult.Changes.NONE, parsed.warnings()));
        }
        PlanFile.Info info = parsed.content().file().plan();
        Instant now = clock.instant();
        Plan plan = existing != null ? existing : new Plan();
        plan.id = info.id();
        plan.number = info.number();
        plan.title = info.title();
        plan.shortTitle = info.shortTitle();
        plan.issuer = info.issuer();
        plan.province = info.province();
        plan.issuedOn = info.issuedOn();
        plan.year = info.year();
        plan.version = existing == null ? 1 : existing.version + 1;
        plan.contentHash = parsed.hash();
        plan.importedAt = now;
        plan.importedBy = actor;
        int version = plan.version;
        // Tasks of the first version were assigned by the plan itself, on its issue date.
        Instant assignedAt = version == 1 ? info.issuedOn().atStartOfDay(BusinessTime.ZONE).toInstant() : now;
        int[] targetCounts = new int[2];
        Uni<Void> saved = existing == null ? plan.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        return saved
                .chain(() -> directory.applyPlan(parsed.content().agencies()))
                .chain(agencies -> syncCriteria(parsed.content().file())
                        .chain(() -> syncTargets(plan.id, version, parsed.content().targets(), targetCounts))
                        .chain(() -> tasks.sync(info, version, parsed.content().tasks(), assignedAt, actor))
                        .map(tally -> new ImportResult.Changes(agencies, targetCounts[0], targetCounts[1],
                                tally.assigned, tally.updated, tally.withdrawn)))
                .chain(changes -> saveVersion(plan, parsed, changes).replaceWith(new ImportResult(plan.id, version,
                        version == 1 ? ImportResult.CREATED : ImportResult.REVISED, changes, parsed.warnings())));
    }

    private Uni<Void> syncCriteria(PlanFile file) {
        String planId = file.plan().id();
        return Criterion.<Criterion>list("planId", planId).chain(existing -> {
            Map<String, Criterion> byCode = new HashMap<>();
            existing.forEach(c -> byCode.put(c.code, c));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < file.criteria().size(); i++) {
                PlanFile.CriterionEntry entry = file.criteria().get(i);
                Criterion criterion = byCode.remove(entry.code());
                Criterion row = criterion != null ? criterion : new Criterion();
                row.id = planId + ":" + entry.code();
                row.planId = planId;
                row.code = entry.code();
                row.position = i;
                row.kind = entry.kind();
                row.area = entry.area();
                row.groupCode = entry.group();
                row.title = entry.title();
                row.objective = entry.objective();
                row.leadAgency = entry.leadAgency();
                row.leadAgencyInferred = Boolean.TRUE.equals(entry.leadAgencyInferred());
                row.coordinatingAgencies = entry.coordinatingAgencies().toArray(String[]::new);
                row.responsibilityText = entry.responsibilityText();
                row.deadline = entry.deadline();
                row.deadlineText = entry.deadlineText();
                row.active = true;
                if (criterion == null) {
                    chain = chain.chain(() -> row.persist().replaceWithVoid());
                }
            }
            byCode.values().forEach(dropped -> dropped.active = false);
            return chain;
        });
    }

    /** Publishes new and changed targets with this version, and dropped ones once more with active=false. */
    private Uni<Void> syncTargets(String planId, int version, List<TargetSpec> specs, int[] counts) {
        return Target.<Target>list("planId", planId).chain(existing -> {
            Map<String, Target> byId = new HashMap<>();
            existing.forEach(t -> byId.put(t.id, t));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TargetSpec spec : specs) {
                Target stored = byId.remove(spec.id());
                String fingerprint = Sha256.ofJson(spec.definition());
                if (stored != null) {
                    stored.position = spec.position();
                    if (stored.active && stored.fingerprint.equals(fingerprint)) {
                        continue;
                    }
                }
                Target target = stored != null ? stored : new Target();
                target.id = spec.id();
                target.planId = planId;
                target.criterionCode = spec.criterionCode();
                target.kind = spec.kind();
                target.position = spec.position();
                target.fingerprint = fingerprint;
                counts[0]++;
                chain = chain.chain(() -> publish(target, spec.definition(), version, true, stored == null));
            }
            for (Target dropped : byId.values()) {
                if (dropped.active) {
                    counts[1]++;
                    TargetDefined last = Json.read(dropped.definition, TargetDefined.class);
                    chain = chain.chain(() -> publish(dropped, last, version, false, false));
                }
            }
            return chain;
        });
    }

    private Uni<Void> publish(Target target, TargetDefined d, int version, boolean active, boolean isNew) {
        TargetDefined event = new TargetDefined(d.targetId(), d.planId(), version, d.criterionCode(), d.criterionTitle(),
                d.kind(), d.description(), d.indicator(), d.subIndex(), d.comparator(), d.value(), d.unit(), d.baseline(),
                d.relativeTo(), d.delta(), d.responsibleAgency(), d.deadline(), d.dueAt(), d.resultExpectedBy(), active);
        target.definition = Json.write(event);
        target.planVersion = version;
        target.active = active;
        Uni<Void> saved = isNew ? target.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        return saved.chain(() -> outbox.add(event));
    }

    private Uni<Void> saveVersion(Plan plan, ParsedPlan parsed, ImportResult.Changes changes) {
        PlanVersion row = new PlanVersion();
        row.planId = plan.id;
        row.version = plan.version;
        row.contentHash = parsed.hash();
        row.document = parsed.documentJson();
        row.changes = Json.write(changes);
        row.importedAt = plan.importedAt;
        row.importedBy = plan.importedBy;
        return row.persist().replaceWithVoid();
    }
}
