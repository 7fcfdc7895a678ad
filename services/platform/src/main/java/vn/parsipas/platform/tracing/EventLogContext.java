package vn.parsipas.platform.tracing;

import org.jboss.logging.MDC;

import vn.parsipas.contracts.JsonLimits;

/**
 * The CloudEvent a consumer is handling, in the logging MDC ({@code ce.id}, {@code ce.type}): every
 * log line written while the event is handled names it (JSON logs print the MDC). Values from a record
 * are escaped to one line. Quarkus keeps the MDC on the record's Vert.x context, so lines written
 * later in the same reactive chain carry it too; {@link #clear()} removes it when the record is done.
 */
public final class EventLogContext {
    public static final String ID = "ce.id";
    public static final String TYPE = "ce.type";
    private static final int MAX = 200;

    private EventLogContext() {
    }

    public static void set(String id, String type) {
        put(ID, id);
        put(TYPE, type);
    }

    public static void clear() {
        MDC.remove(ID);
        MDC.remove(TYPE);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, JsonLimits.oneLine(value, MAX));
        }
    }
}
