package vn.parsipas.notification.alert;

import java.util.Collection;
import java.util.Set;

import io.quarkus.security.ForbiddenException;

/** Who may see one alert: the agencies holding it (responsible, copy, escalation). */
final class Holders {
    private Holders() {
    }

    /**
     * Refuses (403) a caller none of whose agencies holds the alert; {@code visible} null sees all.
     * Alert ids are random UUIDs, so answering 403 rather than 404 reveals nothing worth hiding.
     */
    static void requireVisible(Collection<String> holders, Set<String> visible) {
        if (visible != null && holders.stream().noneMatch(visible::contains)) {
            throw new ForbiddenException("alert not held by the caller's agency");
        }
    }
}
