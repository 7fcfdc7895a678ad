package vn.parsipas.task.agency;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import vn.parsipas.task.TaskConfig;
import vn.parsipas.task.agency.AgencyRequests.AgencyChange;
import vn.parsipas.task.agency.AgencyRequests.NewAgency;
import vn.parsipas.task.query.Cursors;
import vn.parsipas.task.query.Page;

@Path("/api/v1/agencies")
public class AgencyResource {
    @Inject
    AgencyDirectory directory;

    @Inject
    TaskConfig config;

    @GET
    @Operation(summary = "List the directory, by code")
    public Uni<Page<AgencyView>> list(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return directory.list(cursor, Cursors.limit(limit, config.queries().defaultLimit(), config.queries().maxLimit()), kind);
    }

    @GET
    @Path("/{code}")
    public Uni<AgencyView> get(@PathParam("code") String code) {
        return directory.get(code);
    }

    @POST
    @Operation(summary = "Add an agency to the directory")
    public Uni<Response> create(@Valid @NotNull NewAgency request) {
        return directory.create(request)
                .map(agency -> Response.created(URI.create("/api/v1/agencies/" + agency.code())).entity(agency).build());
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Replace an agency's name, kind, supervising agency and contacts")
    public Uni<AgencyView> update(@PathParam("code") String code, @Valid @NotNull AgencyChange request) {
        return directory.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Deactivate an agency (it stays in the directory, inactive)")
    public Uni<AgencyView> deactivate(@PathParam("code") String code) {
        return directory.deactivate(code);
    }
}
