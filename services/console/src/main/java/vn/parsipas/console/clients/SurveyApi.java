package vn.parsipas.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** survey-service's REST API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "survey")
@RegisterProvider(PersonsToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SurveyApi {

    @GET
    @Path("/indices")
    Uni<Page<SubIndex>> indices(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    /** survey-service's CSV export of the sub-indices the person may see (UTF-8 with a byte order mark). */
    @GET
    @Path("/exports/indices.csv")
    @Produces("text/csv")
    Uni<String> indicesCsv(@QueryParam("subIndex") String subIndex, @QueryParam("period") String period);
}
