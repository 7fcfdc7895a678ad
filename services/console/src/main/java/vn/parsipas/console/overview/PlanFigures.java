package vn.parsipas.console.overview;

import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.IndicatorApi;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.TaskApi;

/**
 * Reads what the overview and the reports show from the services, with the person's token, so each
 * service scopes its answer to what the person may see. Calls that do not depend on each other run
 * concurrently. "Now" is indicator-service's business clock (the time its evaluations are as of), so
 * a demo or test that moves the suite's clocks sees its own date on the page and in the reports.
 */
@ApplicationScoped
public class PlanFigures {
    private static final int ALERT_PAGE = 200;

    @RestClient
    TaskApi tasks;

    @RestClient
    IndicatorApi indicators;

    @RestClient
    NotificationApi notifications;

    /** The requested plan, or (none requested) the plan of the latest year; 404 when there is no such plan. */
    public Uni<Plan> plan(String requested) {
        return tasks.plans().map(plans -> plans.stream()
                .filter(p -> requested == null || p.id().equals(requested))
                .max(Comparator.comparingInt(Plan::year).thenComparing(Plan::id))
                .orElseThrow(() -> new NotFoundException("no plan " + requested)));
    }

    /** The overview of a plan for the whole province ({@code agency} null) or for one agency's staff. */
    public Uni<PlanOverview> overview(Plan plan, String agency) {
        return Uni.combine().all().unis(tasks.criteria(plan.id()), tasks.criterionSummaries(plan.id()),
                indicators.overview(plan.id()), Page.all(cursor -> notifications.alerts("active", null, cursor, ALERT_PAGE))).asTuple()
                .map(loaded -> PlanOverview.of(plan, agency, loaded.getItem1(), loaded.getItem2(), loaded.getItem3(),
                        loaded.getItem4()));
    }
}
