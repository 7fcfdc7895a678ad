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

    private IdempotencyKey() {
    }

    /**
     * SQL that takes a key for the rest of the current transaction, answering false at once (column
     * {@code taken}) when a request with the same key holds it; {@code parameter} is the placeholder
     * ("$1", "?1") of the {@link #scoped} key. The hash is seeded apart from the services' other advisory locks.
     */
    public static String takeSql(String parameter) {
        return "select pg_try_advisory_xact_lock(hashtextextended(" + parameter + ", 18)) as taken";
    }

    /** What {@link #takeSql} takes: the key after its scope's parts (the endpoint, the caller), joined by '|'. */
    public static String scoped(String key, String... scope) {
        return String.join("|", scope) + "|" + key;
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
