package vn.parsipas.notification.alert;

import java.time.Duration;
import java.util.List;

/** What one routing rule says about the alerts it matches: channels, copies, reminders, escalation (rule/'s {@code Rule}). */
public interface AlertRule {
    String name();

    List<String> channels();

    boolean copyCoordinators();

    List<String> copyTo();

    Duration repeatEvery();

    Duration escalateAfter();

    String escalateTo();

    int levels();
}
