package vn.parsipas.task.query;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;

@Path("/api/v1/summaries")
public class SummaryResource {
    @Inject
    Summaries summaries;

    @GET
    @Path("/agencies")
    @Operation(summary = "Per agency: open, due soon, overdue, done on time, done late (as lead, or role=any)")
    public Uni<List<Summaries.AgencySummary>> agencies(@QueryParam("planId") String planId, @QueryParam("role") String role) {
        if (role != null && !role.equals("lead") && !role.equals("any")) {
            throw new InvalidInputException("role", "must be lead or any");
        }
        return summaries.byAgency(planId, role, null);
    }

    @GET
    @Path("/criteria")
    @Operation(summary = "Province summary of a plan, per criterion")
    public Uni<List<Summaries.CriterionSummary>> criteria(@QueryParam("planId") String planId) {
        if (planId == null || planId.isBlank()) {
            throw new InvalidInputException("planId", "is required");
        }
        return summaries.byCriterion(planId, null);
    }
}
