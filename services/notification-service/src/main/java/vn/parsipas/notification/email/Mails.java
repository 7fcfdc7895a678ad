package vn.parsipas.notification.email;

import java.util.Arrays;
import java.util.List;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import vn.parsipas.contracts.text.AlertLabels;
import vn.parsipas.contracts.text.VietnameseFigures;
import vn.parsipas.notification.alert.AlertLink;
import vn.parsipas.notification.delivery.Claimed;

/** The Vietnamese e-mails (templates/Mails/*.html and *.txt): one notice, or a digest of several. */
final class Mails {
    private Mails() {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance notice(String agencyName, Item item);

        static native MailTemplateInstance digest(String agencyName, List<Item> items);
    }

    /** One notification as the e-mail shows it. */
    record Item(String transition, String title, List<String> paragraphs, String severity, String status, String role,
            String raisedAt, int occurrences, String url) {
    }

    static Item item(Claimed delivery, String publicUrl) {
        Claimed.AlertData alert = delivery.alert();
        return new Item(AlertLabels.transition(delivery.transition()), alert.title(), Arrays.asList(alert.body().split("\n")),
                AlertLabels.severity(alert.severity()), AlertLabels.status(alert.status()), AlertLabels.role(delivery.role()),
                VietnameseFigures.dateTime(alert.raisedAt()),
                alert.occurrences(), AlertLink.of(publicUrl, delivery.alertId()));
    }

    static String subject(String agencyName, List<Item> items) {
        if (items.size() == 1) {
            return "[" + items.get(0).transition() + "] " + items.get(0).title();
        }
        return "[PAR·SIPAS] " + items.size() + " thông báo cảnh báo gửi " + agencyName;
    }
}
