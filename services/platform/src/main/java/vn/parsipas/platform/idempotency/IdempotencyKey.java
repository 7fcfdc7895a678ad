package vn.parsipas.platform.idempotency;

import java.util.List;

import vn.parsipas.platform.problem.DomainException;

/**
 * The {@code Idempotency-Key} request header, as the IETF draft "The Idempotency-Key HTTP Header
 * Field" (draft-ietf-httpapi-idempotency-key-header) has it: the same key with the same request
 * answers the first answer again; the same key with another request body is refused with 422; a
 * request sent again while the first is still being processed is refused with 409, to be retried.
 */
public final class IdempotencyKey {
    public static final String HEADER = "Idempotency-Key";
    public static final String REUSED = "The Idempotency-Key was already used with another request body";
    public static final String IN_USE = "A request with this Idempotency-Key is still being processed: retry once it is answered";
    /** The header's rules as every OpenAPI document states them ({@link IdempotentRequests} keeps them). */
    public static final String RULES = "1 to 255 characters, scoped to the endpoint and the caller: the same key with the same "
            + "body answers the first answer again, with its status, and does nothing twice; the same key with another body is "
            + "refused (422); while a request with the key is still being processed, another is refused (409: retry it). Answers "
            + "are kept for 7 days.";

    private IdempotencyKey() {
    }

    /** 422: the key was first used with another request body; nothing was done. */
    public static final class ReusedException extends DomainException {
        public ReusedException(String key) {
            super("Idempotency-Key " + key + " was already used with another request body", List.of());
        }

        @Override
        public int status() {
            return 422;
        }

        @Override
        public String title() {
            return "Idempotency-Key reused";
        }
    }

    /** 409: a request with the same key is still being processed; nothing was done. */
    public static final class InUseException extends DomainException {
        public InUseException(String key) {
            super("A request with Idempotency-Key " + key + " is still being processed: retry once it is answered", List.of());
        }

        @Override
        public int status() {
            return 409;
        }

        @Override
        public String title() {
            return "Idempotency-Key in use";
        }
    }
}
