package vn.parsipas.console.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.AlertQuery;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.inbox.Acknowledgements;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Links;
import vn.parsipas.console.web.Staff;

/**
 * Cấp trên: for a supervising office (e.g. Văn phòng UBND tỉnh), the alerts escalated to it from the
 * agencies it supervises because nobody acknowledged them, grouped by agency, oldest escalation
 * level first within a group; acknowledged here like in the inbox.
 */
@Path("/cap-tren")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class SupervisionPage {
    private static final int PAGE = 200;

    @TemplateData
    public record Group(String agency, List<Alert> alerts) {
        public long unacknowledged() {
            return alerts.stream().filter(Alert::isOpen).count();
        }
    }

    @TemplateData
    public record View(String agency, List<Group> groups, int total, String nextLink, String flash, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance supervision(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @RestClient
    NotificationApi notifications;

    @GET
    public Uni<TemplateInstance> escalated(@QueryParam("trang") String cursor, @QueryParam("da-tiep-nhan") Integer acknowledged,
            @QueryParam("khong-tiep-nhan-duoc") Integer refused, @QueryParam("loi") String problem) {
        String agency = staff.requireAgency();
        AlertQuery query = new AlertQuery();
        query.holding = "escalation";
        query.status = "active";
        query.cursor = cursor;
        query.limit = PAGE;
        return Uni.combine().all().unis(notifications.inbox(agency, query), directory.names()).asTuple().map(loaded -> {
            Map<String, List<Alert>> byAgency = new LinkedHashMap<>();
            for (Alert alert : loaded.getItem1().items()) {
                byAgency.computeIfAbsent(alert.deliveredTo(), code -> new ArrayList<>()).add(alert);
            }
            List<Group> groups = byAgency.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue()))
                    .sorted((a, b) -> loaded.getItem2().of(a.agency()).compareTo(loaded.getItem2().of(b.agency()))).toList();
            String next = loaded.getItem1().nextCursor();
            View view = new View(agency, groups, loaded.getItem1().items().size(),
                    next == null ? null : Links.page("cap-tren", Links.query("trang", next)),
                    Acknowledgements.outcome(acknowledged, refused), Acknowledgements.problem(problem));
            return Templates.supervision(view, loaded.getItem2(), "supervision");
        });
    }
}
