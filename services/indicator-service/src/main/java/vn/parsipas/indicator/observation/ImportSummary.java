package vn.parsipas.indicator.observation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a REST import, in the spirit of DHIS2's dataValueSets import summary: counts, and
 * the outcome of every item by its index (0 = first item, or the CSV's first data row).
 */
public record ImportSummary(String status, boolean dryRun, Counts importCount, List<Item> items) {
    public static final String OK = "OK";
    public static final String WARNING = "WARNING";
    public static final String ERROR = "ERROR";

    public record Counts(int imported, int updated, int ignored, int rejected) {
    }

    /** outcome: imported, updated, ignored-unchanged, ignored-outdated or rejected (with field and reason). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String indicatorCode, String scope, String period, String outcome, String field,
            String reason) {
    }

    static ImportSummary of(boolean dryRun, List<Item> items) {
        int imported = count(items, "imported");
        int updated = count(items, "updated");
        int rejected = count(items, "rejected");
        int ignored = items.size() - imported - updated - rejected;
        String status = rejected == 0 ? OK : rejected == items.size() ? ERROR : WARNING;
        return new ImportSummary(status, dryRun, new Counts(imported, updated, ignored, rejected), items);
    }

    private static int count(List<Item> items, String outcome) {
        return (int) items.stream().filter(item -> item.outcome().equals(outcome)).count();
    }
}
