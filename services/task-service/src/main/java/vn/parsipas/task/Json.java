package vn.parsipas.task;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.parsipas.contracts.EventJson;

/**
 * JSON as the service stores it (the event conventions of {@link EventJson}).
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #write} stored; failing means the database holds something the service never wrote. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
