package vn.parsipas.console.tasks;

import java.util.List;

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
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.TaskQuery;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Links;
import vn.parsipas.console.web.Staff;

/**
 * Nhiệm vụ: the tasks the person's agency leads or coordinates, in deadline order, with due-soon and
 * overdue badges; filtered by role (vai-tro), status (trang-thai), criterion (tieu-chi), overdue (qua-han).
 */
@Path("/nhiem-vu")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class TaskList {
    static final List<String> ROLES = List.of("tat-ca", "chu-tri", "phoi-hop");
    static final List<String> STATUSES = List.of("open", "in-progress", "completed");

    @TemplateData
    public record View(String agency, String role, String status, String criterion, boolean overdue, List<Task> tasks,
            String nextLink, String firstLink) {
        public List<String> roles() {
            return ROLES;
        }

        public List<String> statuses() {
            return STATUSES;
        }

        public String roleLabel(String value) {
            return switch (value) {
                case "chu-tri" -> "Cơ quan chủ trì";
                case "phoi-hop" -> "Cơ quan phối hợp";
                default -> "Chủ trì hoặc phối hợp";
            };
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @Inject
    ConsoleConfig config;

    @RestClient
    TaskApi tasks;

    @GET
    public Uni<TemplateInstance> tasks(@QueryParam("vai-tro") String role, @QueryParam("trang-thai") String status,
            @QueryParam("tieu-chi") String criterion, @QueryParam("qua-han") boolean overdue, @QueryParam("trang") String cursor) {
        String agency = staff.requireAgency();
        String chosenRole = role != null && ROLES.contains(role) ? role : "tat-ca";
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String chosenCriterion = criterion != null && criterion.matches("^[0-9]+(\\.[0-9]+)*$") ? criterion : null;
        TaskQuery query = new TaskQuery();
        query.agency = agency;
        query.role = switch (chosenRole) {
            case "chu-tri" -> "lead";
            case "phoi-hop" -> "coordinating";
            default -> "any";
        };
        query.status = chosenStatus;
        query.criterion = chosenCriterion;
        query.overdue = overdue ? Boolean.TRUE : null;
        query.cursor = cursor;
        query.limit = config.pageSize();
        return Uni.combine().all().unis(tasks.tasks(query), directory.names()).asTuple().map(loaded -> {
            var page = loaded.getItem1();
            var links = Links.query("vai-tro", chosenRole, "trang-thai", chosenStatus, "tieu-chi", chosenCriterion,
                    "qua-han", overdue ? "true" : null);
            String next = null;
            if (page.nextCursor() != null) {
                links.put("trang", page.nextCursor());
                next = Links.page("nhiem-vu", links);
                links.remove("trang");
            }
            View view = new View(agency, chosenRole, chosenStatus, chosenCriterion, overdue, page.items(), next,
                    cursor == null ? null : Links.page("nhiem-vu", links));
            return Templates.tasks(view, loaded.getItem2(), "tasks");
        });
    }
}
