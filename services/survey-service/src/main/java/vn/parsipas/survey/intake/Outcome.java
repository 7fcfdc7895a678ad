package vn.parsipas.survey.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.parsipas.platform.problem.Problem;

/** What became of one submitted response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
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

    static Outcome of(int index, String responseId, Status status) {
        return new Outcome(index, responseId, status, List.of());
    }

    static Outcome refused(int index, String responseId, Status status, List<Problem.FieldError> errors) {
        return new Outcome(index, responseId, status, List.copyOf(errors));
    }

    /** One line for logs and dead-letter reasons. */
    public String reason() {
        return "response " + responseId + " " + status.name().toLowerCase() + ": " + String.join("; ",
                errors.stream().map(error -> (error.field().isEmpty() ? "" : error.field() + ": ") + error.message()).toList());
    }
}
