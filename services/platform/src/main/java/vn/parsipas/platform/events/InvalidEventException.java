package vn.parsipas.platform.events;

import vn.parsipas.contracts.JsonLimits;

/**
 * A record that can never be applied: not a CloudEvent, not valid UTF-8 JSON, not the expected
 * type, breaking its schema, refused by a business rule or by the database. It goes to the
 * dead-letter topic with this message as the reason; the consumer goes on with the next record.
 * The reason ends up in a header and in log lines: it is kept on one line and to 1000 characters.
 */
public class InvalidEventException extends RuntimeException {
    static final int MAX_REASON = 1000;
    static final String NO_MESSAGE = "failed without a message";

    public InvalidEventException(String reason) {
        super(JsonLimits.oneLine(reason, MAX_REASON));
    }

    /**
     * With the failure behind the reason, told by its message alone (the {@code dead-letter-cause}
     * header): the system that sent the record has no use for a Java class name.
     */
    public InvalidEventException(String reason, Throwable failure) {
        super(JsonLimits.oneLine(reason, MAX_REASON), new InvalidEventException(message(failure)));
    }

    /** For log lines: the reason, and the cause's message when there is one. */
    public String describe() {
        return getCause() == null ? getMessage() : getMessage() + " (cause: " + getCause().getMessage() + ")";
    }

    /** The innermost message of a failure: wrappers repeat it with their class names. */
    private static String message(Throwable failure) {
        String message = null;
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                message = current.getMessage();
            }
        }
        return message == null ? NO_MESSAGE : message;
    }
}
