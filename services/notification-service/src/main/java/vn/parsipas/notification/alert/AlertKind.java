package vn.parsipas.notification.alert;

import java.util.Arrays;
import java.util.Optional;

import vn.parsipas.contracts.text.AlertLabels;
import vn.parsipas.notification.NotificationConfig;

/** The kinds of alert (as in the alerts.v1 schemas), with their default severity; the Vietnamese label is {@link AlertLabels#kind}. */
public enum AlertKind {
    TASK_DUE_SOON("task-due-soon", Family.TASK, "info"),
    TASK_OVERDUE("task-overdue", Family.TASK, "critical"),
    TARGET_AT_RISK("target-at-risk", Family.TARGET, "warning"),
    TARGET_MISSED("target-missed", Family.TARGET, "critical"),
    TARGET_NO_DATA("target-no-data", Family.TARGET, "warning"),
    TARGET_NO_BASELINE("target-no-baseline", Family.TARGET, "warning"),
    SATISFACTION_BELOW_TARGET("satisfaction-below-target", Family.TARGET, "warning");

    /** Task alerts escalate by default to Văn phòng UBND tỉnh, PAR/SIPAS target alerts to Sở Nội vụ. */
    public enum Family {
        TASK, TARGET;

        /** The agency acting for a collective without a parent, and the top of escalation. */
        public String supervisor(NotificationConfig config) {
            return this == TASK ? config.taskSupervisor() : config.targetSupervisor();
        }
    }

    private final String code;
    private final Family family;
    private final String severity;

    AlertKind(String code, Family family, String severity) {
        this.code = code;
        this.family = family;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Family family() {
        return family;
    }

    public String severity() {
        return severity;
    }

    public String label() {
        return AlertLabels.kind(code);
    }

    /** Missing data is asked of the agency that provides it, not of the one answering for the target. */
    public boolean toDataProvider() {
        return this == TARGET_NO_DATA || this == TARGET_NO_BASELINE;
    }

    public String fingerprint(String subjectId) {
        return code + ":" + subjectId;
    }

    public static Optional<AlertKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
