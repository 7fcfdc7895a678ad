package vn.parsipas.task.agency;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.task.agency.AgencyRequests.AgencyChange;
import vn.parsipas.task.agency.AgencyRequests.NewAgency;
import vn.parsipas.platform.paging.Page;

/**
 * The directory is reference data every agency reads; only coordinators change it, and only they see
 * webhook URLs (such a URL often carries its receiver's secret).
 */
@Path("/api/v1/agencies")
@RolesAllowed({Roles.COORDINATOR, Roles.AGENCY_STAFF})
public class AgencyResource {
    @Inject
    AgencyDirectory directory;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List the directory, by code")
    public Uni<Page<AgencyView>> list(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return directory.list(cursor, limit, kind)
                .map(page -> caller.isCoordinator() ? page : page.map(AgencyView::withoutWebhook));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One agency of the directory")
    public Uni<AgencyView> get(@PathParam("code") String code) {
        return directory.get(code).map(agency -> caller.isCoordinator() ? agency : agency.withoutWebhook());
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add an agency to the directory")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location", required = true,
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field, or a supervising agency that cannot be one")
    @APIResponse(responseCode = "409", description = "An agency with this code is already in the directory")
    public Uni<Response> create(@Valid @NotNull NewAgency request) {
        return directory.create(request)
                .map(agency -> Response.created(URI.create("/api/v1/agencies/" + agency.code())).entity(agency).build());
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Replace an agency's name, kind, supervising agency and contacts")
    @APIResponse(responseCode = "200", description = "The agency as it is now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field, or a supervising agency that cannot be one")
    public Uni<AgencyView> update(@PathParam("code") String code, @Valid @NotNull AgencyChange request) {
        return directory.update(code, request);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Deactivate an agency (it stays in the directory, inactive)")
    public Uni<AgencyView> deactivate(@PathParam("code") String code) {
        return directory.deactivate(code);
    }
}
