package vn.parsipas.console.clients;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** task-service's REST API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "task")
@RegisterProvider(PersonsToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TaskApi {

    @GET
    @Path("/tasks")
    Uni<Page<Task>> tasks(@BeanParam TaskQuery query);

    @GET
    @Path("/tasks/{id}")
    Uni<Task> task(@PathParam("id") String id);

    @GET
    @Path("/tasks/{id}/history")
    Uni<List<Task.Change>> history(@PathParam("id") String id);

    @GET
    @Path("/tasks/{id}/progress-reports")
    Uni<List<Task.Report>> reports(@PathParam("id") String id);

    @POST
    @Path("/tasks/{id}/progress-reports")
    Uni<Task.Report> reportProgress(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            Task.Progress body);

    @POST
    @Path("/tasks/{id}/complete")
    Uni<Task> complete(@PathParam("id") String id, Task.Note body);

    @POST
    @Path("/tasks/{id}/reopen")
    Uni<Task> reopen(@PathParam("id") String id, Task.Reason body);

    @GET
    @Path("/plans")
    Uni<List<Plan>> plans();

    @GET
    @Path("/summaries/criteria")
    Uni<List<TaskSummary.OfCriterion>> criterionSummaries(@QueryParam("planId") String planId);

    @GET
    @Path("/summaries/agencies")
    Uni<List<TaskSummary.OfAgency>> agencySummaries(@QueryParam("planId") String planId, @QueryParam("role") String role);

    @GET
    @Path("/plans/{id}/criteria")
    Uni<List<Criterion>> criteria(@PathParam("id") String planId);

    @GET
    @Path("/agencies")
    Uni<Page<Agency>> agencies(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/agencies/{code}")
    Uni<Agency> agency(@PathParam("code") String code);

    @PUT
    @Path("/agencies/{code}")
    Uni<Agency> updateAgency(@PathParam("code") String code, Agency.Change body);
}
