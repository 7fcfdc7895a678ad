package vn.parsipas.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An agency's live alert stream and what changed since an instant. A stream outlives the request
 * that opened it, so the person's access token is passed explicitly (taken when the stream opens)
 * instead of being propagated from a request context.
 */
@RegisterRestClient(configKey = "notification-stream")
@Path("/api/v1/agencies/{code}/alerts")
public interface NotificationStream {

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> changes(@PathParam("code") String agency, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Page<Alert>> changedSince(@PathParam("code") String agency, @QueryParam("updatedSince") String since,
            @QueryParam("limit") int limit, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
}
