package vn.parsipas.console.agencies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.AlertQuery;
import vn.parsipas.console.clients.IndicatorApi;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.TaskQuery;
import vn.parsipas.console.overview.PlanFigures;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;

/**
 * Các cơ quan: the league table of agencies (overdue tasks, open and escalated alerts, median time to
 * acknowledge, targets at risk or missed), sortable by each, and one agency's drill-down: the tasks it
 * is late on, its unresolved alerts and its slipping targets. Agency staff see their own agency's line
 * and page only (the services answer them with their agency's share, copies of others' alerts included).
 */
@Path("/tong-quan/co-quan")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {
    private static final int ALERT_PAGE = 200;
    private static final int MOST = 200;

    @TemplateData
    public record League(Plan plan, List<AgencyStanding> standings, String sort) {
        public List<String> sorts() {
            return AgencyStanding.SORTS;
        }
    }

    @TemplateData
    public record Drill(Plan plan, String agency, List<Task> overdueTasks, boolean moreTasks, List<Alert> alerts,
            List<Target> slipping) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance league(League view, Directory.Names names, String active);

        static native TemplateInstance agency(Drill view, Directory.Names names, String active);
    }

    @Inject
    PlanFigures figures;

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @RestClient
    TaskApi tasks;

    @RestClient
    IndicatorApi indicators;

    @RestClient
    NotificationApi notifications;

    @GET
    public Uni<TemplateInstance> league(@QueryParam("ke-hoach") String plan, @QueryParam("sap-xep") String sort) {
        String chosen = AgencyStanding.sort(sort);
        return figures.plan(plan).chain(found -> Uni.combine().all().unis(tasks.agencySummaries(found.id(), "lead"),
                Page.all(cursor -> notifications.alertsRaisedFrom(LocalDate.of(found.year(), 1, 1).toString(), cursor, ALERT_PAGE)),
                targets(found), directory.names()).asTuple().map(loaded -> {
                    Directory.Names names = loaded.getItem4();
                    Comparator<String> byName = Comparator.comparing(names::of);
                    List<AgencyStanding> standings = AgencyStanding.of(loaded.getItem1(), loaded.getItem2(), loaded.getItem3(),
                            chosen, byName).stream().filter(s -> staff.isCoordinator() || s.agency().equals(staff.requireAgency()))
                            .toList();
                    return Templates.league(new League(found, standings, chosen), names, "overview");
                }));
    }

    @GET
    @Path("/{code}")
    public Uni<TemplateInstance> agency(@PathParam("code") String code, @QueryParam("ke-hoach") String plan) {
        if (!code.matches("^[A-Z0-9-]{1,40}$") || !staff.isCoordinator() && !code.equals(staff.requireAgency())) {
            throw new NotFoundException();
        }
        return figures.plan(plan).chain(found -> {
            TaskQuery late = new TaskQuery();
            late.planId = found.id();
            late.agency = code;
            late.role = "lead";
            late.overdue = true;
            late.limit = MOST;
            return Uni.combine().all().unis(tasks.tasks(late), Page.all(cursor -> notifications.inbox(code, active(cursor))),
                    targets(found), directory.names()).asTuple().map(loaded -> {
                        Directory.Names names = loaded.getItem4();
                        if (names.of(code).equals(code)) {
                            throw new NotFoundException();
                        }
                        List<Target> slipping = loaded.getItem3().stream().filter(t -> code.equals(t.responsibleAgency())
                                && t.status() != null && List.of("AT_RISK", "MISSED", "NO_DATA", "NO_BASELINE").contains(t.status())).toList();
                        List<Alert> alerts = loaded.getItem2().stream().filter(a -> code.equals(a.deliveredTo())).toList();
                        Drill view = new Drill(found, code, loaded.getItem1().items(), loaded.getItem1().nextCursor() != null, alerts,
                                slipping);
                        return Templates.agency(view, names, "overview");
                    });
        });
    }

    private Uni<List<Target>> targets(Plan plan) {
        return indicators.overview(plan.id()).map(o -> o.criteria().stream().flatMap(g -> g.targets().stream()).toList());
    }

    private static AlertQuery active(String cursor) {
        AlertQuery query = new AlertQuery();
        query.status = "active";
        query.cursor = cursor;
        query.limit = ALERT_PAGE;
        return query;
    }
}
