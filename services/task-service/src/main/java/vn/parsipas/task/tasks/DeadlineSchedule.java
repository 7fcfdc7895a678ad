package vn.parsipas.task.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * When the deadline facts of a task are due. A due-soon fact fires when a lead time before the
 * deadline is reached (30, 7 and 1 days by default; the deadline passes at the end of its day, so
 * "7 days" fires at the start of the 7th-last day); the overdue fact fires when the deadline passes.
 *
 * <p>When several triggers have passed at once (a task assigned 5 days before its deadline, or a
 * service that was down), only the most urgent fact is raised: one "due in 7 days" rather than a
 * stale "due in 30 days" followed by it, and once overdue no due-soon at all.
 */
public final class DeadlineSchedule {
    private final List<Integer> leadDays;

    public DeadlineSchedule(List<Integer> leadDays) {
        if (leadDays.stream().anyMatch(days -> days < 1 || days > 366)) {
            throw new IllegalArgumentException("due-soon lead times must be 1 to 366 days: " + leadDays);
        }
        this.leadDays = leadDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The largest lead time: a task is "due soon" within this many days of its deadline. */
    public int window() {
        return leadDays.isEmpty() ? 0 : leadDays.get(0);
    }

    /** The next instant a fact may fire, or null when none is left for this deadline. */
    public Instant nextCheck(Instant dueAt, Integer lastDueSoonDays, boolean overdueRaised) {
        if (overdueRaised) {
            return null;
        }
        Instant next = dueAt;
        for (int days : leadDays) {
            Instant trigger = trigger(dueAt, days);
            if (pending(days, lastDueSoonDays) && trigger.isBefore(next)) {
                next = trigger;
            }
        }
        return next;
    }

    /** The fact to raise at {@code now}, or null when nothing is due. */
    public Fact due(Instant dueAt, Integer lastDueSoonDays, boolean overdueRaised, Instant now) {
        if (overdueRaised) {
            return null;
        }
        if (!now.isBefore(dueAt)) {
            return new Fact(true, null);
        }
        Integer fire = null;
        for (int days : leadDays) {
            if (pending(days, lastDueSoonDays) && !now.isBefore(trigger(dueAt, days))) {
                fire = days;
            }
        }
        return fire == null ? null : new Fact(false, fire);
    }

    private static boolean pending(int days, Integer lastDueSoonDays) {
        return lastDueSoonDays == null || days < lastDueSoonDays;
    }

    private static Instant trigger(Instant dueAt, int days) {
        return dueAt.minus(Duration.ofDays(days));
    }

    /** A fact to raise: overdue, or due soon at {@code dueSoonDays}. */
    public record Fact(boolean overdue, Integer dueSoonDays) {
    }

    /**
     * Deterministic CloudEvent ids: the outbox's unique (source, id) makes a second copy of a fact
     * impossible. A re-armed deadline (changed, or the task reopened) gets a suffix, so its facts
     * are new facts.
     */
    public static String dueSoonId(String taskId, LocalDate deadline, int days, int arming) {
        return "due-soon/" + taskId + "/" + deadline + "/" + days + armingSuffix(arming);
    }

    public static String overdueId(String taskId, LocalDate deadline, int arming) {
        return "overdue/" + taskId + "/" + deadline + armingSuffix(arming);
    }

    public static String clearedId(String taskId, LocalDate deadline, int arming) {
        return "deadline-cleared/" + taskId + "/" + deadline + armingSuffix(arming);
    }

    private static String armingSuffix(int arming) {
        return arming <= 1 ? "" : "/r" + arming;
    }
}
