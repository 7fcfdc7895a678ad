package vn.parsipas.console.report;

import java.util.List;

import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskSummary;
import vn.parsipas.console.overview.PlanOverview;
import vn.parsipas.console.overview.ReportPeriod;
import vn.parsipas.console.web.Directory;

/**
 * Everything a periodic report states, as the services answered the person who asked for it.
 *
 * @param indices the SIPAS sub-indices, or null when survey-service could not be read (the report says so)
 */
public record ReportData(PlanOverview overview, ReportPeriod period, List<Task> tasks, List<TaskSummary.OfAgency> agencies,
        List<SubIndex> indices, Directory.Names names, String preparedBy) {
}
