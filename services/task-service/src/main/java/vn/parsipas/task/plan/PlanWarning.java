package vn.parsipas.task.plan;

/**
 * Something in a valid plan that the audit of the first plan found to go wrong in practice: who is
 * alerted, or when. {@code field} is the path of the entry, {@code code} the kind (a plan file may
 * accept a kind for an entry, with the reason in its note), {@code message} says it in Vietnamese.
 */
public record PlanWarning(String field, String code, String message) {
    public static final String OWNER_COLLECTIVE = "target-owner-collective";
    public static final String OWNER_OUTSIDE_HIERARCHY = "target-owner-outside-hierarchy";
    public static final String RECURRING_WORDING = "recurring-wording";
    public static final String RESULT_AFTER_DEADLINE = "result-after-deadline";
}
