package vn.parsipas.console.settings;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Agency;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.Silence;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.Webhook;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.FormErrors;
import vn.parsipas.console.web.Staff;

/** Reads what the settings page shows about one agency and renders it with the outcome of the last action. */
@RequestScoped
public class SettingsView {
    private static final int LOG_SIZE = 20;

    /** What the last action left to say: a saved notice, form errors, a new secret (shown once), a test result. */
    @TemplateData
    public record Outcome(String flash, FormErrors errors, String newSecret, Webhook.Ping ping) {
        static Outcome saved(String what) {
            String text = switch (what == null ? "" : what) {
                case "thu-dien-tu" -> "Đã lưu danh sách địa chỉ nhận thư điện tử.";
                case "webhook" -> "Đã lưu địa chỉ webhook.";
                case "tam-ngung" -> "Đã tạm ngưng thông báo đến cơ quan.";
                case "ket-thuc-tam-ngung" -> "Đã kết thúc tạm ngưng thông báo.";
                default -> null;
            };
            return new Outcome(text, new FormErrors(), null, null);
        }

        static Outcome errors(FormErrors errors) {
            return new Outcome(null, errors, null, null);
        }

        static Outcome secret(String secret) {
            return new Outcome("Đã đổi khóa ký webhook. Cập nhật khóa mới cho hệ thống nhận webhook của cơ quan ngay.",
                    new FormErrors(), secret, null);
        }

        static Outcome ping(Webhook.Ping ping) {
            return new Outcome(null, new FormErrors(), null, ping);
        }
    }

    @TemplateData
    public record View(Agency agency, boolean coordinator, Webhook.Status webhook, List<Webhook.Delivery> deliveries,
            List<Silence> silences, Instant now, Outcome outcome) {
        public String emailsText() {
            return agency.emails() == null ? "" : String.join("\n", agency.emails());
        }

        public boolean silenceActive(Silence silence) {
            return silence.isActive(now);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @RestClient
    TaskApi tasks;

    @RestClient
    NotificationApi notifications;

    Uni<TemplateInstance> page(String agency, Outcome outcome) {
        boolean coordinator = staff.isCoordinator();
        Uni<List<Silence>> silences = coordinator
                ? notifications.silences().map(list -> list.stream().filter(s -> agency.equals(s.agencyCode())).toList())
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(tasks.agency(agency), notifications.webhook(agency),
                        notifications.webhookDeliveries(agency, null, LOG_SIZE), silences, directory.names()).asTuple()
                .map(loaded -> {
                    Page<Webhook.Delivery> log = loaded.getItem3();
                    View view = new View(loaded.getItem1(), coordinator, loaded.getItem2(), log.items(), loaded.getItem4(),
                            Instant.now(), outcome);
                    return Templates.settings(view, loaded.getItem5(), "settings");
                });
    }
}
