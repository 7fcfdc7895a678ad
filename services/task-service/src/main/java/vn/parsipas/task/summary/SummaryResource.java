package vn.parsipas.task.summary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/** Dashboards: over every task for a coordinator, over their agency's tasks only for agency staff. */
@Path("/api/v1/summaries")
@RolesAllowed({Roles.COORDINATOR, Roles.AGENCY_STAFF})
public class SummaryResource {
    @Inject
    Summaries summaries;

    @Inject
    Caller caller;

    @GET
    @Path("/agencies")
    @Operation(summary = "Per agency: open, due soon, overdue, done on time, done late (as lead, or role=any)")
    public Uni<List<Summaries.AgencySummary>> agencies(@QueryParam("planId") String planId,
            @Parameter(description = "lead (default): tasks the agency leads; any: also those it coordinates",
                    schema = @Schema(enumeration = { "lead", "any" })) @QueryParam("role") String role) {
        if (role != null && !role.equals("lead") && !role.equals("any")) {
            throw new InvalidInputException("role", "must be lead or any");
        }
        return summaries.byAgency(planId, role, caller.visibleAgencies());
    }

    @GET
    @Path("/criteria")
    @Operation(summary = "Province summary of a plan, per criterion")
    public Uni<List<Summaries.CriterionSummary>> criteria(@Parameter(required = true) @QueryParam("planId") String planId) {
        if (planId == null || planId.isBlank()) {
            throw new InvalidInputException("planId", "is required");
        }
        return summaries.byCriterion(planId, caller.visibleAgencies());
    }
}
