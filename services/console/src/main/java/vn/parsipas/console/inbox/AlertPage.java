package vn.parsipas.console.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.AlertDetail;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;
import vn.parsipas.console.web.Wording;

/**
 * One alert: what happened in plain Vietnamese, what it is about (the task, or the criterion of a
 * target or sub-index), who holds it, and its timeline with every e-mail and webhook sent. The agency
 * acting on it (or supervising it) acknowledges it here. The e-mails' links land on this page.
 */
@Path("/canh-bao/{id}")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class AlertPage {

    /** A line of the timeline: an event of the alert, or a notification sent by e-mail or webhook. */
    @TemplateData
    public record Moment(Instant at, String what, String detail) {
    }

    @TemplateData
    public record View(AlertDetail detail, String role, boolean acknowledgeable, List<Moment> timeline, String flash,
            String problem) {
        public List<String> paragraphs() {
            return List.of(detail.alert().body().split("\n"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alert(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @RestClient
    NotificationApi notifications;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> alert(@PathParam("id") String id, @QueryParam("da-tiep-nhan") Integer acknowledged,
            @QueryParam("khong-tiep-nhan-duoc") Integer refused, @QueryParam("loi") String problem) {
        String agency = staff.requireAgency();
        return Uni.combine().all().unis(notifications.alert(id), directory.names()).asTuple().map(loaded -> {
            AlertDetail detail = loaded.getItem1();
            String role = detail.roleOf(agency);
            boolean acknowledgeable = detail.alert().isOpen() && role != null && !"copy".equals(role);
            View view = new View(detail, role, acknowledgeable, timeline(detail, loaded.getItem2()),
                    Acknowledgements.outcome(acknowledged, refused), Acknowledgements.problem(problem));
            return Templates.alert(view, loaded.getItem2(), "inbox");
        });
    }

    static List<Moment> timeline(AlertDetail detail, Directory.Names names) {
        List<Moment> moments = new ArrayList<>();
        for (AlertDetail.Line line : detail.timeline()) {
            if ("notified".equals(line.type())) {
                continue;
            }
            String who = line.actor() != null ? line.actor() + (line.agencyCode() == null ? "" : " (" + names.of(line.agencyCode()) + ")")
                    : line.agencyCode() == null ? "" : names.of(line.agencyCode());
            moments.add(new Moment(line.at(), Wording.timeline(line.type()) + (who.isEmpty() ? "" : " – " + who), line.detail()));
        }
        for (AlertDetail.Notification sent : detail.deliveries()) {
            if ("inbox".equals(sent.channel())) {
                continue;
            }
            String what = Wording.channel(sent.channel()) + " đến " + names.of(sent.agencyCode()) + ": "
                    + Wording.deliveryStatus(sent.status()).toLowerCase(Wording.LOCALE);
            String detailText = Wording.transition(sent.transition()) + (sent.attempts() > 1 ? ", " + sent.attempts() + " lần gửi" : "")
                    + (sent.lastError() == null || "sent".equals(sent.status()) ? "" : ". Lý do: " + sent.lastError());
            moments.add(new Moment(sent.sentAt(), what, detailText));
        }
        moments.sort(Comparator.comparing(Moment::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return moments;
    }
}
