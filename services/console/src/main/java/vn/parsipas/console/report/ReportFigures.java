package vn.parsipas.console.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.clients.SurveyApi;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.TaskQuery;
import vn.parsipas.console.overview.PlanFigures;
import vn.parsipas.console.overview.ReportPeriod;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;
import vn.parsipas.console.web.Wording;

/**
 * Reads a report's figures: the overview, every task of the plan, the per-agency task counts and the
 * SIPAS sub-indices. survey-service being away leaves the SIPAS sheet saying so rather than failing
 * the whole report.
 */
@ApplicationScoped
public class ReportFigures {
    private static final Logger LOG = Logger.getLogger(ReportFigures.class);
    private static final int PAGE = 200;
    private static final int INDEX_PAGE = 1000;

    @Inject
    PlanFigures figures;

    @Inject
    Directory directory;

    @Inject
    ConsoleConfig config;

    @RestClient
    TaskApi tasks;

    @RestClient
    SurveyApi survey;

    @Inject
    Staff staff;

    /**
     * The report of a plan (null: the latest year's) for the caller — the whole province for a
     * coordinator, the caller's agency for agency staff — on a worker thread, since writing a file blocks.
     */
    public Uni<ReportData> forCaller(String planId, String periodKey) {
        String scope = staff.isCoordinator() ? null : staff.requireAgency();
        String preparedBy = staff.displayName() + " (" + staff.username() + ")";
        return figures.plan(planId).chain(found -> load(found, scope, periodKey, preparedBy))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    public Uni<ReportData> load(Plan plan, String agency, String periodKey, String preparedBy) {
        return Uni.combine().all().unis(figures.overview(plan, agency), allTasks(plan.id()),
                tasks.agencySummaries(plan.id(), "lead"), indices(), directory.names()).asTuple().map(loaded -> {
                    LocalDate today = LocalDate.ofInstant(loaded.getItem1().at(), Wording.ZONE);
                    ReportPeriod period = ReportPeriod.choose(config.report().periods(), plan.year(), periodKey, today);
                    return new ReportData(loaded.getItem1(), period, loaded.getItem2(), loaded.getItem3(), loaded.getItem4(),
                            loaded.getItem5(), preparedBy);
                });
    }

    private Uni<List<Task>> allTasks(String planId) {
        return Page.all(cursor -> {
            TaskQuery query = new TaskQuery();
            query.planId = planId;
            query.cursor = cursor;
            query.limit = PAGE;
            return tasks.tasks(query);
        });
    }

    private Uni<List<SubIndex>> indices() {
        return Page.all(cursor -> survey.indices(cursor, INDEX_PAGE)).onFailure().recoverWithItem(e -> {
            LOG.warnf("the report goes without SIPAS sub-indices: survey-service could not be read (%s)", e.toString());
            return null;
        });
    }
}
