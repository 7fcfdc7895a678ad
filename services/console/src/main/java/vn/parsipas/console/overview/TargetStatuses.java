package vn.parsipas.console.overview;

import vn.parsipas.console.clients.Target;

/** A target's status as the overview counts it: indicator-service's status, or NOT_EVALUATED before the first evaluation. */
final class TargetStatuses {
    static final String NOT_EVALUATED = "NOT_EVALUATED";

    private TargetStatuses() {
    }

    static String of(Target target) {
        return target.status() == null ? NOT_EVALUATED : target.status();
    }
}
