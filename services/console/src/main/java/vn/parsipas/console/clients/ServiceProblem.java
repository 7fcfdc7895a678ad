package vn.parsipas.console.clients;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's refusal (RFC 9457 problem+json): its status and the fields it named. The console
 * words the message itself, in Vietnamese, next to the field; the service's English detail is
 * kept for the log only.
 */
public record ServiceProblem(int status, List<String> fields, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The problem in a failed call, or null when the failure was not an answer of the service (e.g. it is down). */
    public static ServiceProblem of(Throwable failure) {
        if (!(failure instanceof WebApplicationException refused) || refused.getResponse() == null) {
            return null;
        }
        int status = refused.getResponse().getStatus();
        List<String> fields = new ArrayList<>();
        String detail = null;
        try {
            JsonNode body = JSON.readTree(refused.getResponse().readEntity(String.class));
            detail = body.path("detail").asText(null);
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        } catch (RuntimeException | java.io.IOException unreadable) {
            // no problem body: the status says enough
        }
        return new ServiceProblem(status, fields, detail);
    }

    /** Whether the service named this field (by the last part of its path, e.g. "reportProgress.request.note"). */
    public boolean names(String field) {
        return fields.stream().anyMatch(f -> f.equals(field) || f.endsWith("." + field));
    }
}
