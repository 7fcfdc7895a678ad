package vn.parsipas.platform.deadletter;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem;

/** Which dead letters of a topic an operator replays or discards, and why: exactly one of offsets, eventIds or reason. */
@Schema(description = "The dead letters to act on — exactly one of offsets, eventIds or reason — and the operator's reason")
public record Selection(
        @Schema(description = "records by their place in the dead-letter topic", nullable = true, maxItems = Selection.MAX_ITEMS)
        List<Place> offsets,
        @Schema(description = "records by CloudEvent id", nullable = true, maxItems = Selection.MAX_ITEMS)
        List<String> eventIds,
        @Schema(description = "every waiting record refused with exactly this reason", nullable = true, maxLength = 1001)
        String reason,
        @Schema(description = "why the operator does it: required to discard, optional to replay", nullable = true,
                maxLength = Selection.MAX_COMMENT)
        String comment) {

    static final int MAX_ITEMS = 500;
    static final int MAX_COMMENT = 500;

    @Schema(description = "A record's place in a dead-letter topic")
    public record Place(@NotNull Integer partition, @NotNull Long offset) {
    }

    /** 400 naming each wrong field; a discard needs a comment. */
    void check(boolean commentRequired) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int named = (offsets != null ? 1 : 0) + (eventIds != null ? 1 : 0) + (reason != null ? 1 : 0);
        if (named != 1) {
            errors.add(new Problem.FieldError("offsets", "name the records by exactly one of offsets, eventIds or reason"));
        }
        items("offsets", offsets, errors);
        items("eventIds", eventIds, errors);
        if (offsets != null) {
            for (int i = 0; i < offsets.size(); i++) {
                Place place = offsets.get(i);
                if (place == null || place.partition() == null || place.offset() == null || place.partition() < 0 || place.offset() < 0) {
                    errors.add(new Problem.FieldError("offsets[" + i + "]", "needs a partition and an offset, both 0 or more"));
                }
            }
        }
        if (reason != null && reason.isBlank()) {
            errors.add(new Problem.FieldError("reason", "must not be blank"));
        }
        if (commentRequired && (comment == null || comment.isBlank())) {
            errors.add(new Problem.FieldError("comment", "say why the records are discarded"));
        } else if (comment != null && (comment.length() > MAX_COMMENT || JsonLimits.textProblem(comment) != null)) {
            errors.add(new Problem.FieldError("comment", "at most " + MAX_COMMENT + " characters, without control characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void items(String field, List<?> items, List<Problem.FieldError> errors) {
        if (items != null && (items.isEmpty() || items.size() > MAX_ITEMS)) {
            errors.add(new Problem.FieldError(field, "between 1 and " + MAX_ITEMS + " items"));
        }
    }
}
