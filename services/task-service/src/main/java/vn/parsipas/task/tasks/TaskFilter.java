package vn.parsipas.task.tasks;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a task list is restricted to; null fields do not restrict. {@code agencyRole} says how
 * {@code agency} takes part: lead, coordinating or any. {@code visibleAgencies} is the set of agencies
 * the caller may see (null: all): a task is listed only if one of them leads or coordinates it.
 */
public record TaskFilter(String agency, String agencyRole, String planId, String criterionCode, String status,
        LocalDate dueBefore, LocalDate dueAfter, Boolean overdue, Set<String> visibleAgencies) {
    public static final Set<String> ROLES = Set.of("lead", "coordinating", "any");
    public static final Set<String> STATUSES = Set.of("open", "in-progress", "completed", "withdrawn");

    TaskFilter withRole(String role) {
        return new TaskFilter(agency, role, planId, criterionCode, status, dueBefore, dueAfter, overdue, visibleAgencies);
    }
}
