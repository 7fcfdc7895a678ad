package vn.parsipas.notification.alert;

/** The routing rules as the transitions of an alert ask them, kept by rule/ ({@code RuleBook}). */
public interface AlertRules {
    /** The rule a new alert of this kind, severity and responsible agency follows. */
    AlertRule match(String kind, String severity, String agency);

    /** The rule an alert was raised under; if it is gone, the one matching the alert now. */
    AlertRule named(String name, String kind, String severity, String agency);
}
