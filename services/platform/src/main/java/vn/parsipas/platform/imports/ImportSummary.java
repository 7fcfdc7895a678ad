package vn.parsipas.platform.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * The one answer to an import of several items, in every service (indicator observations, survey
 * responses, receipt codes), in the spirit of DHIS2's import summary: {@code status}, counts by
 * outcome, and the outcome of every item by its index (0 = the first item, or a CSV's first data
 * row). Each service names its outcomes; an item with a {@code reason} was refused.
 */
@Schema(description = "The answer to an import: a status, counts by outcome and every item's outcome by its index")
public record ImportSummary(
        @Schema(required = true, description = "OK: nothing refused; WARNING: some items refused; ERROR: every item refused") Status status,
        @Schema(required = true, description = "true: checked and classified, nothing written") boolean dryRun,
        @Schema(required = true, description = "how many items had each outcome (every outcome of the endpoint, zeros included)") Map<String, Integer> counts,
        @Schema(required = true) List<Item> items) {

    @Schema(name = "ImportStatus")
    public enum Status {
        OK, WARNING, ERROR
    }

    /**
     * One item's outcome. Besides its index it carries the fields that identify it to the caller
     * (e.g. {@code indicatorCode}, {@code scope}, {@code period}; or {@code responseId}), as they
     * were sent. A refused item names its first problem in {@code field} and {@code reason}, and
     * every problem in {@code errors}, as a problem+json does.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "index" })
    @Schema(name = "ImportItem", additionalProperties = String.class,
            description = "An item's outcome by its index, with the fields that identify it as sent (indicatorCode, scope, period; responseId; receiptCode)")
    public record Item(@Schema(required = true) int index,
            @Schema(hidden = true) Map<String, String> identity,
            @Schema(required = true) String outcome,
            @Schema(description = "a refused item: the field of its first problem (absent when it is the item as a whole)") String field,
            @Schema(description = "a refused item: what is wrong with its first problem") String reason,
            @Schema(description = "a refused item: every problem") List<FieldError> errors) {

        /** The identifying fields, written beside the others. */
        @Override
        @JsonAnyGetter
        public Map<String, String> identity() {
            return identity;
        }

        /** An item taken as it is: {@code outcome} with what identifies it (names and values in pairs). */
        public static Item of(int index, String outcome, String... identity) {
            return new Item(index, identityOf(identity), outcome, null, null, List.of());
        }

        /** An item refused for these problems (at least one). */
        public static Item refused(int index, String outcome, List<FieldError> errors, String... identity) {
            return new Item(index, identityOf(identity), outcome, errors.get(0).field(), errors.get(0).message(),
                    List.copyOf(errors));
        }

        private static Map<String, String> identityOf(String... pairs) {
            Map<String, String> identity = new LinkedHashMap<>();
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                if (pairs[i + 1] != null) {
                    identity.put(pairs[i], pairs[i + 1]);
                }
            }
            return identity;
        }
    }

    /**
     * The summary of these items; {@code outcomes} lists every outcome the endpoint knows, in the
     * order the counts show them.
     */
    public static ImportSummary of(boolean dryRun, List<String> outcomes, List<Item> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcomes.forEach(outcome -> counts.put(outcome, 0));
        items.forEach(item -> counts.merge(item.outcome(), 1, Integer::sum));
        long refused = items.stream().filter(item -> item.reason() != null).count();
        Status status = refused == 0 ? Status.OK : refused == items.size() ? Status.ERROR : Status.WARNING;
        return new ImportSummary(status, dryRun, counts, List.copyOf(items));
    }
}
