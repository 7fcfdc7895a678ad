package vn.parsipas.notification.alert;

import java.util.stream.Collectors;

import vn.parsipas.contracts.text.AlertLabels;
import vn.parsipas.notification.directory.Routing;

/**
 * The notification service's own phrasing about alerts (who is responsible, by name); the words for the
 * codes (kind, severity, status, resolution, role, transition) are the contracts' {@link AlertLabels}.
 */
public final class Labels {
    private Labels() {
    }

    /** Who is responsible and who is in copy, by name; a collective is named with the office acting for it. */
    static String routing(AlertKind kind, Routing routing) {
        String role = kind.family() == AlertKind.Family.TASK ? "Cơ quan chủ trì"
                : kind.toDataProvider() ? "Đơn vị cung cấp số liệu" : "Cơ quan chịu trách nhiệm";
        StringBuilder text = new StringBuilder(role).append(": ").append(routing.name(routing.responsible()));
        if (routing.viaCoordinator()) {
            text.append(" (gửi ").append(routing.name(routing.deliveredTo())).append(" để điều phối)");
        }
        text.append('.');
        if (!routing.listedCopies().isEmpty()) {
            text.append(" Cơ quan phối hợp: ")
                    .append(routing.listedCopies().stream().map(routing::name).collect(Collectors.joining(", ")))
                    .append('.');
        }
        return text.toString();
    }
}
