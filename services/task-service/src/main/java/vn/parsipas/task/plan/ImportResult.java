package vn.parsipas.task.plan;

import java.util.List;

/**
 * The outcome of an import: {@code created} (version 1), {@code revised} (a new version) or
 * {@code unchanged}, what it changed, and the checker's warnings on the file (they do not stop it).
 */
public record ImportResult(String planId, int version, String outcome, Changes changes, List<PlanWarning> warnings) {
    public static final String CREATED = "created";
    public static final String REVISED = "revised";
    public static final String UNCHANGED = "unchanged";

    /** What an import changed, event by event. */
    public record Changes(int agenciesUpserted, int targetsDefined, int targetsRemoved, int tasksAssigned,
            int tasksUpdated, int tasksWithdrawn) {
        static final Changes NONE = new Changes(0, 0, 0, 0, 0, 0);
    }
}
