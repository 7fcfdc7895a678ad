package vn.parsipas.notification.directory;

import java.util.List;
import java.util.Map;

/**
 * Who an alert is for. {@code responsible} is the agency the fact names; {@code deliveredTo} acts
 * for it (a collective has no staff, so its coordinating office does). {@code listedCopies} are the
 * copies as named (collectives included); {@code deliveredCopies} those that receive anything.
 */
public record Routing(String responsible, String deliveredTo, List<String> listedCopies, List<String> deliveredCopies,
        Map<String, String> names) {

    public String name(String code) {
        return names.getOrDefault(code, code);
    }

    public boolean viaCoordinator() {
        return !responsible.equals(deliveredTo);
    }
}
