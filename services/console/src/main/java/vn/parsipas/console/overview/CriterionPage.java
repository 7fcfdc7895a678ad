package vn.parsipas.console.overview;

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
import vn.parsipas.console.clients.Criterion;
import vn.parsipas.console.clients.IndicatorApi;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.TaskQuery;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;

/**
 * A criterion of the plan, one click from the overview: its tasks, its targets with their latest
 * values and status, and the alerts raised about it with how long each took to be acknowledged.
 * What the person may not see is left out by the services.
 */
@Path("/tong-quan/tieu-chi/{code}")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class CriterionPage {
    private static final int MOST = 200;

    @TemplateData
    public record View(Plan plan, Criterion criterion, List<Task> tasks, boolean moreTasks, List<Target> targets,
            List<Alert> alerts, boolean moreAlerts, List<Change> changes) {
    }

    /** A status change of one of the criterion's targets, for the page's history (newest first). */
    @TemplateData
    public record Change(Target target, Target.StatusChange change) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance criterion(View view, Directory.Names names, String active);
    }

    @Inject
    PlanFigures figures;

    @Inject
    Directory directory;

    @RestClient
    TaskApi tasks;

    @RestClient
    IndicatorApi indicators;

    @RestClient
    NotificationApi notifications;

    @GET
    public Uni<TemplateInstance> criterion(@PathParam("code") String code, @QueryParam("ke-hoach") String plan) {
        if (!code.matches("^[0-9]+(\\.[0-9]+)*$")) {
            throw new NotFoundException();
        }
        return figures.plan(OverviewQuery.parse(plan, null, null, null).plan()).chain(found -> {
            TaskQuery query = new TaskQuery();
            query.planId = found.id();
            query.criterion = code;
            query.limit = MOST;
            return Uni.combine().all().unis(tasks.criteria(found.id()), tasks.tasks(query), indicators.targets(found.id(), code, MOST),
                    notifications.alerts(null, code, null, MOST), directory.names()).asTuple().chain(loaded -> {
                        Criterion criterion = loaded.getItem1().stream().filter(c -> c.code().equals(code)).findFirst()
                                .orElseThrow(NotFoundException::new);
                        List<Target> targets = loaded.getItem3().items();
                        return changes(targets).map(changes -> {
                            View view = new View(found, criterion, loaded.getItem2().items(), loaded.getItem2().nextCursor() != null,
                                    targets, loaded.getItem4().items(), loaded.getItem4().nextCursor() != null, changes);
                            return Templates.criterion(view, loaded.getItem5(), "overview");
                        });
                    });
        });
    }

    /** Every status change of the targets, newest first (each target's last 100, as indicator-service keeps them). */
    private Uni<List<Change>> changes(List<Target> targets) {
        if (targets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(targets.stream().map(t -> indicators.targetHistory(t.targetId())
                .map(history -> history.stream().map(c -> new Change(t, c)).toList())).toList()).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .sorted(java.util.Comparator.comparing((Change c) -> c.change().changedAt()).reversed()).toList());
    }
}
