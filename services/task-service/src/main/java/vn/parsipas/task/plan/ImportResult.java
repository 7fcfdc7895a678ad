package vn.parsipas.task.plan;

/** The outcome of an import: {@code created} (version 1), {@code revised} (a new version) or {@code unchanged}. */
public record ImportResult(String planId, int version, String outcome, Changes changes) {
    public static final String CREATED = "created";
    public static final String REVISED = "revised";
    public static final String UNCHANGED = "unchanged";

    /** What an import changed, event by event. */
    public record Changes(int agenciesUpserted, int targetsDefined, int targetsRemoved, int tasksAssigned,
            int tasksUpdated, int tasksWithdrawn) {
        static final Changes NONE = new Changes(0, 0, 0, 0, 0, 0);
    }
}
