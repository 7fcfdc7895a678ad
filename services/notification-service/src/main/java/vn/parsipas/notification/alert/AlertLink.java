package vn.parsipas.notification.alert;

/**
 * Where people read an alert: its page in the agency console, below {@code parsipas.notification.public-url}.
 * Opening it signs the person in and lands on that alert.
 */
public final class AlertLink {
    private AlertLink() {
    }

    public static String of(String publicUrl, String alertId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/canh-bao/" + alertId;
    }
}
