package vn.parsipas.console.clients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * task-service's dashboard counts: every unfinished task is open (due later), due soon or overdue,
 * every completed one done on time or done late; per criterion or per agency.
 */
public final class TaskSummary {
    private TaskSummary() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(long total, long open, long dueSoon, long overdue, long doneOnTime, long doneLate) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public long done() {
            return doneOnTime + doneLate;
        }

        /** Unfinished and not (yet) overdue. */
        public long inProgress() {
            return open + dueSoon;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfCriterion(String criterionCode, String title, String leadAgency, Counts tasks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OfAgency(String agency, String name, Counts tasks) {
    }
}
