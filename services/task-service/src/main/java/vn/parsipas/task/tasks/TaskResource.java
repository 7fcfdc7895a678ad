package vn.parsipas.task.tasks;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.task.tasks.TaskRequests.Completion;
import vn.parsipas.task.tasks.TaskRequests.DeadlineChange;
import vn.parsipas.task.tasks.TaskRequests.NewTask;
import vn.parsipas.task.tasks.TaskRequests.Progress;
import vn.parsipas.task.tasks.TaskRequests.Reassignment;
import vn.parsipas.task.tasks.TaskRequests.Reopening;

/**
 * Coordinators assign and manage tasks; agency staff see the tasks their agency leads or coordinates
 * (restricted in the query), and the lead agency reports progress and declares completion.
 */
@Path("/api/v1/tasks")
@RolesAllowed({Roles.COORDINATOR, Roles.AGENCY_STAFF})
public class TaskResource {
    static final String CLOSED = "The task is completed (reopen it first) or was withdrawn from its plan";
    private static final String JSON = MediaType.APPLICATION_JSON;
    @Inject
    TaskCommands commands;

    @Inject
    TaskQueries queries;

    @Inject
    TaskRecords records;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List tasks in deadline order, filtered; cursor pagination")
    public Uni<Page<TaskView>> list(@QueryParam("agency") String agency,
            @Parameter(description = "how the agency takes part (with agency): lead (default), coordinating or any",
                    schema = @Schema(enumeration = { "lead", "coordinating", "any" })) @QueryParam("role") String role,
            @QueryParam("planId") String planId, @QueryParam("criterion") String criterion,
            @Parameter(schema = @Schema(enumeration = { "open", "in-progress", "completed", "withdrawn" }))
            @QueryParam("status") String status, @QueryParam("dueBefore") LocalDate dueBefore,
            @QueryParam("dueAfter") LocalDate dueAfter, @QueryParam("overdue") Boolean overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (role != null && !TaskFilter.ROLES.contains(role)) {
            throw new InvalidInputException("role", "must be one of " + TaskFilter.ROLES);
        }
        if (status != null && !TaskFilter.STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + TaskFilter.STATUSES);
        }
        TaskFilter filter = new TaskFilter(agency, role, planId, criterion, status, dueBefore, dueAfter, overdue,
                caller.visibleAgencies());
        return queries.list(filter, cursor, limit);
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Assign a new task; the Idempotency-Key (required, the caller's own) makes a retry safe")
    @APIResponse(responseCode = "201", description = "Assigned, or assigned before with this Idempotency-Key and body: the task",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "An invalid body or no Idempotency-Key; a deadline before today; a lead or "
            + "coordinating agency not active in the directory; a plan or criterion that does not exist")
    public Uni<Response> create(
            @Parameter(required = true, description = IdempotencyKey.RULES, schema = @Schema(type = SchemaType.STRING,
                    minLength = 1, maxLength = IdempotentRequests.MAX_KEY_LENGTH)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull NewTask request) {
        if (idempotencyKey == null) {
            throw new InvalidInputException(IdempotencyKey.HEADER, "the header is required: "
                    + "a client that retries a lost answer with the same key creates the task once");
        }
        return commands.create(request, idempotencyKey, caller.name()).chain(created -> queries.byId(created)
                .map(task -> Response.created(URI.create("/api/v1/tasks/" + task.id())).entity(task).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One task")
    public Uni<TaskView> get(@PathParam("id") String id) {
        return queries.byId(id, caller.visibleAgencies());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the task, with who made it and why")
    public Uni<List<TaskRecords.Change>> history(@PathParam("id") String id) {
        return queries.byId(id, caller.visibleAgencies()).chain(() -> records.history(id));
    }

    @GET
    @Path("/{id}/progress-reports")
    public Uni<List<TaskRecords.Report>> progress(@PathParam("id") String id) {
        return queries.byId(id, caller.visibleAgencies()).chain(() -> records.progress(id));
    }

    @POST
    @Path("/{id}/progress-reports")
    @Operation(summary = "Report progress, by the lead agency or a coordinator (Idempotency-Key makes a retry safe)")
    @APIResponse(responseCode = "201", description = "Recorded, or recorded before with this Idempotency-Key and body: the report",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TaskRecords.Report.class)))
    @APIResponse(responseCode = "400", description = "An invalid body, or a reporting agency not active in the directory")
    @APIResponse(responseCode = "403", description = "Not the lead agency's staff, or a reportingAgency other than the caller's")
    @APIResponse(responseCode = "409", description = CLOSED)
    public Uni<Response> reportProgress(@PathParam("id") String id,
            @Parameter(description = "Optional here. " + IdempotencyKey.RULES, schema = @Schema(type = SchemaType.STRING,
                    minLength = 1, maxLength = IdempotentRequests.MAX_KEY_LENGTH)) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @NotNull Progress request) {
        if (request.reportingAgency() != null) {
            caller.requireAgency(request.reportingAgency());
        }
        return commands.reportProgress(id, request, idempotencyKey, caller.visibleAgencies(), caller.name()).chain(created -> records.report(id, created)
                .map(report -> Response.created(URI.create("/api/v1/tasks/" + id + "/progress-reports/" + report.id()))
                        .entity(report).build()));
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Give the task to another lead agency and/or other coordinating agencies")
    @APIResponse(responseCode = "200", description = "The task as it is now", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "An invalid body, or an agency not active in the directory")
    @APIResponse(responseCode = "409", description = CLOSED)
    public Uni<TaskView> reassign(@PathParam("id") String id, @Valid @NotNull Reassignment request) {
        return commands.reassign(id, request, caller.name()).chain(() -> queries.byId(id));
    }

    @POST
    @Path("/{id}/change-deadline")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Move the deadline, with the reason; re-arms the due-soon and overdue facts")
    @APIResponse(responseCode = "200", description = "The task as it is now", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "An invalid body, or a deadline before the assignment date")
    @APIResponse(responseCode = "409", description = CLOSED)
    public Uni<TaskView> changeDeadline(@PathParam("id") String id, @Valid @NotNull DeadlineChange request) {
        return commands.changeDeadline(id, request, caller.name()).chain(() -> queries.byId(id));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Declare the task done, by the lead agency or a coordinator")
    @APIResponse(responseCode = "200", description = "The task as it is now", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "403", description = "Not the lead agency's staff")
    @APIResponse(responseCode = "409", description = "The task is already completed, or was withdrawn from its plan")
    public Uni<TaskView> complete(@PathParam("id") String id, @Valid @NotNull Completion request) {
        return commands.complete(id, request, caller.visibleAgencies(), caller.name()).chain(() -> queries.byId(id));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Reopen a completed task, with the reason")
    @APIResponse(responseCode = "200", description = "The task as it is now", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = "The task is not completed, or was withdrawn from its plan")
    public Uni<TaskView> reopen(@PathParam("id") String id, @Valid @NotNull Reopening request) {
        return commands.reopen(id, request, caller.name()).chain(() -> queries.byId(id));
    }
}
