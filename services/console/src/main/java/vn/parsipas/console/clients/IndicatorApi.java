package vn.parsipas.console.clients;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** indicator-service's REST API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "indicator")
@RegisterProvider(PersonsToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorApi {

    @GET
    @Path("/overview")
    Uni<Target.Overview> overview(@QueryParam("plan") String planId);

    @GET
    @Path("/targets")
    Uni<Page<Target>> targets(@QueryParam("plan") String planId, @QueryParam("criterion") String criterion,
            @QueryParam("limit") int limit);

    @GET
    @Path("/indicators/{code}/series")
    Uni<Series> series(@PathParam("code") String code, @QueryParam("scope") String scope);

    @GET
    @Path("/indicators/{code}/series/{scope}/{period}")
    Uni<Series.History> history(@PathParam("code") String code, @PathParam("scope") String scope,
            @PathParam("period") String period);

    @GET
    @Path("/targets/{targetId}/history")
    Uni<List<Target.StatusChange>> targetHistory(@PathParam("targetId") String targetId);
}
