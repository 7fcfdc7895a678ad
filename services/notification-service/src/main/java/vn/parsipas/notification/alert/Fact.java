package vn.parsipas.notification.alert;

import java.util.List;

/** What a producer's event means for alerts, independent of who is alerted and how. */
public sealed interface Fact {
    /** What the fact is about (a task, a target, a sub-index of a scope and period): its alerts are looked up by it. */
    String subjectId();

    /** A condition holds: open an alert for it (or count it on the open one) and close the alerts it replaces. */
    record Raise(AlertKind kind, String subjectId, String responsible, List<String> copies, String title, String body,
            List<AlertKind> supersedes, String criterionCode) implements Fact {
        public String fingerprint() {
            return kind.fingerprint(subjectId);
        }
    }

    /** A condition cleared: the open alerts of these kinds about the subject are resolved, with one notice. */
    record Clear(String subjectId, List<AlertKind> kinds, String resolution) implements Fact {
    }

    /** Something happened to the subject that belongs in the timeline of its open alerts, without notifying. */
    record Note(String subjectId, String type, String detail) implements Fact {
    }

    /** The subject changed hands: its open alerts move to the new responsible agency, which is notified. */
    record Reassign(String subjectId, String responsible, List<String> copies, String detail) implements Fact {
    }
}
