package vn.parsipas.task.plan;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * The outcome of an import: {@code created} (version 1), {@code revised} (a new version) or
 * {@code unchanged}, what it changed, and the checker's warnings on the file (they do not stop it).
 */
@Schema(requiredProperties = { "planId", "version", "outcome", "changes", "warnings" },
        properties = @SchemaProperty(name = "outcome", enumeration = { ImportResult.CREATED, ImportResult.REVISED, ImportResult.UNCHANGED }))
public record ImportResult(String planId, int version, String outcome, Changes changes, List<PlanWarning> warnings) {
    public static final String CREATED = "created";
    public static final String REVISED = "revised";
    public static final String UNCHANGED = "unchanged";

    /** What an import changed, event by event. */
    @Schema(name = "PlanChanges")
    public record Changes(int agenciesUpserted, int targetsDefined, int targetsRemoved, int tasksAssigned,
            int tasksUpdated, int tasksWithdrawn) {
        static final Changes NONE = new Changes(0, 0, 0, 0, 0, 0);
    }
}
