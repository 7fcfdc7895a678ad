package vn.parsipas.platform.events;

/**
 * A record that can never be applied: not a CloudEvent, not valid UTF-8 JSON, not the expected
 * type, breaking its schema, or refused by a business rule. It goes to the dead-letter topic
 * with this message as the reason; the consumer goes on with the next record.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }
}
