package vn.parsipas.platform.events;

import vn.parsipas.contracts.JsonLimits;

/**
 * A record that can never be applied: not a CloudEvent, not valid UTF-8 JSON, not the expected
 * type, breaking its schema, refused by a business rule or by the database. It goes to the
 * dead-letter topic with this message as the reason; the consumer goes on with the next record.
 * The reason ends up in a header and in log lines: it is kept on one line and to 1000 characters.
 */
public class InvalidEventException extends RuntimeException {
    private static final int MAX_REASON = 1000;

    public InvalidEventException(String reason) {
        super(JsonLimits.oneLine(reason, MAX_REASON));
    }
}
