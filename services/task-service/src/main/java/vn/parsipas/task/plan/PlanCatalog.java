package vn.parsipas.task.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.task.Json;

/** Reads plans, their versions, criteria and targets. */
@ApplicationScoped
public class PlanCatalog {
    public record PlanView(String id, String number, String title, String shortTitle, String issuer, String province,
            LocalDate issuedOn, int year, int version, Instant importedAt, String importedBy) {
    }

    public record VersionView(int version, String contentHash, ImportResult.Changes changes, Instant importedAt, String importedBy) {
    }

    public record CriterionView(String code, String kind, String area, String group, String title, String objective,
            String leadAgency, boolean leadAgencyInferred, List<String> coordinatingAgencies, String responsibilityText,
            LocalDate deadline, String deadlineText, boolean active) {
    }

    public Uni<List<PlanView>> plans() {
        return Panache.withSession(() -> Plan.<Plan>listAll(Sort.by("id"))).map(plans -> plans.stream().map(PlanCatalog::view).toList());
    }

    public Uni<PlanView> plan(String id) {
        return Panache.withSession(() -> require(id)).map(PlanCatalog::view);
    }

    public Uni<List<VersionView>> versions(String id) {
        return Panache.withSession(() -> require(id).chain(() -> PlanVersion.<PlanVersion>list("planId = ?1 order by version", id)))
                .map(rows -> rows.stream().map(v -> new VersionView(v.version, v.contentHash, Json.read(v.changes, ImportResult.Changes.class), v.importedAt, v.importedBy)).toList());
    }

    public Uni<List<CriterionView>> criteria(String id) {
        return Panache.withSession(() -> require(id).chain(() -> Criterion.<Criterion>list("planId = ?1 and active = true order by position", id)))
                .map(rows -> rows.stream().map(c -> new CriterionView(c.code, c.kind, c.area, c.groupCode, c.title, c.objective,
                        c.leadAgency, c.leadAgencyInferred, List.of(c.coordinatingAgencies), c.responsibilityText, c.deadline,
                        c.deadlineText, c.active)).toList());
    }

    /** The targets as last published (TargetDefined), active ones unless {@code includeRemoved}. */
    public Uni<List<TargetDefined>> targets(String id, boolean includeRemoved) {
        String query = includeRemoved ? "planId = ?1 order by position" : "planId = ?1 and active = true order by position";
        return Panache.withSession(() -> require(id).chain(() -> Target.<Target>list(query, id)))
                .map(rows -> rows.stream().map(t -> Json.read(t.definition, TargetDefined.class)).toList());
    }

    /** The file of a version as it was imported (the current version when {@code version} is null). */
    public Uni<StoredFile> file(String id, Integer version) {
        return Panache.withSession(() -> require(id).chain(plan -> {
            int wanted = version == null ? plan.version : version;
            return PlanVersion.<PlanVersion>find("planId = ?1 and version = ?2", id, wanted).firstResult().map(row -> {
                if (row == null) {
                    throw new NotFoundException("Plan version", id + " v" + wanted);
                }
                return new StoredFile(id, wanted, row.document);
            });
        }));
    }

    /** A stored version's plan document (JSON). */
    public record StoredFile(String planId, int version, String document) {
    }

    private static Uni<Plan> require(String id) {
        return Plan.<Plan>findById(id).map(plan -> {
            if (plan == null) {
                throw new NotFoundException("Plan", id);
            }
            return plan;
        });
    }

    private static PlanView view(Plan p) {
        return new PlanView(p.id, p.number, p.title, p.shortTitle, p.issuer, p.province, p.issuedOn, p.year, p.version,
                p.importedAt, p.importedBy);
    }
}
