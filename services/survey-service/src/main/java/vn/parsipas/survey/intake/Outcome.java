package vn.parsipas.survey.intake;

import java.util.Arrays;
import java.util.List;

import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.Problem;

/** What became of one submitted response. */
public record Outcome(int index, String responseId, Status status, List<Problem.FieldError> errors) {
    public enum Status {
        /** Stored and counted. */
        ACCEPTED,
        /** A response with this id was already accepted: nothing changed. */
        DUPLICATE,
        /** Invalid: nothing stored; {@code errors} says why. */
        REJECTED,
        /** Its receipt code already has a response: nothing stored. */
        CONFLICT
    }

    /** Every outcome's name in an import answer, in the order its counts show them. */
    public static final List<String> NAMES = Arrays.stream(Status.values()).map(Outcome::name).toList();

    static Outcome of(int index, String responseId, Status status) {
        return new Outcome(index, responseId, status, List.of());
    }

    static Outcome refused(int index, String responseId, Status status, List<Problem.FieldError> errors) {
        return new Outcome(index, responseId, status, List.copyOf(errors));
    }

    /** The answer's item: the outcome in lower case, the response by its id, what is wrong if refused. */
    public ImportSummary.Item item() {
        return errors.isEmpty() ? ImportSummary.Item.of(index, name(status), "responseId", responseId)
                : ImportSummary.Item.refused(index, name(status), errors, "responseId", responseId);
    }

    private static String name(Status status) {
        return status.name().toLowerCase();
    }

    /** One line for logs and dead-letter reasons. */
    public String reason() {
        return "response " + responseId + " " + status.name().toLowerCase() + ": " + String.join("; ",
                errors.stream().map(error -> (error.field().isEmpty() ? "" : error.field() + ": ") + error.message()).toList());
    }
}
