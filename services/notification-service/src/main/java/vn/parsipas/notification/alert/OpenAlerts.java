package vn.parsipas.notification.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.alert.Planner.Recipient;

/**
 * The open alerts about the subjects of a batch of facts and who holds them: read (the alerts locked
 * for the rest of the transaction) in two queries when the batch starts, then kept current as its
 * facts apply. A fact then costs no query of its own, and a later fact of the batch sees what an earlier
 * one did.
 */
final class OpenAlerts {
    private final Map<String, List<Alert>> bySubject = new HashMap<>();
    private final Map<String, List<Recipient>> recipients = new HashMap<>();

    static Uni<OpenAlerts> about(Collection<String> subjects) {
        OpenAlerts open = new OpenAlerts();
        // locked in id order, whatever order the batch names them in: two batches cannot deadlock on them
        return Alert.<Alert>find("subjectId in ?1 and status <> ?2 order by id", Set.copyOf(subjects), Alert.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(alerts -> {
                    alerts.stream().sorted(Comparator.comparing(alert -> alert.raisedAt))
                            .forEach(alert -> open.bySubject.computeIfAbsent(alert.subjectId, s -> new ArrayList<>()).add(alert));
                    if (alerts.isEmpty()) {
                        return Uni.createFrom().item(open);
                    }
                    return AlertRecipient.<AlertRecipient>list("alertId in ?1", alerts.stream().map(alert -> alert.id).toList())
                            .map(rows -> {
                                rows.forEach(row -> open.recipients.computeIfAbsent(row.alertId, id -> new ArrayList<>())
                                        .add(new Recipient(row.agencyCode, row.role)));
                                return open;
                            });
                });
    }

    /** The open alerts about the subject, oldest first; a copy, so a transition may change the state meanwhile. */
    List<Alert> about(String subjectId) {
        return List.copyOf(bySubject.getOrDefault(subjectId, List.of()));
    }

    List<Recipient> recipientsOf(String alertId) {
        return recipients.getOrDefault(alertId, List.of());
    }

    void opened(Alert alert, List<Recipient> holders) {
        bySubject.computeIfAbsent(alert.subjectId, s -> new ArrayList<>()).add(alert);
        recipients.put(alert.id, List.copyOf(holders));
    }

    void resolved(Alert alert) {
        bySubject.getOrDefault(alert.subjectId, new ArrayList<>()).remove(alert);
    }

    void holders(String alertId, List<Recipient> holders) {
        recipients.put(alertId, List.copyOf(holders));
    }
}
